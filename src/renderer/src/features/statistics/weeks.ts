import { TIER_BUCKETS, type TierBucket, type WeeklySignups } from '../../../../shared/domain'

const WEEK_MS = 7 * 86_400_000
const NO_SIGNUPS = Object.fromEntries(TIER_BUCKETS.map((bucket) => [bucket, 0])) as Record<TierBucket, number>

/**
 * The scan counts only weeks in which someone signed up; a chart of them must show the quiet weeks
 * too, or two weeks months apart stand side by side as if consecutive. Fills each missing Monday with
 * zeros, from the first week to the last.
 */
export function withEmptyWeeks(weekly: readonly WeeklySignups[]): WeeklySignups[] {
  if (weekly.length === 0) return []
  const byWeek = new Map(weekly.map((week) => [week.week, week]))
  const first = Date.parse(`${weekly[0].week}T00:00:00Z`)
  const last = Date.parse(`${weekly[weekly.length - 1].week}T00:00:00Z`)
  const filled: WeeklySignups[] = []
  for (let monday = first; monday <= last; monday += WEEK_MS) {
    const week = new Date(monday).toISOString().slice(0, 10)
    filled.push(byWeek.get(week) ?? { week, ...NO_SIGNUPS })
  }
  return filled
}
