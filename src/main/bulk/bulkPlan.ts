/**
 * The preview of a bulk tier change: each user's tier read now (AdminGetUser, side by side under the
 * UserRead limiter), and for each row whether it changes the tier or why it is left out. With a return
 * ("until …, then <returnTier>"), a row already at its target still runs (its return is created or
 * replaced, as a single grant does), and a row whose target is the return tier is left out.
 */
import type { BulkPlanRow } from '../../shared/bulk'
import { storedTierValue, tierFromInput, type Tier } from '../../shared/tiers'
import { nameOf, type CognitoGateway } from '../cognito/gateway'
import { getUser } from '../users/users'
import { runWorkers } from '../jobs/workerPool'
import { PREVIEW_READ_CONCURRENCY, PreviewReadsInFlight } from '../cognito/quotas'

export async function planRows(
  gateway: CognitoGateway,
  rows: { username: string; tier: string }[],
  signal: AbortSignal,
  returnTier?: Tier
): Promise<BulkPlanRow[]> {
  const seen = new Set<string>()
  const plan: BulkPlanRow[] = rows.map((input, index) => {
    const tier = tierFromInput(input.tier)
    const base = { row: index + 1, username: input.username, tier: tier ?? input.tier.trim() }
    if (!tier) return { ...base, action: 'skip', reason: 'invalid tier' }
    if (tier === returnTier) return { ...base, action: 'skip', reason: 'target is the return tier' }
    if (seen.has(input.username)) return { ...base, action: 'skip', reason: 'duplicate row' }
    seen.add(input.username)
    return { ...base, action: 'change' }
  })
  const toRead = plan.filter((row) => row.action === 'change')
  const inFlight = new PreviewReadsInFlight(gateway.limiters.get('UserRead'))
  await runWorkers({
    items: toRead.map((_, i) => String(i)),
    concurrency: PREVIEW_READ_CONCURRENCY,
    wanted: inFlight.wanted,
    staggerMs: 0,
    signal,
    task: async (item, inner) => {
      const row = toRead[Number(item)]!
      try {
        const user = await getUser(gateway, row.username, { signal: inner, patience: 'long', onAnswered: inFlight.answered })
        row.username = user.username
        row.from = storedTierValue(user.tier)
        if (row.from === row.tier && !returnTier) Object.assign(row, { action: 'skip', reason: 'already at target' })
      } catch (error) {
        if (nameOf(error) !== 'UserNotFoundException') throw error
        Object.assign(row, { action: 'skip', reason: 'user not found' })
      }
    }
  })
  return plan
}
