/**
 * Counters for one scan (or one partition of it). A tally holds only counts, never users, so its size
 * depends on the number of distinct statuses, invalid tier values and weeks, not on the pool's size.
 */
import { TIER_BUCKETS, type StatsFigures, type TierBucket, type WeeklySignups } from '../../shared/domain'
import { tierStateOf } from '../../shared/tiers'
import type { ScannedUser } from '../poolScan/listPages'

type BucketCounts = Record<TierBucket, number>

/** A JSON-serialisable counter set; weeks are keyed by their Monday. */
export interface Tally {
  total: number
  buckets: BucketCounts
  invalid: Record<string, number>
  statuses: Record<string, number>
  enabled: number
  disabled: number
  weekly: Record<string, BucketCounts>
}

export function emptyTally(): Tally {
  return { total: 0, buckets: zeroBuckets(), invalid: {}, statuses: {}, enabled: 0, disabled: 0, weekly: {} }
}

function zeroBuckets(): BucketCounts {
  return { standard: 0, premium: 0, none: 0, invalid: 0 }
}

export function bucketOf(tierValue: string): TierBucket {
  const state = tierStateOf(tierValue)
  return state.kind === 'tier' ? state.tier : state.kind === 'invalid' ? 'invalid' : 'none'
}

/** Monday (UTC) of the ISO week holding the date, as YYYY-MM-DD. */
export function isoWeekStart(date: Date): string {
  const day = Math.floor(date.getTime() / 86400000)
  // Day 0 (1970-01-01) was a Thursday, three days after a Monday.
  const monday = day - ((((day + 3) % 7) + 7) % 7)
  return new Date(monday * 86400000).toISOString().slice(0, 10)
}

export function addUser(tally: Tally, user: ScannedUser): void {
  const bucket = bucketOf(user.tierValue)
  tally.total++
  tally.buckets[bucket]++
  if (bucket === 'invalid') tally.invalid[user.tierValue] = (tally.invalid[user.tierValue] ?? 0) + 1
  tally.statuses[user.status] = (tally.statuses[user.status] ?? 0) + 1
  if (user.enabled) tally.enabled++
  else tally.disabled++
  // Cognito always sends UserCreateDate; a user without one is counted everywhere but in the weeks.
  if (user.createdAt && !Number.isNaN(user.createdAt.getTime())) {
    const week = isoWeekStart(user.createdAt)
    ;(tally.weekly[week] ??= zeroBuckets())[bucket]++
  }
}

/** Adds `from` into `into`. */
export function mergeTally(into: Tally, from: Tally): void {
  into.total += from.total
  for (const bucket of TIER_BUCKETS) into.buckets[bucket] += from.buckets[bucket]
  addCounts(into.invalid, from.invalid)
  addCounts(into.statuses, from.statuses)
  into.enabled += from.enabled
  into.disabled += from.disabled
  for (const [week, counts] of Object.entries(from.weekly)) {
    const row = (into.weekly[week] ??= zeroBuckets())
    for (const bucket of TIER_BUCKETS) row[bucket] += counts[bucket]
  }
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value
}

export function toFigures(tally: Tally): StatsFigures {
  const weekly: WeeklySignups[] = Object.keys(tally.weekly)
    .sort()
    .map((week) => ({ week, ...tally.weekly[week]! }))
  return {
    total: tally.total,
    tiers: { standard: tally.buckets.standard, premium: tally.buckets.premium, none: tally.buckets.none, invalid: { ...tally.invalid } },
    statuses: { ...tally.statuses },
    enabled: tally.enabled,
    disabled: tally.disabled,
    weekly
  }
}
