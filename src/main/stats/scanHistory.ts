/**
 * A pool's scan history: one short JSON line per finished scan (its counts, never its users) in
 * `stats/<pool>/history.jsonl`, appended like the audit trail (one whole line per write, a torn last
 * line skipped on read and ended before the next). Old lines are thinned so years of scans stay small:
 * every scan of the last day, the last of each hour up to 60 days back, the last of each day before.
 *
 * Only the process that finishes a scan writes here, and it holds the pool's scan lock while it does
 * (scan.lock), so the append and the rewrite that thins the file never race another writer; readers
 * in other processes see the old file or the new one (an atomic replace).
 */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { TIER_BUCKETS, type StatsResult, type TierBucket } from '../../shared/domain'
import type { ScanRecord } from '../../shared/statsHistory'
import { appendJsonLine, readJsonLines } from '../storage/jsonLines'
import { ensurePrivateDir, writeFileAtomic } from '../storage/privateFiles'
import { withPath } from '../storage/withPath'

export const HISTORY_FILE = 'history.jsonl'

/**
 * A record as stored, in short keys: a year of hourly scans must stay well under 1 MB.
 * t: the tier buckets' counts in TIER_BUCKETS order (standard, premium, none, invalid).
 */
export interface HistoryLine {
  v: 1
  at: string
  pool: string
  n: number
  t: number[]
  e: number
  d: number
  st: Record<string, number>
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
/** Every scan younger than this is kept. */
const KEEP_ALL_MS = DAY_MS
/** Up to this age the last scan of each hour is kept; beyond it, the last of each day. */
const KEEP_HOURLY_MS = 60 * DAY_MS
/**
 * The most lines ever kept (at most about 250 bytes each, so under 0.8 MB). Reached only by scans run back to
 * back all day (the last day is then thinned to hours too) or after about four years of daily lines.
 */
export const MAX_HISTORY_LINES = 3000

export function historyLineOf(result: StatsResult): HistoryLine {
  const { figures } = result
  const invalid = Object.values(figures.tiers.invalid).reduce((sum, count) => sum + count, 0)
  const counts: Record<TierBucket, number> = { ...figures.tiers, invalid }
  return {
    v: 1,
    // Whole seconds: the milliseconds say nothing a chart or a CSV needs.
    at: result.finishedAt.replace(/\.\d+Z$/, 'Z'),
    pool: result.userPoolId,
    n: figures.total,
    t: TIER_BUCKETS.map((bucket) => counts[bucket]),
    e: figures.enabled,
    d: figures.disabled,
    st: figures.statuses
  }
}

export function recordOf(line: HistoryLine): ScanRecord {
  const tiers = Object.fromEntries(TIER_BUCKETS.map((bucket, index) => [bucket, line.t[index] ?? 0])) as Record<TierBucket, number>
  return { at: line.at, userPoolId: line.pool, total: line.n, tiers, enabled: line.e, disabled: line.d, statuses: line.st }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0

export function isHistoryLine(value: unknown): value is HistoryLine {
  const line = value as Partial<HistoryLine> | null
  return (
    !!line &&
    typeof line === 'object' &&
    line.v === 1 &&
    typeof line.at === 'string' &&
    !Number.isNaN(Date.parse(line.at)) &&
    typeof line.pool === 'string' &&
    isCount(line.n) &&
    Array.isArray(line.t) &&
    line.t.length === TIER_BUCKETS.length &&
    line.t.every(isCount) &&
    isCount(line.e) &&
    isCount(line.d) &&
    !!line.st &&
    typeof line.st === 'object' &&
    Object.values(line.st).every(isCount)
  )
}

/**
 * The lines to keep, oldest first: ages are counted back from the newest line (not the clock), so a
 * history thins the same way whenever it is read. In each hour or day past the recent ones, the last
 * scan stands for it.
 */
export function thinHistory(lines: readonly HistoryLine[], keepAllMs = KEEP_ALL_MS): HistoryLine[] {
  const sorted = [...lines].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  const newest = sorted.length ? Date.parse(sorted.at(-1)!.at) : 0
  const kept = new Map<string, HistoryLine>()
  sorted.forEach((line, index) => {
    const time = Date.parse(line.at)
    const age = newest - time
    const slot = age < keepAllMs ? `scan ${index}` : age < KEEP_HOURLY_MS ? `hour ${Math.floor(time / HOUR_MS)}` : `day ${Math.floor(time / DAY_MS)}`
    // A later line of the same hour or day replaces the earlier one.
    kept.delete(slot)
    kept.set(slot, line)
  })
  const thinned = [...kept.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  if (thinned.length <= MAX_HISTORY_LINES) return thinned
  if (keepAllMs > 0) return thinHistory(thinned, 0)
  return thinned.slice(-MAX_HISTORY_LINES)
}

/** One pool's history in its scan folder. */
export class ScanHistory {
  readonly path: string

  constructor(private readonly dir: string) {
    this.path = join(dir, HISTORY_FILE)
  }

  /** The kept scans of `userPoolId`, oldest first (a line of another pool, copied in by hand, is left out). */
  read(userPoolId: string): ScanRecord[] {
    return this.lines()
      .entries.filter((line) => line.pool === userPoolId)
      .map(recordOf)
  }

  private lines(): { entries: HistoryLine[]; skipped: number } {
    const read = readJsonLines(this.path, isHistoryLine)
    return { entries: read.entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)), skipped: read.skipped }
  }

  /**
   * Appends a finished scan's counts (on disk before it returns), then thins the file when it holds
   * more than it should keep or a torn line. Rejects with ENOSPC, leaving no part of the line, when
   * the disk is full.
   */
  async record(result: StatsResult): Promise<void> {
    await ensurePrivateDir(this.dir)
    await appendJsonLine(this.path, historyLineOf(result), { durable: true })
    const before = await stat(this.path)
    const { entries, skipped } = this.lines()
    const kept = thinHistory(entries)
    if (kept.length === entries.length && skipped === 0) return
    // The scan lock keeps other writers out; a change of size since the read would still mean one got in.
    if ((await stat(this.path)).size !== before.size) return
    const text = kept.map((line) => `${JSON.stringify(line)}\n`).join('')
    await writeFileAtomic(this.path, text).catch((error: unknown) => Promise.reject(withPath(error, this.path)))
  }
}
