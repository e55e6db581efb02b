import { contract, type InvokeApi } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { isWriteOperation, type WriteOperation } from '../../../shared/contract'
import { useProductionConfirm } from '../features/connection/productionConfirmStore'
import { activeProfile, useProfiles } from '../features/connection/profilesStore'
import { useWriteReason, withWriteReason } from '../features/connection/writeReasonStore'
import { useConnection } from '../stores/connectionStore'

type Call = (request?: unknown) => Promise<Result<unknown>>

/**
 * `window.api` as the screens' stores call it: every failed operation is also told to the connection
 * store, which checks at once whether the pool still answers when the failure says it may not. One
 * place, so no store can forget to report. (The connection store itself calls `window.api` directly:
 * its own checks must not set off more checks.)
 *
 * Also the one place that asks before a write on a production profile: the dialog names the pool, and
 * only a "yes" arms main's one-shot permission (confirmProductionWrite) for that call. Main refuses the
 * write without it anyway; when main knows the profile is production and the page did not (another
 * process changed it), the refusal is turned into the same question, asked once.
 *
 * And the one place a write gets its ticket or reason: the one typed in the header (or in that
 * question) goes with every write operation's request, read after the question so an edit there
 * counts. Main refusing a write for want of one (REASON_REQUIRED) sends focus to the field.
 */
export const api: InvokeApi = new Proxy({} as InvokeApi, {
  get: (_target, operation) => {
    // Only the contract's operations are wrapped; anything else (`then`, symbols, the event
    // subscriptions, which return no Result) stays undefined here.
    if (typeof operation !== 'string' || !Object.hasOwn(contract, operation)) return undefined
    const call = (window.api as unknown as Record<PropertyKey, Call | undefined>)[operation]
    if (typeof call !== 'function') return undefined
    return async (request?: unknown) => {
      const write = isWriteOperation(operation) ? operation : null
      const asked = write !== null && activeProfile()?.production === true
      if (asked) {
        const refused = await confirmWrite(write)
        if (refused) return refused
      }
      const send = () => call(write ? withWriteReason(request) : request)
      let reply = await send()
      if (write && !asked && !reply.ok && reply.error.code === 'PRODUCTION_CONFIRMATION_REQUIRED') {
        await useProfiles.getState().load()
        const refused = await confirmWrite(write)
        if (refused) return refused
        reply = await send()
      }
      if (!reply.ok && reply.error.code === 'REASON_REQUIRED') useWriteReason.getState().requestFocus()
      if (!reply.ok) useConnection.getState().reportFailure(reply.error)
      return reply
    }
  }
})

/** Asks the operator, naming the pool; null when confirmed and armed, else the reply to give the caller. */
async function confirmWrite(operation: WriteOperation): Promise<Result<never> | null> {
  const connection = useConnection.getState()
  const profile = activeProfile()
  const userPoolId = connection.status?.state === 'connected' ? connection.status.info.userPoolId : (profile?.userPoolId ?? '')
  const poolLabel = connection.pool?.poolName ? `${connection.pool.poolName} (${userPoolId})` : userPoolId
  const confirmed = await useProductionConfirm.getState().ask({ operation, userPoolId, poolLabel, profileName: profile?.name ?? 'production' })
  if (!confirmed) {
    return { ok: false, error: { code: 'CANCELLED', message: `Nothing was sent: the write to production pool ${poolLabel} was not confirmed.` } }
  }
  const armed = await window.api.confirmProductionWrite({ userPoolId, operation })
  return armed.ok ? null : armed
}
