/** Tier returns' operations: the pool's pending returns, one user's, extending and cancelling one. */
import type { Operation } from '../../shared/contract'
import { listPendingReturns } from '../tierReturns/pendingReturns'
import { tierReturnsOf } from '../tierReturns/tierReturns'
import type { HandlersOf, OperationContext } from './handler'

type ReturnOperation = Extract<Operation, 'listReturns' | 'getReturn' | 'extendReturn' | 'cancelReturn'>

export function returnHandlers({ app }: OperationContext): HandlersOf<ReturnOperation> {
  const returns = () => tierReturnsOf(app.services().deps)
  return {
    listReturns: async () => listPendingReturns(returns()),
    // A profile without a scheduler role neither makes nor cancels returns, so its user pages ask Scheduler nothing.
    getReturn: async ({ username }) => ({ username, pendingReturn: returns().enabled ? await returns().find(username) : null }),
    extendReturn: async ({ username, until, then }) => returns().extend(username, until, then),
    cancelReturn: async ({ username }) => returns().cancel(username)
  }
}
