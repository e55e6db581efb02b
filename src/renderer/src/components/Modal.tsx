import { useEffect, useRef, type CSSProperties, type KeyboardEvent, type ReactNode, type RefObject } from 'react'

interface ModalProps {
  /** The id of the dialog's heading; or, for a dialog without one, `label`: its name in words. */
  labelledBy?: string
  label?: string
  /** The controls Tab moves between; it never leaves the panel. */
  focusable?: string
  /** Off while a dialog drawn over this one has the keyboard. */
  trapFocus?: boolean
  /** Escape pressed anywhere in the window; left out while something else answers it. */
  onEscape?: () => void
  /**
   * Takes focus when the dialog opens ('panel': the panel itself), and focus goes back to whatever had
   * it when the dialog closes. Without it, focus is left where it is.
   */
  initialFocus?: RefObject<HTMLElement | null> | 'panel'
  className?: string
  style?: CSSProperties
  /** Keys pressed inside the panel, before Tab is kept in it. */
  onKeyDown?: (event: KeyboardEvent) => void
  /** Drawn over the panel, in the same backdrop: a question the panel asks. */
  over?: ReactNode
  children: ReactNode
}

/** A modal panel over a dimmed window, the frame of every dialog of the app, so they all keep the keyboard alike. */
export function Modal({
  labelledBy,
  label,
  focusable = 'input, button:not([disabled])',
  trapFocus = true,
  onEscape,
  initialFocus,
  className,
  style,
  onKeyDown,
  over,
  children
}: ModalProps) {
  const panelRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!initialFocus) return
    const opener = document.activeElement as HTMLElement | null
    ;(initialFocus === 'panel' ? panelRef : initialFocus).current?.focus()
    return () => opener?.focus()
  }, [initialFocus])
  useEffect(() => {
    if (!onEscape) return
    const onKey = (event: globalThis.KeyboardEvent) => event.key === 'Escape' && onEscape()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onEscape])

  return (
    <div className="modal-backdrop-custom">
      <div
        ref={panelRef}
        tabIndex={initialFocus === 'panel' ? -1 : undefined}
        className={className ? `modal-panel ${className}` : 'modal-panel'}
        style={style}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-label={label}
        onKeyDown={(event) => {
          onKeyDown?.(event)
          if (trapFocus) keepTabInside(event, panelRef.current, focusable)
        }}
      >
        {children}
      </div>
      {over}
    </div>
  )
}

/** Keeps Tab inside the panel: from its last focusable control to its first and back. */
function keepTabInside(event: KeyboardEvent, panel: HTMLElement | null, focusable: string): void {
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
