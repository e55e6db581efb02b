/**
 * Wires one window to main: every contract channel handled by the operations layer once the sender
 * check passes, and every job's progress sent to the window as the contract's `jobUpdate` event. The
 * app (index.ts) and the Chromium harness both call this one function, so the page hears exactly what
 * the app would tell it. Returns the stop for the job updates (the channels live as long as ipcMain).
 */
import type { IpcMain, WebContents } from 'electron'
import type { JobUpdates } from '../jobs/jobUpdates'
import type { Handlers } from '../operations/handler'
import { registerIpc, type SenderCheck } from './registerIpc'
import { sendEvent } from './sendEvent'

export interface WindowWiring {
  ipcMain: Pick<IpcMain, 'handle'>
  handlers: Handlers
  /** Whether a call comes from the main frame of the app's own window showing the app's page. */
  isTrustedSender: SenderCheck
  jobUpdates: JobUpdates
  /** The window's page; events go to it only while it shows the app's own page (`isAppUrl`). */
  contents: Pick<WebContents, 'getURL' | 'send'>
  isAppUrl: (url: string) => boolean
}

export function wireWindow(wiring: WindowWiring): () => void {
  registerIpc(wiring.ipcMain, wiring.handlers, wiring.isTrustedSender)
  return wiring.jobUpdates.subscribe((update) => void sendEvent(wiring.contents, wiring.isAppUrl, 'jobUpdate', update))
}
