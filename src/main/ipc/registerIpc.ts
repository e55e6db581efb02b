import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { contract, operations } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { Handlers } from './handlers'
import { invokeOperation } from './invoke'

/** Whether a frame's URL is the app's own renderer (the built file or the dev server). */
export type SenderCheck = (frameUrl: string) => boolean

/**
 * Registers every contract channel on ipcMain. Calls from any frame other than the app's own page
 * (an injected iframe, a navigated-away window) are refused before their payload is looked at.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, isTrustedSender: SenderCheck): void {
  for (const operation of operations) {
    ipcMain.handle(contract[operation].channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frameUrl = event.senderFrame?.url ?? ''
      if (!isTrustedSender(frameUrl)) {
        return { ok: false, error: new AppError('FORBIDDEN_SENDER', 'This request did not come from the Tier Admin window and was refused.').toShape() }
      }
      return invokeOperation(handlers, operation, payload)
    })
  }
}
