/**
 * The operations layer's one door: the handler table of every contract operation, each write checked
 * by the production gate before its handler runs. The window reaches it through src/main/ipc, the
 * CLI directly; both through invokeOperation, which checks the untrusted payload first.
 */
import type { AppContext } from '../app/appContext'
import { auditHandlers } from './auditHandlers'
import { connectionHandlers } from './connectionHandlers'
import type { FrontEnd } from './frontEnd'
import type { Handlers, OperationContext } from './handler'
import { jobHandlers } from './jobHandlers'
import { ProductionGate } from './productionGate'
import { isWriteOperation } from '../../shared/contract'
import { profileHandlers } from './profileHandlers'
import { SavedFiles } from './savedFiles'
import { supportHandlers } from './supportHandlers'
import { userHandlers } from './userHandlers'

export interface Operations {
  handlers: Handlers
  /** The production gate the handlers check: the CLI gives it its one confirmation per command. */
  gate: ProductionGate
}

export function createOperations(app: AppContext, frontEnd: FrontEnd = {}): Operations {
  const gate = new ProductionGate(() => ({ production: app.profile.production, userPoolId: app.profile.userPoolId, profileName: app.profile.name }))
  const context: OperationContext = { app, frontEnd, gate, savedFiles: new SavedFiles(frontEnd.showInFolder) }
  const handlers = {
    ...connectionHandlers(context),
    ...userHandlers(context),
    ...supportHandlers(context),
    ...jobHandlers(context),
    ...auditHandlers(context),
    showSavedFile: async ({ fileId }) => context.savedFiles.showInFolder(fileId),
    ...profileHandlers(context)
  } satisfies Handlers
  return { handlers: guardProductionWrites(handlers, gate), gate }
}

/** The handler table with every write operation checked by the gate before its handler runs. */
export function guardProductionWrites(handlers: Handlers, gate: ProductionGate): Handlers {
  const guarded: Record<string, unknown> = { ...handlers }
  for (const [operation, handler] of Object.entries(handlers)) {
    if (!isWriteOperation(operation)) continue
    const run = handler as (request: unknown) => Promise<unknown>
    guarded[operation] = async (request: unknown) => {
      gate.consume(operation)
      return run(request)
    }
  }
  return guarded as Handlers
}
