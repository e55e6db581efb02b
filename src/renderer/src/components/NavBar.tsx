import { useEffect } from 'react'
import { SCREEN_LABELS, SCREENS, screenShortcutDigit } from '../../../shared/screens'
import { useNavigation } from '../stores/navigationStore'

/**
 * The screens, each also reachable with Ctrl+1 … Ctrl+5 from anywhere in the window. The application
 * menu carries the same accelerators; both only switch screen, so a key seen by both does no harm, and
 * this handler keeps the keys working where there is no menu (the browser harness).
 */
export function NavBar() {
  const screen = useNavigation((state) => state.screen)
  const go = useNavigation((state) => state.go)
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.ctrlKey || event.altKey || event.shiftKey || event.metaKey) return
      const target = SCREENS[Number(event.key) - 1]
      if (!target) return
      event.preventDefault()
      go(target)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go])
  return (
    <nav className="app-nav" aria-label="Screens">
      {SCREENS.map((item) => (
        <button
          key={item}
          type="button"
          className={`nav-link btn${screen === item ? ' active' : ''}`}
          aria-current={screen === item ? 'page' : undefined}
          aria-keyshortcuts={`Control+${screenShortcutDigit(item)}`}
          title={`${SCREEN_LABELS[item]} (Ctrl+${screenShortcutDigit(item)})`}
          onClick={() => go(item)}
        >
          {SCREEN_LABELS[item]}
        </button>
      ))}
    </nav>
  )
}
