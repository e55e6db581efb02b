/**
 * The scan history on real files: appended and read back, a torn last line skipped and ended, two
 * processes appending at once, a full disk leaving no part of a line, and the size of a year of
 * scans. The assumption for the size: a scheduled scan every hour, day and night, for a year (8,784
 * scans), of a pool of millions with five account statuses — more than any operator runs by hand.
 */
import { spawn } from 'node:child_process'
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { historyLineOf, MAX_HISTORY_LINES, ScanHistory, thinHistory, type HistoryLine } from '../../../src/main/stats/scanHistory'
import type { StatsResult } from '../../../src/shared/domain'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-history-')
afterAll(() => temp.remove())
const POOL = 'eu-west-1_AbCdEf123'
let folders = 0
const folder = () => {
  const dir = join(temp.dir, `pool-${folders++}`)
  return dir
}

/** A scan of a large pool that finished at `at`: seven-digit counts, five statuses, an invalid value. */
function result(at: Date, premium = 214_567): StatsResult {
  return {
    finishedAt: at.toISOString(),
    durationMs: 61_000,
    mode: 'partitioned',
    userPoolId: POOL,
    figures: {
      total: 2_345_678,
      tiers: { standard: 1_987_654, premium, none: 143_211, invalid: { gold: 200, ' premium': 46 } },
      statuses: { CONFIRMED: 2_200_000, UNCONFIRMED: 100_000, FORCE_CHANGE_PASSWORD: 40_000, RESET_REQUIRED: 5_000, EXTERNAL_PROVIDER: 678 },
      enabled: 2_300_000,
      disabled: 45_678,
      weekly: [{ week: '2026-11-30', standard: 10, premium: 2, none: 0, invalid: 0 }]
    }
  }
}

const HOUR = 3_600_000
const start = Date.parse('2025-12-01T00:00:00Z')
const hourly = (hours: number): HistoryLine[] => Array.from({ length: hours }, (_, i) => historyLineOf(result(new Date(start + i * HOUR), 200_000 + i)))
const bytesOf = (lines: readonly HistoryLine[]) => Buffer.byteLength(lines.map((line) => `${JSON.stringify(line)}\n`).join(''))

describe('the scan history', () => {
  it('keeps each finished scan as its counts, read back oldest first and per pool, never its users', async () => {
    const dir = folder()
    const history = new ScanHistory(dir)
    expect(history.read(POOL)).toEqual([])
    await history.record(result(new Date('2026-12-05T10:00:00.123Z'), 5))
    await history.record(result(new Date('2026-12-05T09:00:00Z'), 4))
    await history.record({ ...result(new Date('2026-12-05T11:00:00Z')), userPoolId: 'us-east-1_Other' })
    const scans = history.read(POOL)
    expect(scans.map((scan) => [scan.at, scan.tiers.premium])).toEqual([
      ['2026-12-05T09:00:00Z', 4],
      ['2026-12-05T10:00:00Z', 5]
    ])
    expect(scans[0]).toEqual({
      at: '2026-12-05T09:00:00Z',
      userPoolId: POOL,
      total: 2_345_678,
      tiers: { standard: 1_987_654, premium: 4, none: 143_211, invalid: 246 },
      enabled: 2_300_000,
      disabled: 45_678,
      statuses: { CONFIRMED: 2_200_000, UNCONFIRMED: 100_000, FORCE_CHANGE_PASSWORD: 40_000, RESET_REQUIRED: 5_000, EXTERNAL_PROVIDER: 678 }
    })
    expect(statSync(history.path).mode & 0o777).toBe(0o600)
    expect(readFileSync(history.path, 'utf8')).not.toMatch(/gold|week/)
  })

  it('skips a torn last line, ends it before the next scan, and drops it when the file is next rewritten', async () => {
    const history = new ScanHistory(folder())
    await history.record(result(new Date('2026-12-05T09:00:00Z'), 1))
    appendFileSync(history.path, '{"v":1,"at":"2026-12-05T09:30:00Z","pool":"eu-w')
    expect(history.read(POOL)).toHaveLength(1)
    await history.record(result(new Date('2026-12-05T10:00:00Z'), 2))
    expect(history.read(POOL).map((scan) => scan.tiers.premium)).toEqual([1, 2])
    expect(readFileSync(history.path, 'utf8')).not.toContain('eu-w\n{')
    expect(readFileSync(history.path, 'utf8').split('\n').filter(Boolean)).toHaveLength(2)
  })

  it('keeps every line whole when two processes append at once', async () => {
    const history = new ScanHistory(folder())
    const module = join(__dirname, '../../../src/main/stats/scanHistory.ts')
    const writer = (offsetMinutes: number) =>
      new Promise<void>((resolve, reject) => {
        const script = `const { ScanHistory } = require(${JSON.stringify(module)});
const history = new ScanHistory(${JSON.stringify(join(history.path, '..'))});
const base = ${JSON.stringify(result(new Date(0)))};
(async () => { for (let i = 0; i < 100; i++) await history.record({ ...base, finishedAt: new Date(Date.parse('2026-12-05T00:00:00Z') + (${offsetMinutes} + i * 2) * 60000).toISOString() }) })()`
        const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: 'inherit' })
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))))
      })
    await Promise.all([writer(0), writer(1)])
    const lines = readFileSync(history.path, 'utf8').split('\n')
    expect(lines.at(-1)).toBe('')
    expect(lines.slice(0, -1).every((line) => JSON.parse(line).v === 1)).toBe(true)
    // Two hundred scans within one day: every one is kept.
    expect(history.read(POOL)).toHaveLength(200)
  })

  it('costs well under 1 MB for a year of hourly scans, and at most 3,000 lines (under 1 MB) whatever runs', async () => {
    const year = hourly(366 * 24)
    // Kept whole, a year of hourly scans would pass 1 MB: that is why old ones are thinned.
    expect(bytesOf(year)).toBeGreaterThan(1_000_000)
    const kept = thinHistory(year)
    // The last day whole (24), the last of each hour 1 to 60 days back, the last of each day before.
    expect(kept).toHaveLength(24 + 59 * 24 + (366 - 60))
    expect(bytesOf(kept)).toBeLessThan(500_000)
    expect(kept.at(-1)).toEqual(year.at(-1))

    // Through the real file: a year's lines appended unthinned (as an older version would leave them), then one more scan.
    const history = new ScanHistory(folder())
    const first = result(new Date(start - HOUR))
    const last = result(new Date(start + 366 * 24 * HOUR))
    await history.record(first)
    writeFileSync(history.path, year.map((line) => `${JSON.stringify(line)}\n`).join(''), { flag: 'a' })
    await history.record(last)
    const size = statSync(history.path).size
    expect(size).toBeLessThan(1_000_000)
    expect(history.read(POOL)).toHaveLength(thinHistory([historyLineOf(first), ...year, historyLineOf(last)]).length)
    console.info(`A year of hourly scans keeps ${history.read(POOL).length} lines, ${size} bytes (${Math.round(size / history.read(POOL).length)} a line).`)

    // Scans back to back all day long (one a second): the last day is thinned to hours too, and the cap holds.
    const frantic = Array.from({ length: 20_000 }, (_, i) => historyLineOf(result(new Date(start + 366 * 24 * HOUR + i * 1000))))
    const capped = thinHistory([...year, ...frantic])
    expect(capped.length).toBeLessThanOrEqual(MAX_HISTORY_LINES)
    expect(bytesOf(capped)).toBeLessThan(1_000_000)
    expect(bytesOf(Array.from({ length: MAX_HISTORY_LINES }, () => year.at(-1)!))).toBeLessThan(1_000_000)
  })
})
