/** The statistics as CSV: the figures in long format with tiers over time after them, and a tier's members. */
import { TIER_BUCKETS, type StatsFigures, type StatsResult, type TierBucket, type TierMember } from '../../shared/domain'
import { csvRow } from '../storage/csv'
import type { ScanRecord, TierChangesReport } from '../../shared/statsHistory'
import { changeRows, scanSeriesRows } from './historyCsv'
import type { ScanStore } from './scanStore'

export type StatsCsvRequest = { kind: 'figures'; days?: number } | { kind: 'tier'; bucket: TierBucket } | { kind: 'history'; days?: number }

/** Where the CSV's lines come from: the last scan's members, and the series over time (changes over `days` days). */
export interface StatsCsvSources {
  store: Pick<ScanStore, 'members'>
  series: (days?: number) => Promise<{ scans: ScanRecord[]; changes: TierChangesReport }>
}

const FIGURES_HEADER = ['metric', 'key', 'value']

/** The figures in long format (metric,key,value), one row per number, header first. */
export function figuresRows(figures: StatsFigures): (string | number)[][] {
  const rows: (string | number)[][] = [FIGURES_HEADER, ['total', '', figures.total]]
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

/**
 * The figures followed by the series, the series alone (no scan needed), or one bucket's users, as CSV
 * lines, the header first. `result` is the last scan's, needed for the figures and a bucket.
 */
export async function* statsCsvLines(result: StatsResult | null, request: StatsCsvRequest, sources: StatsCsvSources): AsyncGenerator<string> {
  if (request.kind === 'tier') {
    yield membersCsvHeader()
    for await (const member of sources.store.members(request.bucket)) yield memberCsvRow(member)
    return
  }
  const { scans, changes } = await sources.series(request.days)
  const rows = request.kind === 'figures' && result ? figuresRows(result.figures) : [FIGURES_HEADER]
  for (const row of [...rows, ...scanSeriesRows(scans), ...changeRows(changes)]) yield csvRow(row) + '\r\n'
}
