import { useEffect } from 'react'
import { ConnectionBar } from './components/ConnectionBar'
import { NavBar } from './components/NavBar'
import { ToastStack } from './components/ToastStack'
import { ConfirmScreen } from './screens/ConfirmScreen'
import { RegisterScreen } from './screens/RegisterScreen'
import { StatisticsScreen } from './screens/StatisticsScreen'
import { UsersScreen } from './screens/UsersScreen'
import { useConnection } from './stores/connectionStore'
import { useNavigation, type Screen } from './stores/navigationStore'

const SCREENS: Record<Screen, () => React.JSX.Element> = {
  register: RegisterScreen,
  confirm: ConfirmScreen,
  users: UsersScreen,
  statistics: StatisticsScreen
}

export function App() {
  const { status, pool, poolError, checkingPool, load, checkPool } = useConnection()
  const screen = useNavigation((state) => state.screen)
  useEffect(() => {
    void load()
  }, [load])
  const Current = SCREENS[screen]
  return (
    <div className="app-shell">
      <ConnectionBar status={status} pool={pool} poolError={poolError} checkingPool={checkingPool} onCheckPool={() => void checkPool(true)} />
      <NavBar />
      <main className="app-main">
        <Current />
      </main>
      <ToastStack />
    </div>
  )
}
