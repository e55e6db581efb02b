import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, session, shell } from 'electron'
import { isPageOf } from './security/appUrl'
import { CONTENT_SECURITY_POLICY, SECURE_WEB_PREFERENCES } from './security/policy'

/**
 * The window icon. electron-vite copies nothing from resources/, so the built bundle (out/main) points
 * back at the repository's resources/ folder; a packager must ship that folder beside out/.
 */
export function iconPath(): string {
  return join(__dirname, '../../resources/icon.png')
}

export function preloadPath(): string {
  return join(__dirname, '../preload/index.cjs')
}

/** The page the window loads: the dev server in development, the built file otherwise. */
export function rendererUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL
  return devServer ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href
}

/** Only the app's own page may call the bridge. */
export function isAppUrl(url: string): boolean {
  return isPageOf(rendererUrl(), url)
}

/**
 * The one permission the page may use is writing plain text to the clipboard (the Copy buttons), and
 * only from the app's own page; every other request (camera, notifications, …) is denied.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

/** Denies every permission request but the allowed ones from the app's page, and sets the CSP on every response. */
export function lockDownSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(contents.getURL())))
  ses.setPermissionCheckHandler((contents, permission) => ALLOWED_PERMISSIONS.has(permission) && !!contents && isAppUrl(contents.getURL()))
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    title: 'Tier Admin',
    icon: iconPath(),
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath() }
  })
  window.once('ready-to-show', () => window.show())
  // The app is a single page: any navigation or new window is either a bug or an attack.
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void window.loadURL(rendererUrl())
  return window
}
