/** The statistics as CSV: the figures in long format, and a tier's members. */
import { TIER_BUCKETS, type StatsFigures, type StatsResult, type TierBucket, type TierMember } from '../../shared/domain'
import { csvRow } from '../storage/csv'
import type { ScanStore } from './scanStore'

export type StatsCsvRequest = { kind: 'figures' } | { kind: 'tier'; bucket: TierBucket }

/** The figures in long format (metric,key,value), one row per number, header first. */
export function figuresRows(figures: StatsFigures): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['metric', 'key', 'value'],
    ['total', '', figures.total]
  ]
  rows.push(['tier', 'standard', figures.tiers.standard], ['tier', 'premium', figures.tiers.premium], ['tier', 'none', figures.tiers.none])
  for (const [value, count] of sortedEntries(figures.tiers.invalid)) rows.push(['invalid_tier', value, count])
  for (const [status, count] of sortedEntries(figures.statuses)) rows.push(['status', status, count])
  rows.push(['enabled', '', figures.enabled], ['disabled', '', figures.disabled])
  for (const week of figures.weekly) {
    for (const bucket of TIER_BUCKETS) rows.push([`signups_${bucket}`, week.week, week[bucket]])
  }
  return rows
}

export function membersCsvHeader(): string {
  return csvRow(['username', 'email', 'tier']) + '\r\n'
}

export function memberCsvRow(member: TierMember): string {
  return csvRow([member.username, member.email ?? '', member.tierValue]) + '\r\n'
}

function sortedEntries(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** The figures, or one bucket's users, as CSV lines, the header first. */
export async function* statsCsvLines(result: StatsResult, request: StatsCsvRequest, store: ScanStore): AsyncGenerator<string> {
  if (request.kind === 'figures') {
    for (const row of figuresRows(result.figures)) yield csvRow(row) + '\r\n'
    return
  }
  yield membersCsvHeader()
  for await (const member of store.members(request.bucket)) yield memberCsvRow(member)
}
