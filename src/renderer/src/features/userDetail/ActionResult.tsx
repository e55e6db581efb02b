import type { Ref } from 'react'
import type { AppErrorShape } from '../../../../shared/errors'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { Outcome } from '../users/usersStore'

interface Props {
  outcome: Outcome | null
  error: AppErrorShape | null
  /** The box, which takes focus when a result arrives (see useFocusedResult). */
  ref: Ref<HTMLDivElement>
}

/**
 * What an action did, under the controls it came from: green when done, amber when done with a
 * caveat, the alert when it failed.
 */
export function ActionResult({ outcome, error, ref }: Props) {
  return (
    <div ref={ref} tabIndex={-1} className="users-result">
      {outcome && (
        <div tabIndex={-1} className={`alert ${outcome.tone === 'success' ? 'alert-success' : 'alert-warning'} py-2 px-3 mb-0 small`} role="status">
          {outcome.message}
        </div>
      )}
      <ErrorAlert error={error} />
    </div>
  )
}
