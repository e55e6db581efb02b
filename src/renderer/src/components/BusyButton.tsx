import type { ButtonHTMLAttributes, ReactNode } from 'react'

interface BusyButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy: boolean
  children: ReactNode
}

/** A button that shows a spinner and refuses clicks while its request is in flight. */
export function BusyButton({ busy, children, disabled, className = 'btn btn-primary', ...rest }: BusyButtonProps) {
  return (
    <button className={className} disabled={busy || disabled} aria-busy={busy} {...rest}>
      {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
      {children}
    </button>
  )
}
