import { useNavigation, type Screen } from '../stores/navigationStore'

const ITEMS: { screen: Screen; label: string }[] = [
  { screen: 'register', label: 'Register' },
  { screen: 'confirm', label: 'Confirm' },
  { screen: 'users', label: 'Users' },
  { screen: 'statistics', label: 'Statistics' }
]

export function NavBar() {
  const { screen, go } = useNavigation()
  return (
    <nav className="app-nav" aria-label="Screens">
      {ITEMS.map((item) => (
        <button
          key={item.screen}
          type="button"
          className={`nav-link btn${screen === item.screen ? ' active' : ''}`}
          aria-current={screen === item.screen ? 'page' : undefined}
          onClick={() => go(item.screen)}
        >
          {item.label}
        </button>
      ))}
    </nav>
  )
}
