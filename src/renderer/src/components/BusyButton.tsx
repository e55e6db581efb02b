import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'

interface BusyButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy: boolean
  children: ReactNode
  ref?: Ref<HTMLButtonElement>
}

/**
 * A button that shows a spinner and refuses presses while its request is in flight. While busy it is
 * marked disabled (aria-disabled, Bootstrap's look) but not made `disabled`: Chromium moves the focus of
 * a button that becomes disabled to the page body, and the operator's place would be lost.
 */
export function BusyButton({ busy, children, disabled, className = 'btn btn-primary', onClick, ...rest }: BusyButtonProps) {
  return (
    <button
      {...rest}
      className={busy ? `${className} disabled` : className}
      disabled={!busy && disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy}
      onClick={(event) => {
        // Also stops Enter in a field from submitting the form again (implicit submission clicks this button).
        if (busy) event.preventDefault()
        else onClick?.(event)
      }}
    >
      {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
      {children}
    </button>
  )
}
