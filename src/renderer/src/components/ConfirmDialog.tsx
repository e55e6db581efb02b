import { useEffect, useRef, type ReactNode } from 'react'
import { keepTabInside } from '../lib/focusTrap'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A modal question: focus starts on Cancel (the safe answer), Tab stays inside the dialog, Escape
 * cancels, and focus returns to whatever opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const panelRef = useRef<HTMLDivElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    cancelRef.current?.focus()
    return () => opener?.focus()
  }, [])
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => event.key === 'Escape' && onCancel()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onCancel])

  return (
    <div className="modal-backdrop-custom">
      <div
        ref={panelRef}
        className="modal-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="confirm-dialog-title"
        onKeyDown={(event) => keepTabInside(event, panelRef.current, 'button:not([disabled])')}
      >
        <div className="p-4">
          <h2 id="confirm-dialog-title" className="h5">
            {title}
          </h2>
          <div className="mb-4">{children}</div>
          <div className="d-flex justify-content-end gap-2">
            <button ref={cancelRef} type="button" className="btn btn-outline-secondary" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="btn btn-warning" onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </div>
      </div>
    </div>
  )
}
