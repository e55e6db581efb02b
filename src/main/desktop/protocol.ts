/**
 * The app's privileged scheme (app://tier-admin/…), which serves the built page instead of file://:
 * under file:// `'self'` in the CSP allows a script from any folder on disk, and a header set in
 * onHeadersReceived may never reach a file: response.
 */
import { join } from 'node:path'
import { protocol } from 'electron'
import { APP_SCHEME } from '../security/appUrl'
import { appSchemeResponse } from '../security/rendererFiles'

/** The built renderer; the only folder the scheme serves. */
export function rendererDir(): string {
  return join(__dirname, '../renderer')
}

/**
 * Declares the scheme before the app is ready (Electron's rule): standard, so relative URLs and
 * `'self'` resolve to app://tier-admin; secure, so the page is a secure context; fetch and CORS
 * support, so the page's module scripts (type="module" crossorigin) load. No CSP bypass.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }])
}

/** Answers the scheme from out/renderer only, with the CSP header on every response. */
export function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, (request) => appSchemeResponse(rendererDir(), request.url, request.method))
}
