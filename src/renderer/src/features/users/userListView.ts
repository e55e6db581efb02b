/**
 * Sorting and filtering of the loaded search results, done in the page: the operator narrows a list
 * without another ListUsers call (Cognito cannot filter on the tier at all, and one filter a call).
 */
import type { TierBucket, UserDetail } from '../../../../shared/domain'
import { tierLabel, type TierState } from '../../../../shared/tiers'

export type SortKey = 'username' | 'email' | 'status' | 'enabled' | 'tier'
export interface SortOrder {
  key: SortKey
  descending: boolean
}

export type EnabledFilter = 'any' | 'enabled' | 'disabled'
export type TierFilter = 'any' | TierBucket
export interface ListFilters {
  /** A raw Cognito status such as FORCE_CHANGE_PASSWORD, or 'any'. */
  status: string
  enabled: EnabledFilter
  tier: TierFilter
}

export const NO_FILTERS: ListFilters = { status: 'any', enabled: 'any', tier: 'any' }

export function isFiltered(filters: ListFilters): boolean {
  return filters.status !== 'any' || filters.enabled !== 'any' || filters.tier !== 'any'
}

/**
 * Cognito's statuses in words short enough for a narrow column (FORCE_CHANGE_PASSWORD alone is wider
 * than the whole column at 1024 px). The raw value stays in the cell's tooltip, the filter and the detail.
 */
const STATUS_WORDS: Record<string, string> = {
  CONFIRMED: 'Confirmed',
  UNCONFIRMED: 'Unconfirmed',
  FORCE_CHANGE_PASSWORD: 'Invited',
  RESET_REQUIRED: 'Reset required',
  EXTERNAL_PROVIDER: 'External',
  ARCHIVED: 'Archived',
  COMPROMISED: 'Compromised',
  UNKNOWN: 'Unknown'
}

/** What each status means for the operator, for tooltips and the detail panel. */
const STATUS_MEANINGS: Record<string, string> = {
  CONFIRMED: 'can sign in',
  UNCONFIRMED: 'signed up but has not confirmed with the code yet',
  FORCE_CHANGE_PASSWORD: 'invited with a temporary password; must choose a new one at first sign-in',
  RESET_REQUIRED: 'password reset; must choose a new password with the code sent to them',
  EXTERNAL_PROVIDER: 'signs in through an external identity provider'
}

export function statusWord(status: string): string {
  return STATUS_WORDS[status] ?? status
}

/** What a status means for the operator, when it is one Cognito documents. */
export function statusMeaning(status: string): string | undefined {
  return STATUS_MEANINGS[status]
}

/** "FORCE_CHANGE_PASSWORD: invited with a temporary password; …" */
export function statusTitle(status: string): string {
  const meaning = STATUS_MEANINGS[status]
  return meaning ? `${status}: ${meaning}` : status
}

function tierBucket(tier: TierState): TierFilter {
  return tier.kind === 'tier' ? tier.tier : tier.kind === 'invalid' ? 'invalid' : 'none'
}

const SORT_VALUES: Record<SortKey, (user: UserDetail) => string> = {
  username: (user) => user.username,
  email: (user) => user.email ?? '',
  status: (user) => statusWord(user.status),
  enabled: (user) => (user.enabled ? '1' : '0'),
  tier: (user) => tierLabel(user.tier)
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** The users that pass the filters, in the chosen order (ties keep Cognito's order). */
export function viewOf(users: readonly UserDetail[], filters: ListFilters, sort: SortOrder): UserDetail[] {
  const kept = users.filter(
    (user) =>
      (filters.status === 'any' || user.status === filters.status) &&
      (filters.enabled === 'any' || user.enabled === (filters.enabled === 'enabled')) &&
      (filters.tier === 'any' || tierBucket(user.tier) === filters.tier)
  )
  const valueOf = SORT_VALUES[sort.key]
  const direction = sort.descending ? -1 : 1
  return kept
    .map((user, index) => ({ user, index, value: valueOf(user) }))
    .sort((a, b) => direction * collator.compare(a.value, b.value) || a.index - b.index)
    .map((entry) => entry.user)
}

/** The statuses present in the results (and the one filtered on), for the status filter's options. */
export function statusesIn(users: readonly UserDetail[], chosen: string): string[] {
  const statuses = new Set(users.map((user) => user.status))
  if (chosen !== 'any') statuses.add(chosen)
  return [...statuses].sort()
}
