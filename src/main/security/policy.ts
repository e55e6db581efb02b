/**
 * The window's security settings, kept free of Electron imports so tests and the Chromium harness
 * apply exactly the same ones.
 */

/** The page gets the bridge and nothing else. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  // A middle click would ask for a new window; the open handler denies it anyway, this stops it earlier.
  disableBlinkFeatures: 'Auxclick'
} as const

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
