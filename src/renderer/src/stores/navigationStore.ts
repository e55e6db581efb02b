import { create } from 'zustand'
import type { Screen } from '../../../shared/screens'

export type { Screen } from '../../../shared/screens'

interface NavigationState {
  screen: Screen
  go: (screen: Screen) => void
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: 'register',
  go: (screen) => set({ screen })
}))

/** Switches screen when the application menu (View → Register … Statistics) asks; returns the unsubscribe. */
export function followMenuNavigation(): () => void {
  return window.api.onNavigate((screen) => useNavigation.getState().go(screen))
}
