/**
 * The application menu: the standard Edit, View, Window and Help roles (so copy and paste, zoom and
 * the platform's window keys work as in any desktop app), and the screens with their Ctrl+1…5
 * (Cmd on macOS) accelerators, which ask the window to switch screen through the contract's navigate event.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import { SCREEN_LABELS, SCREENS, screenShortcutDigit, type Screen } from '../../shared/screens'

export interface MenuOptions {
  /** A packaged build has no reload or developer tools: an operator's reload would drop unsaved forms. */
  packaged: boolean
  /** macOS wants the app's own menu first (About, Hide, Quit). */
  mac: boolean
  navigate: (screen: Screen) => void
}

/** The menu as data, so the main-bundle test can read what was installed. */
export function menuTemplate({ packaged, mac, navigate }: MenuOptions): MenuItemConstructorOptions[] {
  const screens: MenuItemConstructorOptions[] = SCREENS.map((screen) => ({
    id: `screen-${screen}`,
    label: SCREEN_LABELS[screen],
    accelerator: `CmdOrCtrl+${screenShortcutDigit(screen)}`,
    click: () => navigate(screen)
  }))
  const development: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }]
    },
    {
      label: 'View',
      submenu: [
        ...screens,
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...development
      ]
    },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
    { label: 'Help', submenu: [{ role: 'about', label: 'About Tier Admin' }] }
  ]
}

/** Installs the menu for the whole app; its screen items go to whichever window `navigate` picks. */
export function installMenu(navigate: (screen: Screen) => void): void {
  const template = menuTemplate({ packaged: app.isPackaged, mac: process.platform === 'darwin', navigate })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
