import type { Ref } from 'react'
import type { RegisterResult } from '../../../../shared/domain'

interface Props {
  result: RegisterResult
  /** The heading, which takes focus when the result arrives so the next Tab reaches "Confirm this user". */
  headingRef?: Ref<HTMLHeadingElement>
  onConfirm: () => void
}

/** What a registration did: the user, the tier it was given, its sub and where the code went. */
export function RegisterResultCard({ result, headingRef, onConfirm }: Props) {
  return (
    <section className="card border-success" aria-labelledby="registered-heading">
      <div className="card-body">
        <h2 id="registered-heading" ref={headingRef} tabIndex={-1} className="h5 text-success text-break">
          Registered {result.username}
        </h2>
        <dl className="result-list small mb-3">
          <dt>Tier</dt>
          <dd>
            <strong>{result.tier}</strong>
          </dd>
          <dt>User sub</dt>
          <dd className="mono">{result.userSub}</dd>
          <dt>Confirmed</dt>
          <dd>{result.confirmed ? 'yes' : 'not yet'}</dd>
          <dt>Code sent</dt>
          <dd>{result.delivery ? `by ${result.delivery.medium.toLowerCase()} to ${result.delivery.destination}` : 'no code was sent'}</dd>
        </dl>
        {!result.confirmed && (
          <button type="button" className="btn btn-success" onClick={onConfirm}>
            Confirm this user
          </button>
        )}
      </div>
    </section>
  )
}
