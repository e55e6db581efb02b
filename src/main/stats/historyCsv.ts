/**
 * Tiers over time in the statistics CSV's long format (metric,key,value): each kept scan's counts
 * keyed by when it finished, then the tier changes keyed by day and by who made them.
 */
import { TIER_BUCKETS } from '../../shared/domain'
import { CHANGE_KINDS, type ChangeKind, type ScanRecord, type TierChangesReport } from '../../shared/statsHistory'

type Row = (string | number)[]

/** The metric names of the changes: "tier_upgrades", "tier_downgrades", "tier_other_changes". */
const CHANGE_METRICS: Record<ChangeKind, string> = { upgrades: 'tier_upgrades', downgrades: 'tier_downgrades', other: 'tier_other_changes' }

/** One row per count of each kept scan, oldest first: scan_total, scan_<bucket>, scan_enabled, scan_disabled, scan_status_<STATUS>. */
export function scanSeriesRows(scans: readonly ScanRecord[]): Row[] {
  const rows: Row[] = []
  for (const scan of scans) {
    rows.push(['scan_total', scan.at, scan.total])
    for (const bucket of TIER_BUCKETS) rows.push([`scan_${bucket}`, scan.at, scan.tiers[bucket]])
    rows.push(['scan_enabled', scan.at, scan.enabled], ['scan_disabled', scan.at, scan.disabled])
    for (const status of Object.keys(scan.statuses).sort()) rows.push([`scan_status_${status}`, scan.at, scan.statuses[status]!])
  }
  return rows
}

/** Each day's changes (every day of the range, zeros included), then each person's: tier_upgrades_by and so on. */
export function changeRows(report: TierChangesReport): Row[] {
  const rows: Row[] = []
  for (const day of report.days) for (const kind of CHANGE_KINDS) rows.push([CHANGE_METRICS[kind], day.day, day[kind]])
  for (const who of report.by) for (const kind of CHANGE_KINDS) rows.push([`${CHANGE_METRICS[kind]}_by`, who.who, who[kind]])
  return rows
}
