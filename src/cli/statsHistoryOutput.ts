/** `stats --history`: the kept scans' counts and the tier changes per day, without scanning. */
import { TIER_BUCKETS } from '../shared/domain'
import { CHANGE_KINDS, DEFAULT_CHANGE_DAYS, MAX_CHANGE_DAYS, type ScanRecord, type TierChangesReport } from '../shared/statsHistory'
import { UsageError, type Values } from './cliIo'
import type { CommandContext } from './command'
import { printStatsCsv } from './statsCsvOutput'
import { formatTable } from './table'

export const historyOptions = {
  history: { type: 'boolean', description: 'Print the kept scans’ counts and the tier changes per day instead of scanning' },
  days: { type: 'string', description: `With --history or --csv: count tier changes over this many days up to today (default ${DEFAULT_CHANGE_DAYS})` }
} as const

/** --days is a whole number of days, and only means something beside --history or --csv. */
export function checkDays(values: Values): void {
  if (values.days === undefined) return
  if (values.history !== true && values.csv !== true) throw new UsageError('--days needs --history or --csv: it sets the range of the tier changes they print.')
  if (daysOf(values) === null) throw new UsageError(`--days must be a whole number from 1 to ${MAX_CHANGE_DAYS} (got "${String(values.days)}").`)
}

/** The days asked for, undefined when not given, null when not a valid number. */
export function daysOf(values: Values): number | undefined | null {
  const text = values.days as string | undefined
  if (text === undefined) return undefined
  const days = /^\d+$/.test(text) ? Number(text) : NaN
  return days >= 1 && days <= MAX_CHANGE_DAYS ? days : null
}

export async function printHistory(context: CommandContext): Promise<number> {
  const { values, call, print } = context
  const days = daysOf(values) ?? DEFAULT_CHANGE_DAYS
  if (values.csv) return printStatsCsv(context, { kind: 'history', days })
  const history = await call('statsHistory', undefined)
  if (!history) return 1
  const changes = await call('tierChanges', { days })
  if (!changes) return 1
  print({ scans: history.scans, changes }, [formatScans(history.scans), formatChanges(changes)].join('\n\n'))
  return 0
}

const BUCKET_HEADINGS = { standard: 'standard', premium: 'premium', none: 'no tier', invalid: 'invalid' } as const

function formatScans(scans: readonly ScanRecord[]): string {
  if (!scans.length) return 'No scan of this pool has finished yet: "tier-admin stats" runs one.'
  const rows = scans.map((scan) => [
    scan.at.replace('T', ' ').replace(/:\d\dZ$/, ' UTC'),
    String(scan.total),
    ...TIER_BUCKETS.map((bucket) => String(scan.tiers[bucket])),
    String(scan.enabled),
    String(scan.disabled)
  ])
  const header = ['finished', 'total', ...TIER_BUCKETS.map((bucket) => BUCKET_HEADINGS[bucket]), 'enabled', 'disabled']
  return [`Kept scans, oldest first (${scans.length}):`, formatTable(header, rows)].join('\n')
}

function formatChanges(report: TierChangesReport): string {
  const title = `Tier changes from ${report.from} to ${report.to} (UTC), from this computer's audit trail:`
  const busy = report.days.filter((day) => CHANGE_KINDS.some((kind) => day[kind] > 0))
  const skipped = report.skipped ? [`(${report.skipped} unreadable lines of the trail left out)`] : []
  if (!busy.length) return [title, 'None.', ...skipped].join('\n')
  const count = (counts: Record<(typeof CHANGE_KINDS)[number], number>) => CHANGE_KINDS.map((kind) => String(counts[kind]))
  return [
    title,
    formatTable(
      ['day', ...CHANGE_KINDS],
      busy.map((day) => [day.day, ...count(day)])
    ),
    '',
    'By whom:',
    formatTable(
      ['who', ...CHANGE_KINDS],
      report.by.map((who) => [who.who, ...count(who)])
    ),
    ...skipped
  ].join('\n')
}
