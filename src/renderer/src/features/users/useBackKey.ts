import { useEffect } from 'react'

/** Where a key belongs to what has focus: a field edits with it, a dialog or a menu closes with it. */
function ownedElsewhere(event: KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target : null
  if (target?.closest('input, textarea, select, [contenteditable="true"], [role="menu"], [role="dialog"], [role="listbox"]')) return true
  return document.querySelector('[role="dialog"], [aria-modal="true"]') !== null
}

/**
 * Esc (or Alt+←, as in a browser) goes back from a user's page to the list it was opened from, while
 * `active`. A key another control uses (a field, an open dialog or menu) or already handled is left alone.
 */
export function useBackKey(active: boolean, back: () => void): void {
  useEffect(() => {
    if (!active) return
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.shiftKey) return
      const isBack = (event.key === 'Escape' && !event.altKey) || (event.key === 'ArrowLeft' && event.altKey)
      if (!isBack || ownedElsewhere(event)) return
      event.preventDefault()
      back()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active, back])
}
