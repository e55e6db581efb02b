import { contract, type InvokeApi } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { useConnection } from './connectionStore'

type Call = (request?: unknown) => Promise<Result<unknown>>

/**
 * `window.api` as the screens' stores call it: every failed operation is also told to the connection
 * store, which checks at once whether the pool still answers when the failure says it may not. One
 * place, so no store can forget to report. (The connection store itself calls `window.api` directly:
 * its own checks must not set off more checks.)
 */
export const api: InvokeApi = new Proxy({} as InvokeApi, {
  get: (_target, operation) => {
    // Only the contract's operations are wrapped; anything else (`then`, symbols, the event
    // subscriptions, which return no Result) stays undefined here.
    if (typeof operation !== 'string' || !Object.hasOwn(contract, operation)) return undefined
    const call = (window.api as unknown as Record<PropertyKey, Call | undefined>)[operation]
    if (typeof call !== 'function') return undefined
    return async (request?: unknown) => {
      const reply = await call(request)
      if (!reply.ok) useConnection.getState().reportFailure(reply.error)
      return reply
    }
  }
})
