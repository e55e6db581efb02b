/** What a tier change did, in one sentence for every front end. */
import type { TierChangeResult } from './domain'
import { storedTierValue, tierLabel } from './tiers'
import { returnDate, returnSentence } from './tierReturns'

export function tierChangeSentence(
  result: Pick<TierChangeResult, 'username' | 'from' | 'to' | 'unchanged' | 'taken' | 'pendingReturn' | 'cancelledReturn'>
): string {
  const taken = result.taken ? ` (${result.taken})` : ''
  if (result.unchanged) return `${result.username} is already on the ${result.to} tier${taken}; nothing was sent.`
  const kept = storedTierValue(result.from) === result.to
  const tier = kept
    ? `${result.username} stays on the ${result.to} tier${taken}`
    : `${result.username} is now on the ${result.to} tier${taken} (was ${tierLabel(result.from)})`
  if (result.pendingReturn) return `${tier}: ${returnSentence(result.pendingReturn)}.`
  if (result.cancelledReturn)
    return `${tier}; the pending return to ${result.cancelledReturn.returnTier} on ${returnDate(result.cancelledReturn.at)} is cancelled.`
  return `${tier}.`
}
