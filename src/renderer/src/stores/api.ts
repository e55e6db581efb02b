import type { Api } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { useConnection } from './connectionStore'

type Call = (request?: unknown) => Promise<Result<unknown>>

/**
 * `window.api` as the screens' stores call it: every failed operation is also told to the connection
 * store, which checks at once whether the pool still answers when the failure says it may not. One
 * place, so no store can forget to report. (The connection store itself calls `window.api` directly:
 * its own checks must not set off more checks.)
 */
export const api: Api = new Proxy({} as Api, {
  get: (_target, operation) => {
    const call = (window.api as unknown as Record<PropertyKey, Call | undefined>)[operation]
    // Only the bridge's operations are wrapped; anything else (`then`, symbols) stays undefined.
    if (typeof call !== 'function') return undefined
    return async (request?: unknown) => {
      const reply = await call(request)
      if (!reply.ok) useConnection.getState().reportFailure(reply.error)
      return reply
    }
  }
})
