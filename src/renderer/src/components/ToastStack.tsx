import { useToasts } from '../stores/toastStore'

const ICONS = { success: '✓', danger: '!', info: 'i' } as const

/**
 * The status strip: a row of the window's layout kept for notices, so a notice never covers a control
 * and never moves one. A notice shows on at most two lines; its whole text is in the tooltip and in the
 * live region screen readers read.
 */
export function ToastStack() {
  const toasts = useToasts((state) => state.toasts)
  const dismiss = useToasts((state) => state.dismiss)
  const hold = useToasts((state) => state.hold)
  const toast = toasts[0]
  const text = toast ? (toast.body ? `${toast.title} — ${toast.body}` : toast.title) : ''
  return (
    <footer className="app-status" aria-label="Notices" onMouseEnter={() => hold(true)} onMouseLeave={() => hold(false)}>
      <div className="app-status-live" role="status" aria-live="polite" aria-atomic="true">
        {toast && (
          <div key={toast.id} className={`notice notice-${toast.kind}`} title={text}>
            <span className="notice-icon" aria-hidden="true">
              {ICONS[toast.kind]}
            </span>
            <p className="notice-text">
              <strong>{toast.title}</strong>
              {toast.body && <> — {toast.body}</>}
            </p>
          </div>
        )}
      </div>
      {toast && (
        <button
          type="button"
          className="btn-close notice-close"
          aria-label="Dismiss notice"
          onFocus={() => hold(true)}
          onBlur={() => hold(false)}
          onClick={() => {
            hold(false)
            dismiss(toast.id)
            // The button goes with the notice: focus goes back to the screen, not to the page body.
            document.querySelector<HTMLElement>('.app-main')?.focus()
          }}
        />
      )}
    </footer>
  )
}
