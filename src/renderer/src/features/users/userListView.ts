/**
 * Sorting and filtering of the loaded results, done in the page: the operator narrows a list without
 * another Cognito call (Cognito cannot filter on the tier at all, and one filter a call). The status
 * is the account's one wording (shared/userStatus.ts): a disabled account reads "Disabled".
 */
import type { TierBucket, UserDetail } from '../../../../shared/domain'
import { tierLabel, type TierState } from '../../../../shared/tiers'
import { accountStatusWord } from '../../../../shared/userStatus'

export { statusMeaning } from '../../../../shared/userStatus'

export type SortKey = 'username' | 'email' | 'status' | 'tier'
export interface SortOrder {
  key: SortKey
  descending: boolean
}

export type TierFilter = 'any' | TierBucket
export interface ListFilters {
  /** An account status as the list words it ("Disabled", "Invited"…), or 'any'. */
  status: string
  tier: TierFilter
}

export const NO_FILTERS: ListFilters = { status: 'any', tier: 'any' }

export function isFiltered(filters: ListFilters): boolean {
  return filters.status !== 'any' || filters.tier !== 'any'
}

function tierBucket(tier: TierState): TierFilter {
  return tier.kind === 'tier' ? tier.tier : tier.kind
}

const SORT_VALUES: Record<SortKey, (user: UserDetail) => string> = {
  username: (user) => user.username,
  email: (user) => user.email ?? '',
  status: accountStatusWord,
  tier: (user) => tierLabel(user.tier)
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** The users that pass the filters, in the chosen order (ties keep Cognito's order). */
export function viewOf(users: readonly UserDetail[], filters: ListFilters, sort: SortOrder): UserDetail[] {
  const kept = users.filter(
    (user) => (filters.status === 'any' || accountStatusWord(user) === filters.status) && (filters.tier === 'any' || tierBucket(user.tier) === filters.tier)
  )
  const valueOf = SORT_VALUES[sort.key]
  const direction = sort.descending ? -1 : 1
  return kept
    .map((user, index) => ({ user, index, value: valueOf(user) }))
    .sort((a, b) => direction * collator.compare(a.value, b.value) || a.index - b.index)
    .map((entry) => entry.user)
}

/** The account statuses present in the results (and the one filtered on), for the status filter's options. */
export function statusesIn(users: readonly UserDetail[], chosen: string): string[] {
  const statuses = new Set(users.map(accountStatusWord))
  if (chosen !== 'any') statuses.add(chosen)
  return [...statuses].sort()
}
