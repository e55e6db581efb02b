import { create } from 'zustand'

export type Theme = 'light' | 'dark'

interface ThemeState {
  theme: Theme
}

/** The colour mode in use, for what CSS cannot reach (the charts' canvas). */
export const useTheme = create<ThemeState>(() => ({ theme: 'light' }))

/**
 * Follows the operating system's light or dark setting with Bootstrap 5.3's colour modes: sets
 * `data-bs-theme` on <html> now and whenever the setting changes. Returns the unsubscribe.
 */
export function followSystemTheme(): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  const apply = (): void => {
    const theme: Theme = query.matches ? 'dark' : 'light'
    document.documentElement.setAttribute('data-bs-theme', theme)
    useTheme.setState({ theme })
  }
  apply()
  query.addEventListener('change', apply)
  return () => query.removeEventListener('change', apply)
}
