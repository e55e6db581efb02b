/**
 * Where the app's page lives and whether a frame shows it: the one URL check, made by main's IPC
 * sender check, its outgoing events and permission handlers, and by the Chromium harness for its page.
 * Free of Electron imports so the harness runs this very code.
 */

/** The privileged scheme the built page is served from (see src/main/desktop/protocol.ts), never file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'tier-admin'
/** The built app's one page. */
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`

/** A page's path, with the root and /index.html counted as the same page (a dev server serves both). */
function pagePath(pathname: string): string {
  return pathname === '/' ? '/index.html' : pathname
}

/**
 * True when `frameUrl` is the page at `appPage`: same scheme, host and port, and the same path, with any
 * hash or query. Paths are compared, not origins: under file:// `'self'` is every file on disk, and a
 * custom scheme's origin may read as "null" to URL, which would match any other such URL. A frame with
 * no URL, or one that is not absolute, is never the app.
 */
export function isPageOf(appPage: string, frameUrl: string): boolean {
  if (!URL.canParse(frameUrl) || !URL.canParse(appPage)) return false
  const page = new URL(appPage)
  const frame = new URL(frameUrl)
  if (frame.username || frame.password) return false
  return frame.protocol === page.protocol && frame.host === page.host && pagePath(frame.pathname) === pagePath(page.pathname)
}

/** Hosts a development server may be on: this machine only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The electron-vite dev server's page, or null. `ELECTRON_RENDERER_URL` is honoured only in an
 * unpackaged run that electron-vite started in development (it sets NODE_ENV_ELECTRON_VITE); the
 * production bundle reads the same environment, so without both an attacker who can set one variable
 * could point the window, and the sender check, at any page. Only an http(s) loopback address is taken.
 */
export function devServerPage(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  if (isPackaged || env.NODE_ENV_ELECTRON_VITE !== 'development') return null
  const url = env.ELECTRON_RENDERER_URL
  if (!url || !URL.canParse(url)) return null
  const parsed = new URL(url)
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !LOOPBACK_HOSTS.has(parsed.hostname)) return null
  return `${parsed.origin}/`
}
