import { useEffect, useId, useRef } from 'react'
import { MAX_REASON_CHARS } from '../../../../shared/audit'
import { activeProfile, useProfiles } from './profilesStore'
import { useWriteReason } from './writeReasonStore'

interface Props {
  /** "bar": one line in the window's header; "dialog": under a question about one write. */
  variant: 'bar' | 'dialog'
}

/**
 * "Ticket or reason": what every write of the window carries into the audit trail and Cognito's
 * ClientMetadata. One value (the store), shown in the header and in the production question alike;
 * the field shown last takes focus when main refuses a write for want of one.
 */
export function WriteReasonField({ variant }: Props) {
  const id = useId()
  const { reason, focusRequests, setReason, clear } = useWriteReason()
  const required = useProfiles((state) => activeProfile(state.view)?.requireReason === true)
  const input = useRef<HTMLInputElement>(null)
  const seen = useRef(focusRequests)
  useEffect(() => {
    if (focusRequests === seen.current) return
    seen.current = focusRequests
    input.current?.focus()
  }, [focusRequests])
  const missing = required && !reason.trim()
  const hint = `${required ? 'This profile requires one for every write. ' : ''}Kept for every write until you clear it.`
  return (
    <div className={variant === 'bar' ? 'write-reason-bar d-flex align-items-center gap-2 flex-wrap' : 'mb-2'}>
      <label htmlFor={id} className={variant === 'bar' ? 'small fw-semibold text-nowrap mb-0' : 'form-label'}>
        Ticket or reason{required ? ' (required)' : ''}
      </label>
      <div className="input-group input-group-sm write-reason-input">
        <input
          ref={input}
          id={id}
          className={`form-control${missing ? ' border-warning' : ''}`}
          value={reason}
          maxLength={MAX_REASON_CHARS}
          placeholder="e.g. TICKET-812 upgrade after payment"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setReason(event.target.value)}
        />
        {reason && (
          <button type="button" className="btn btn-outline-secondary" onClick={clear} aria-label="Clear the ticket or reason">
            Clear
          </button>
        )}
      </div>
      <span id={`${id}-hint`} className={variant === 'bar' ? 'small opacity-75' : 'form-text d-block'}>
        {hint}
      </span>
    </div>
  )
}
