/**
 * The operations layer's one door: the handler table of every contract operation, each write checked
 * by the production gate before its handler runs. The window reaches it through src/main/ipc, the
 * CLI directly; both through invokeOperation, which checks the untrusted payload first.
 */
import { AppError } from '../../shared/errors'
import type { AppContext } from '../app/appContext'
import { currentReason } from '../audit/writeReason'
import type { ActiveProfile } from '../config/profiles'
import { auditHandlers } from './auditHandlers'
import { connectionHandlers } from './connectionHandlers'
import type { FrontEnd } from './frontEnd'
import type { Handlers, OperationContext } from './handler'
import { jobHandlers } from './jobHandlers'
import { ProductionGate } from './productionGate'
import { isWriteOperation } from '../../shared/contract'
import { profileHandlers } from './profileHandlers'
import { returnHandlers } from './returnHandlers'
import { SavedFiles } from './savedFiles'
import { supportHandlers } from './supportHandlers'
import { trendHandlers } from './trendHandlers'
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
    ...returnHandlers(context),
    ...jobHandlers(context),
    ...trendHandlers(context),
    ...auditHandlers(context),
    showSavedFile: async ({ fileId }) => context.savedFiles.showInFolder(fileId),
    ...profileHandlers(context)
  } satisfies Handlers
  return { handlers: guardWrites(handlers, gate, () => app.profile), gate }
}

/**
 * The handler table with every write operation checked before its handler runs: first its reason,
 * when the profile asks for one (so a refusal does not spend a production confirmation), then the gate.
 */
export function guardWrites(handlers: Handlers, gate: ProductionGate, profile: () => Pick<ActiveProfile, 'name' | 'requireReason'>): Handlers {
  const guarded: Record<string, unknown> = { ...handlers }
  for (const [operation, handler] of Object.entries(handlers)) {
    if (!isWriteOperation(operation)) continue
    const run = handler as (request: unknown) => Promise<unknown>
    guarded[operation] = async (request: unknown) => {
      requireReason(profile())
      gate.consume(operation)
      return run(request)
    }
  }
  return guarded as Handlers
}

/** Refuses a write without a reason on a profile that asks for one; invokeOperation ran it under the reason its request carried. */
function requireReason({ name, requireReason }: Pick<ActiveProfile, 'name' | 'requireReason'>): void {
  if (!requireReason || currentReason()) return
  throw new AppError('REASON_REQUIRED', `Profile "${name}" asks a ticket or reason of every write. Nothing was sent. {giveReason}`, {
    reason: 'Type the ticket or reason'
  })
}
