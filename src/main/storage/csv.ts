/**
 * CSV cells for every file the app writes (statistics, exports, results, the audit trail): RFC 4180
 * quoting, and text cells that a spreadsheet would run as a formula are prefixed with an apostrophe
 * (OWASP's advice against CSV injection).
 */

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
