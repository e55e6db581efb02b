/** The statistics' CSV rows: members and figures, with values a spreadsheet would run neutralised. */
import { describe, expect, it } from 'vitest'
import { figuresRows, memberCsvRow } from '../../../src/main/stats/statsCsv'
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
