import { create } from 'zustand'

export type Screen = 'register' | 'confirm' | 'users' | 'statistics'

interface NavigationState {
  screen: Screen
  /** A username handed from one screen to the next ("Confirm this user"). */
  handoffUsername: string | null
  go: (screen: Screen, handoffUsername?: string) => void
  takeHandoff: () => string | null
}

export const useNavigation = create<NavigationState>((set, get) => ({
  screen: 'register',
  handoffUsername: null,
  go: (screen, handoffUsername) => set({ screen, handoffUsername: handoffUsername ?? null }),
  takeHandoff: () => {
    const username = get().handoffUsername
    if (username) set({ handoffUsername: null })
    return username
  }
}))
