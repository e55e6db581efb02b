/** What a tier change did, in one sentence for every front end. */
import type { TierChangeResult } from './domain'
import { tierLabel } from './tiers'

export function tierChangeSentence(result: Pick<TierChangeResult, 'username' | 'from' | 'to' | 'unchanged' | 'taken'>): string {
  const taken = result.taken ? ` (${result.taken})` : ''
  if (result.unchanged) return `${result.username} is already on the ${result.to} tier${taken}; nothing was sent.`
  return `${result.username} is now on the ${result.to} tier${taken} (was ${tierLabel(result.from)}).`
}
