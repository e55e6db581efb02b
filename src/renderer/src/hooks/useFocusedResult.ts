import { useEffect, useRef, type RefObject } from 'react'

/**
 * Puts focus on the result just shown in `container` (the note or the error alert), so the next Tab
 * continues from where the operator is reading; the container itself when neither can take focus.
 */
export function focusResult(container: HTMLElement | null): void {
  const message = container?.querySelector<HTMLElement>('[role="status"], [role="alert"]')
  if (message && message.tabIndex === -1) message.focus()
  else container?.focus()
}

/** The ref for a result's container that takes focus (see focusResult) whenever a new outcome or error shows in it. */
export function useFocusedResult(outcome: unknown, error: unknown): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (outcome || error) focusResult(ref.current)
  }, [outcome, error])
  return ref
}
