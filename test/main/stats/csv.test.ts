/**
 * CSV quoting and formula-injection neutralisation. Pure functions; no Cognito behaviour involved.
 */
import { describe, expect, it } from 'vitest'
import { csvCell, figuresCsv, memberCsvRow } from '../../../src/main/stats/csv'

describe('CSV output', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell(' padded')).toBe('" padded"')
    expect(csvCell(42)).toBe('42')
  })

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tTAB', '\rCR', '  =1+1', ' @SUM(A1)', '   -2'])('neutralises %j so a spreadsheet shows it as text', (value) => {
    const cell = csvCell(value)
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell
    expect(unquoted).toBe(`'${value}`)
  })

  it.each(['a=b', 'x-1', 'jane@example.com', ' plain'])('leaves %j as it is apart from quoting', (value) => {
    expect(csvCell(value).replace(/^"|"$/g, '')).toBe(value)
  })

  it('writes a member row with an empty email when there is none', () => {
    expect(memberCsvRow({ username: 'ann', email: null, tierValue: '=cmd|"/c calc"!A0' })).toBe(`ann,,"'=cmd|""/c calc""!A0"\r\n`)
    expect(memberCsvRow({ username: 'bob', email: '"bob, jr"@example.com', tierValue: 'premium' })).toBe(`bob,"""bob, jr""@example.com",premium\r\n`)
  })

  it('writes figures in long format with invalid values neutralised', () => {
    const csv = figuresCsv({
      total: 5,
      tiers: { standard: 1, premium: 1, none: 1, invalid: { '=evil()': 1, gold: 1 } },
      statuses: { CONFIRMED: 4, UNCONFIRMED: 1 },
      enabled: 4,
      disabled: 1,
      weekly: [{ week: '2024-01-01', standard: 1, premium: 1, none: 1, invalid: 2 }]
    })
    const rows = csv.trimEnd().split('\r\n')
    expect(rows[0]).toBe('metric,key,value')
    expect(rows).toContain('total,,5')
    expect(rows).toContain("invalid_tier,'=evil(),1")
    expect(rows).toContain('status,UNCONFIRMED,1')
    expect(rows).toContain('signups_invalid,2024-01-01,2')
    expect(rows).toContain('disabled,,1')
  })
})
