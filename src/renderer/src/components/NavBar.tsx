import { useEffect } from 'react'
import { useNavigation, type Screen } from '../stores/navigationStore'

const ITEMS: { screen: Screen; label: string }[] = [
  { screen: 'register', label: 'Register' },
  { screen: 'confirm', label: 'Confirm' },
  { screen: 'users', label: 'Users' },
  { screen: 'statistics', label: 'Statistics' }
]

/** The screens, each also reachable with Ctrl+1 … Ctrl+4 from anywhere in the window. */
export function NavBar() {
  const { screen, go } = useNavigation()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.ctrlKey || event.altKey || event.shiftKey || event.metaKey) return
      const item = ITEMS[Number(event.key) - 1]
      if (!item) return
      event.preventDefault()
      go(item.screen)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go])
  return (
    <nav className="app-nav" aria-label="Screens">
      {ITEMS.map((item, index) => (
        <button
          key={item.screen}
          type="button"
          className={`nav-link btn${screen === item.screen ? ' active' : ''}`}
          aria-current={screen === item.screen ? 'page' : undefined}
          aria-keyshortcuts={`Control+${index + 1}`}
          title={`${item.label} (Ctrl+${index + 1})`}
          onClick={() => go(item.screen)}
        >
          {item.label}
        </button>
      ))}
    </nav>
  )
}
