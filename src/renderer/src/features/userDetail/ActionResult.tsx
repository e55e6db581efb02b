import type { Outcome } from '../users/usersStore'

/** What an action did, beside the control it came from: green when done, amber when done with a caveat. */
export function OutcomeNote({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null
  return (
    <div tabIndex={-1} className={`alert ${outcome.tone === 'success' ? 'alert-success' : 'alert-warning'} py-2 px-3 mb-0 small`} role="status">
      {outcome.message}
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
