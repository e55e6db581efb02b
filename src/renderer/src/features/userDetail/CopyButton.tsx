import { useEffect, useRef, useState } from 'react'

interface Props {
  value: string
  /** What is copied, for the button's accessible name: "username", "sub", "email". */
  what: string
}

/** How long "Copied" shows before the button reads "Copy" again. */
const CONFIRM_MS = 1500

/**
 * Puts one value on the clipboard for a ticket reply. A page may be refused the clipboard (a locked
 * down window denies the permission), so a failed copy shows the value selected in a read-only box,
 * ready for Ctrl+C, instead of failing silently.
 */
export function CopyButton({ value, what }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle')
  const fallbackRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (state === 'copied') {
      const timer = setTimeout(() => setState('idle'), CONFIRM_MS)
      return () => clearTimeout(timer)
    }
    if (state === 'manual') {
      fallbackRef.current?.focus()
      fallbackRef.current?.select()
    }
  }, [state])

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      setState('manual')
    }
  }

  if (state === 'manual') {
    return (
      <span className="users-copy-fallback">
        <label className="visually-hidden" htmlFor={`copy-${what}`}>
          Select and copy the {what}
        </label>
        <input
          ref={fallbackRef}
          id={`copy-${what}`}
          className="form-control form-control-sm mono"
          readOnly
          value={value}
          onBlur={() => setState('idle')}
          onKeyDown={(event) => event.key === 'Escape' && setState('idle')}
        />
        <span className="small text-body-secondary">Select and copy (Ctrl+C)</span>
      </span>
    )
  }
  return (
    <button type="button" className="btn btn-link btn-sm users-copy" aria-label={`Copy ${what}`} title={`Copy ${what}`} onClick={() => void copy()}>
      <span aria-live="polite">{state === 'copied' ? 'Copied' : 'Copy'}</span>
    </button>
  )
}
