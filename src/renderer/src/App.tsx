import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { NavBar } from './components/NavBar'
import { ToastStack } from './components/ToastStack'
import { AuditScreen } from './features/audit/AuditScreen'
import { ConfirmScreen } from './features/confirm/ConfirmScreen'
import { ConnectionBar } from './features/connection/ConnectionBar'
import { RegisterScreen } from './features/register/RegisterScreen'
import { StatisticsScreen } from './features/statistics/StatisticsScreen'
import { UsersScreen } from './features/users/UsersScreen'
import { selectConnectionView, useConnection } from './stores/connectionStore'
import { followMenuNavigation, useNavigation, type Screen } from './stores/navigationStore'

const SCREENS: Record<Screen, () => React.JSX.Element> = {
  register: RegisterScreen,
  confirm: ConfirmScreen,
  users: UsersScreen,
  statistics: StatisticsScreen,
  audit: AuditScreen
}

export function App() {
  const connection = useConnection(useShallow(selectConnectionView))
  const { load, watch, checkPool, checkHealth, restartSandbox, restoreSandbox } = useConnection.getState()
  const screen = useNavigation((state) => state.screen)
  useEffect(() => {
    void load()
    return watch()
  }, [load, watch])
  useEffect(followMenuNavigation, [])
  const mainRef = useRef<HTMLElement>(null)
  const shownScreen = useRef(screen)
  // After a change of screen the next Tab starts at its first field, not back in the navigation.
  useEffect(() => {
    if (shownScreen.current === screen) return
    shownScreen.current = screen
    mainRef.current?.scrollTo({ top: 0 })
    mainRef.current?.focus()
  }, [screen])
  const Current = SCREENS[screen]
  return (
    <div className="app-shell">
      <ConnectionBar
        {...connection}
        onCheckPool={() => void checkPool(true)}
        onCheckHealth={() => void checkHealth()}
        onRestartSandbox={() => void restartSandbox()}
        onRestoreSandbox={() => void restoreSandbox()}
      />
      <NavBar />
      <main ref={mainRef} className="app-main" tabIndex={-1}>
        <Current />
      </main>
      <ToastStack />
    </div>
  )
}
