/**
 * CSV output for the statistics screen: RFC 4180 quoting, and text cells that a spreadsheet would
 * run as a formula are prefixed with an apostrophe (OWASP's advice against CSV injection).
 */
import { TIER_BUCKETS, type StatsFigures, type TierMember } from '../../shared/domain'

/** What a spreadsheet may run as a formula: = + - @ after any spaces, or a leading tab or carriage return. */
const FORMULA_START = /^(?: *[=+\-@]|[\t\r])/

/** One CSV cell: neutralised if it could start a formula, quoted if it holds a separator, quote or line break. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csvRow(cells: readonly (string | number)[]): string {
  return cells.map(csvCell).join(',')
}

/** The figures in long format (metric,key,value), one row per number. */
export function figuresCsv(figures: StatsFigures): string {
  return figuresRows(figures).map(csvRow).join('\r\n') + '\r\n'
}

/** figuresCsv's rows, header first, before they are made CSV. */
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
