/** The statistics' CSV rows: members and figures, with values a spreadsheet would run neutralised. */
import { describe, expect, it } from 'vitest'
import { figuresRows, memberCsvRow, statsCsvLines } from '../../../src/main/stats/statsCsv'
import type { StatsResult } from '../../../src/shared/domain'
import type { ScanRecord, TierChangesReport } from '../../../src/shared/statsHistory'
import { csvRow } from '../../../src/main/storage/csv'

describe('statistics CSV', () => {
  it('writes a member row with an empty email when there is none', () => {
    expect(memberCsvRow({ username: 'ann', email: null, tierValue: '=cmd|"/c calc"!A0' })).toBe(`ann,,"'=cmd|""/c calc""!A0"\r\n`)
    expect(memberCsvRow({ username: 'bob', email: '"bob, jr"@example.com', tierValue: 'premium' })).toBe(`bob,"""bob, jr""@example.com",premium\r\n`)
  })

  it('writes figures in long format with invalid values neutralised', () => {
    const csv = figuresRows({
      total: 5,
      tiers: { standard: 1, premium: 1, none: 1, invalid: { '=evil()': 1, gold: 1 } },
      statuses: { CONFIRMED: 4, UNCONFIRMED: 1 },
      enabled: 4,
      disabled: 1,
      weekly: [{ week: '2024-01-01', standard: 1, premium: 1, none: 1, invalid: 2 }]
    })
    const rows = csv.map(csvRow)
    expect(rows[0]).toBe('metric,key,value')
    expect(rows).toContain('total,,5')
    expect(rows).toContain("invalid_tier,'=evil(),1")
    expect(rows).toContain('status,UNCONFIRMED,1')
    expect(rows).toContain('signups_invalid,2024-01-01,2')
    expect(rows).toContain('disabled,,1')
  })
})

describe('statistics CSV with tiers over time', () => {
  const scans: ScanRecord[] = [
    {
      at: '2026-12-04T09:00:00Z',
      userPoolId: 'eu-west-1_pool',
      total: 10,
      tiers: { standard: 6, premium: 2, none: 1, invalid: 1 },
      enabled: 9,
      disabled: 1,
      statuses: { UNCONFIRMED: 1, CONFIRMED: 9 }
    },
    {
      at: '2026-12-05T09:00:00Z',
      userPoolId: 'eu-west-1_pool',
      total: 11,
      tiers: { standard: 6, premium: 3, none: 1, invalid: 1 },
      enabled: 11,
      disabled: 0,
      statuses: { CONFIRMED: 11 }
    }
  ]
  const changes: TierChangesReport = {
    from: '2026-12-04',
    to: '2026-12-05',
    days: [
      { day: '2026-12-04', upgrades: 0, downgrades: 0, other: 0 },
      { day: '2026-12-05', upgrades: 2, downgrades: 1, other: 0 }
    ],
    by: [{ who: '=arn (ops)', upgrades: 2, downgrades: 1, other: 0 }],
    skipped: 0
  }
  const figures = {
    total: 11,
    tiers: { standard: 6, premium: 3, none: 1, invalid: { gold: 1 } },
    statuses: { CONFIRMED: 11 },
    enabled: 11,
    disabled: 0,
    weekly: []
  }
  const result: StatsResult = { figures, finishedAt: '2026-12-05T09:00:00.000Z', durationMs: 1, mode: 'partitioned', userPoolId: 'eu-west-1_pool' }
  const collect = async (lines: AsyncIterable<string>) => {
    let text = ''
    for await (const line of lines) text += line
    return text.split('\r\n').filter(Boolean)
  }
  let asked: number | undefined
  const sources = {
    store: { members: async function* () {} },
    series: async (days?: number) => {
      asked = days
      return { scans, changes }
    }
  }

  it('follows the figures with each kept scan and each day of tier changes, in the same three columns', async () => {
    const rows = await collect(statsCsvLines(result, { kind: 'figures', days: 90 }, sources))
    expect(asked).toBe(90)
    expect(rows[0]).toBe('metric,key,value')
    expect(rows).toContain('total,,11')
    expect(rows.filter((row) => row === 'metric,key,value')).toHaveLength(1)
    expect(rows).toContain('scan_total,2026-12-04T09:00:00Z,10')
    expect(rows).toContain('scan_premium,2026-12-04T09:00:00Z,2')
    expect(rows).toContain('scan_premium,2026-12-05T09:00:00Z,3')
    expect(rows).toContain('scan_invalid,2026-12-05T09:00:00Z,1')
    expect(rows).toContain('scan_disabled,2026-12-04T09:00:00Z,1')
    expect(rows).toContain('scan_status_UNCONFIRMED,2026-12-04T09:00:00Z,1')
    expect(rows).toContain('tier_upgrades,2026-12-05,2')
    expect(rows).toContain('tier_downgrades,2026-12-05,1')
    expect(rows).toContain('tier_other_changes,2026-12-04,0')
    // Who made them is text from the trail: neutralised like any cell a spreadsheet could run.
    expect(rows).toContain("tier_upgrades_by,'=arn (ops),2")
    expect(rows.indexOf('total,,11')).toBeLessThan(rows.indexOf('scan_total,2026-12-04T09:00:00Z,10'))
  })

  it('writes the series alone, with no scan needed, for stats --history --csv', async () => {
    const rows = await collect(statsCsvLines(null, { kind: 'history' }, sources))
    expect(rows[0]).toBe('metric,key,value')
    expect(rows).not.toContain('total,,11')
    // The header; each scan: total, four tiers, enabled, disabled and its statuses; each day and each person: three kinds.
    expect(rows).toHaveLength(1 + (7 + 2) + (7 + 1) + 2 * 3 + 3)
  })
})
