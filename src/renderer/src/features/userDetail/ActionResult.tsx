import { useEffect, useRef, type Ref, type RefObject } from 'react'
import type { AppErrorShape } from '../../../../shared/errors'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { Outcome } from '../users/usersStore'

interface Props {
  outcome: Outcome | null
  error: AppErrorShape | null
  /** The box, which takes focus (see focusResult) when a result arrives. */
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

/**
 * Puts focus on the result just shown in `container` (the note or the error alert), so the next Tab
 * continues from where the operator is reading; the container itself when neither can take focus.
 */
export function focusResult(container: HTMLElement | null): void {
  const message = container?.querySelector<HTMLElement>('[role="status"], [role="alert"]')
  if (message && message.tabIndex === -1) message.focus()
  else container?.focus()
}

/** The ref for an ActionResult that takes focus whenever a new outcome or error shows in it. */
export function useFocusedResult(outcome: Outcome | null, error: AppErrorShape | null): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (outcome || error) focusResult(ref.current)
  }, [outcome, error])
  return ref
}
