/**
 * Whether a frame shows the app's own page: the one sender check, made by main's IPC handlers, its
 * outgoing events and permission handlers, and by the Chromium harness for its page. Free of Electron
 * imports so the harness runs this very code.
 */

/**
 * True when `frameUrl` is the page at `appPage`: for a built app (a file: URL) that very file, with any
 * hash or query; for a dev server (or the harness's https origin), any page of its origin. A frame
 * with no URL, or one that is not absolute, is never the app.
 */
export function isPageOf(appPage: string, frameUrl: string): boolean {
  if (!URL.canParse(frameUrl)) return false
  if (appPage.startsWith('file:')) return frameUrl === appPage || frameUrl.startsWith(`${appPage}#`) || frameUrl.startsWith(`${appPage}?`)
  return new URL(frameUrl).origin === new URL(appPage).origin
}
