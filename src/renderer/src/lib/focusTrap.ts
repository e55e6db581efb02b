import type { KeyboardEvent } from 'react'

/**
 * Keeps Tab inside a modal panel: from its last focusable control to its first and back. Every
 * dialog of the app uses this one, so they all trap focus the same way.
 */
export function keepTabInside(event: KeyboardEvent, panel: HTMLElement | null, focusable = 'input, button:not([disabled])'): void {
  if (event.key !== 'Tab') return
  const stops = [...(panel?.querySelectorAll<HTMLElement>(focusable) ?? [])]
  const first = stops[0]
  const last = stops[stops.length - 1]
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last?.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first?.focus()
  }
}
