/** The Statistics screen's tiers over time: the kept scans' counts and the tier changes per day. */
import type { Operation } from '../../shared/contract'
import type { HandlersOf, OperationContext } from './handler'

export function trendHandlers({ app }: OperationContext): HandlersOf<Extract<Operation, 'statsHistory' | 'tierChanges'>> {
  const stats = () => app.services().stats
  return {
    statsHistory: async () => stats().history(),
    tierChanges: async ({ days }) => stats().tierChanges(days)
  }
}
