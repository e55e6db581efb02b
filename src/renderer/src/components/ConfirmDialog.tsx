import { useRef, type ReactNode } from 'react'
import { Modal } from './Modal'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  /** The confirm button waits for something the dialog asks for (a required field). */
  confirmDisabled?: boolean
}

/**
 * A modal question: focus starts on Cancel (the safe answer), Tab stays inside the dialog, Escape
 * cancels, and focus returns to whatever opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, confirmDisabled }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null)
  return (
    <Modal labelledBy="confirm-dialog-title" focusable="input, button:not([disabled])" onEscape={onCancel} initialFocus={cancelRef}>
      <div className="p-4">
        <h2 id="confirm-dialog-title" className="h5">
          {title}
        </h2>
        <div className="mb-4">{children}</div>
        <div className="d-flex justify-content-end gap-2">
          <button ref={cancelRef} type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="btn btn-warning" onClick={onConfirm} disabled={confirmDisabled}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </Modal>
  )
}
