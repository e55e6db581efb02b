/**
 * The channels of tier returns (premium until a date): listing the pool's pending returns, one user's,
 * extending and cancelling one. Granting with a return is `setTier` with `until` and `then`. Spread
 * into `contract` (contract.ts) so the handler table, the preload and `window.api` derive them.
 */
import { z } from 'zod'
import { returns, tier, until, username } from './contractSchemas'
import type { PendingReturn, PendingReturnsList, ReturnCancelResult, UserReturn } from './tierReturns'

export const returnsSchemas = {
  extendReturn: z
    .object({
      username,
      /** The new date and time of the return. */
      until,
      /** A new return tier; absent keeps the one scheduled. */
      then: tier.optional()
    })
    .strict(),
  byUsername: z.object({ username }).strict()
}

export const returnsChannels = {
  /** Every pending return in the app's schedule group, soonest first, each flagged when the user no longer has the granted tier. */
  listReturns: { channel: 'returns:list', request: z.object({}).strict().optional(), result: returns<PendingReturnsList>() },
  /** One user's pending return (null when none). */
  getReturn: { channel: 'returns:get', request: returnsSchemas.byUsername, result: returns<UserReturn>() },
  /** Moves a pending return to a new date (UpdateSchedule); refused when the user has none. */
  extendReturn: { channel: 'returns:extend', write: true, request: returnsSchemas.extendReturn, result: returns<PendingReturn>() },
  /** Deletes a pending return (DeleteSchedule): the user keeps the granted tier. */
  cancelReturn: { channel: 'returns:cancel', write: true, request: returnsSchemas.byUsername, result: returns<ReturnCancelResult>() }
} as const
