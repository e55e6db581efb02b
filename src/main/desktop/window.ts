import { join } from 'node:path'
import { app, BrowserWindow, session, type WebContents } from 'electron'
import { APP_PAGE, devServerPage, isPageOf } from '../security/appUrl'
import { CONTENT_SECURITY_POLICY, SECURE_WEB_PREFERENCES } from '../security/policy'
import { isAppMainFrame, type SenderEvent } from '../security/senderCheck'

/**
 * The window icon. electron-vite copies nothing from resources/, so the bundle (out/main) points back
 * at resources/; the packager ships resources/icon.png inside the app archive at the same place
 * beside out/, so this path holds both in development and packaged.
 */
export function iconPath(): string {
  return join(__dirname, '../../resources/icon.png')
}

export function preloadPath(): string {
  return join(__dirname, '../preload/index.cjs')
}

/** The page the window loads: the dev server in an unpackaged development run, the app scheme otherwise. */
export function rendererUrl(): string {
  return devServerPage(process.env, app.isPackaged) ?? APP_PAGE
}

/** Whether a URL is the app's own page (the built page, or the dev server's in development). */
export function isAppUrl(url: string): boolean {
  return isPageOf(rendererUrl(), url)
}

/** The web contents of windows this module made: the only ones whose page may call main. */
const appContents = new WeakSet<object>()

function isAppContents(contents: unknown): boolean {
  return typeof contents === 'object' && contents !== null && appContents.has(contents)
}

/** The IPC sender check: the main frame of the app's own window, showing the app's page. */
export function isAppSender(event: SenderEvent): boolean {
  return isAppMainFrame(event, isAppContents, isAppUrl)
}

/**
 * The one permission the page may use is writing plain text to the clipboard (the Copy buttons), and
 * only from the app's own window and page; every other request (camera, notifications, …) is denied.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

function mayUse(contents: WebContents | null, permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppContents(contents) && isAppUrl(contents!.getURL())
}

/**
 * Denies every permission request but the allowed ones from the app's page. The app scheme sends the
 * CSP itself; the header is also set on every other response (the dev server's), so no page this
 * session loads goes without it.
 */
export function lockDownSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((contents, permission, callback) => callback(mayUse(contents, permission)))
  ses.setPermissionCheckHandler((contents, permission) => mayUse(contents, permission))
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

/** Cancels an event: navigation, redirects and webviews are either a bug or an attack in a one-page app. */
const refuse = (event: { preventDefault: () => void }): void => event.preventDefault()

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
  appContents.add(window.webContents)
  window.once('ready-to-show', () => window.show())
  const contents = window.webContents
  contents.on('will-navigate', refuse)
  contents.on('will-frame-navigate', refuse)
  contents.on('will-redirect', refuse)
  contents.on('will-attach-webview', refuse)
  // The renderer never needs a window or a browser: links open nowhere, nothing reaches shell.openExternal.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  void window.loadURL(rendererUrl())
  return window
}
