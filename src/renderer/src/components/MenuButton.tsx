import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'

/** One entry of a menu; a heading (for the eye: each item's words stand alone) groups the entries after it. */
export type MenuEntry = { kind: 'item'; label: string; onSelect: () => void; disabled?: boolean } | { kind: 'heading'; label: string }

interface Props {
  label: string
  entries: MenuEntry[]
  className?: string
}

/**
 * A button that opens a short menu of rarely used actions, so they take no room until wanted. The
 * WAI-ARIA menu button pattern: the arrow keys, Home and End move, Escape and Tab close, and focus
 * goes back to the button when an entry was chosen or the menu was dismissed.
 */
export function MenuButton({ label, entries, className = 'btn btn-outline-secondary' }: Props) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLUListElement>(null)
  const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])]

  useEffect(() => {
    if (!open) return
    items()[0]?.focus()
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  function close(refocus: boolean): void {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }

  function onKeyDown(event: KeyboardEvent): void {
    const all = items()
    const at = all.indexOf(document.activeElement as HTMLButtonElement)
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }
    if (event.key === 'Escape') {
      // Handled here: a screen's own Escape (back to a list) must not also run.
      event.preventDefault()
      event.stopPropagation()
      close(true)
    } else if (event.key === 'Tab') {
      close(false)
    } else if (event.key in moves) {
      event.preventDefault()
      all[(moves[event.key] + all.length) % all.length]?.focus()
    }
  }

  return (
    <div className="menu-button">
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menuRef} id={id} role="menu" aria-label={label} className="dropdown-menu show menu-button-list" onKeyDown={onKeyDown}>
          {entries.map((entry, index) =>
            entry.kind === 'heading' ? (
              <li key={index} role="presentation" className="dropdown-header" aria-hidden="true">
                {entry.label}
              </li>
            ) : (
              <li key={index} role="presentation">
                <button
                  type="button"
                  role="menuitem"
                  className="dropdown-item"
                  tabIndex={-1}
                  disabled={entry.disabled}
                  onClick={() => {
                    close(true)
                    entry.onSelect()
                  }}
                >
                  {entry.label}
                </button>
              </li>
            )
          )}
        </ul>
      )}
    </div>
  )
}
