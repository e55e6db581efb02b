/**
 * CSV quoting and formula-injection neutralisation. Pure functions; no Cognito behaviour involved.
 */
import { describe, expect, it } from 'vitest'
import { csvCell } from '../../../src/main/storage/csv'

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
})
