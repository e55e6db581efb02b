/**
 * The app's screens, in the order the navigation and the View menu list them. One list for the
 * renderer's navigation, the main process's menu and the contract's navigate event, so the Ctrl+N
 * shortcuts mean the same screen everywhere.
 */
export const SCREENS = ['register', 'confirm', 'users', 'statistics', 'audit'] as const
export type Screen = (typeof SCREENS)[number]

export const SCREEN_LABELS: Record<Screen, string> = {
  register: 'Register',
  confirm: 'Confirm',
  users: 'Users',
  statistics: 'Statistics',
  audit: 'Audit'
}

/** The digit of a screen's shortcut (Ctrl+1 … Ctrl+5, Cmd on macOS). */
export function screenShortcutDigit(screen: Screen): number {
  return SCREENS.indexOf(screen) + 1
}
