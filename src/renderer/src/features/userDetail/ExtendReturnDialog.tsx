import { useRef, useState } from 'react'
import { returnSentence, type PendingReturn } from '../../../../shared/tierReturns'
import { TIERS, type Tier } from '../../../../shared/tiers'
import { Modal } from '../../components/Modal'
import { instantToLocalInput, localDateTime, localInputToInstant } from '../../lib/localInstant'
import { whenSubmitted } from '../../lib/forms'

interface Props {
  pending: PendingReturn
  onExtend: (until: string, then?: Tier) => void
  onCancel: () => void
}

/** Moves a pending return to a new date and time (the operator's clock), and optionally to another return tier. */
export function ExtendReturnDialog({ pending, onExtend, onCancel }: Props) {
  const [when, setWhen] = useState(instantToLocalInput(pending.at))
  const [then, setThen] = useState<Tier>(pending.returnTier)
  const [touched, setTouched] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const until = localInputToInstant(when)
  const problem = until ? null : 'Enter the new date and time of the return'

  return (
    <Modal labelledBy="extend-return-title" className="bg-body text-body" focusable="input, select, button" initialFocus={inputRef} onEscape={onCancel}>
      <form className="p-4" onSubmit={whenSubmitted(() => (until ? onExtend(until, then === pending.returnTier ? undefined : then) : setTouched(true)))}>
        <h2 id="extend-return-title" className="h5">
          Extend {pending.username}&apos;s {pending.grantedTier}
        </h2>
        <p className="small">Now: {returnSentence(pending)}.</p>
        <label htmlFor="extend-return-until" className="form-label">
          Until (your local time)
        </label>
        <input
          ref={inputRef}
          id="extend-return-until"
          type="datetime-local"
          className={`form-control${touched && problem ? ' is-invalid' : ''}`}
          value={when}
          aria-invalid={touched && Boolean(problem)}
          aria-describedby={touched && problem ? 'extend-return-error' : undefined}
          onChange={(event) => setWhen(event.target.value)}
        />
        {touched && problem && (
          <div id="extend-return-error" className="invalid-feedback d-block">
            {problem}
          </div>
        )}
        <label htmlFor="extend-return-then" className="form-label mt-3">
          Then
        </label>
        <select id="extend-return-then" className="form-select" value={then} onChange={(event) => setThen(event.target.value as Tier)}>
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {tier}
            </option>
          ))}
        </select>
        <div className="d-flex justify-content-end gap-2 mt-4">
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            {until ? `Move to ${localDateTime(until)}` : 'Move the return'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
