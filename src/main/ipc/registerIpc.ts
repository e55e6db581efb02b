import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { contract, operations } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { SenderCheck } from '../security/senderCheck'
import type { Handlers } from '../operations/handler'
import { invokeOperation } from '../operations/invoke'

export type { SenderCheck } from '../security/senderCheck'

/**
 * Registers every contract channel on ipcMain. A call from anything but the main frame of the app's
 * own window showing the app's page (an injected iframe, a null frame, a navigated-away window) is
 * refused before its payload is looked at.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, isTrustedSender: SenderCheck): void {
  for (const operation of operations) {
    ipcMain.handle(contract[operation].channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: new AppError('FORBIDDEN_SENDER', 'This request did not come from the Tier Admin window and was refused.').toShape() }
      }
      return invokeOperation(handlers, operation, payload)
    })
  }
}
