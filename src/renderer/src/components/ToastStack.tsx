import { useToasts } from '../stores/toastStore'

const HEADER_CLASS = { success: 'text-bg-success', danger: 'text-bg-danger', info: 'text-bg-info' } as const

export function ToastStack() {
  const { toasts, dismiss } = useToasts()
  return (
    <div className="toast-stack" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast show mb-2" role={toast.kind === 'danger' ? 'alert' : 'status'}>
          <div className={`toast-header ${HEADER_CLASS[toast.kind]}`}>
            <strong className="me-auto">{toast.title}</strong>
            <button type="button" className="btn-close btn-close-white" aria-label="Dismiss" onClick={() => dismiss(toast.id)} />
          </div>
          {toast.body && <div className="toast-body">{toast.body}</div>}
        </div>
      ))}
    </div>
  )
}
