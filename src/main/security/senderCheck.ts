/**
 * The IPC sender check: only the main frame of the app's own window, showing the app's page, may call
 * main. Free of Electron imports (it reads an event's shape) so the Chromium harness runs this very code.
 */

/** What the check reads of a frame: Electron's WebFrameMain, loosely. */
export interface FrameLike {
  readonly url: string
  readonly parent: unknown
}

/** What the check reads of an IPC event: Electron's IpcMainInvokeEvent, loosely. */
export interface SenderEvent {
  readonly sender?: { readonly mainFrame?: FrameLike | null } | null
  readonly senderFrame?: FrameLike | null
}

/** Whether an IPC event came from the app's page (see isAppMainFrame). */
export type SenderCheck = (event: SenderEvent) => boolean

/**
 * True only for a call from the main frame of `isAppContents`' web contents whose URL is the app's
 * page. Refused: a null frame (it navigated away or was destroyed before the check), any subframe (none gets
 * the preload today, but an injected iframe must never be trusted if one ever does), another web
 * contents (devtools, a future window), and any other URL (about:blank, another file).
 */
export function isAppMainFrame(event: SenderEvent, isAppContents: (contents: unknown) => boolean, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame
  const sender = event.sender
  if (!frame || !sender || !isAppContents(sender)) return false
  if (frame.parent !== null || frame !== sender.mainFrame) return false
  return typeof frame.url === 'string' && isAppUrl(frame.url)
}
