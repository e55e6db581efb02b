/** Tier returns' operations: the pool's pending returns, one user's, extending and cancelling one. */
import type { Operation } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { HandlersOf, OperationContext } from './handler'

type ReturnOperation = Extract<Operation, 'listReturns' | 'getReturn' | 'extendReturn' | 'cancelReturn'>

const notYet = (): never => {
  throw new AppError('INTERNAL', 'Tier returns are not built yet.')
}

export function returnHandlers(_context: OperationContext): HandlersOf<ReturnOperation> {
  return { listReturns: async () => notYet(), getReturn: async () => notYet(), extendReturn: async () => notYet(), cancelReturn: async () => notYet() }
}
