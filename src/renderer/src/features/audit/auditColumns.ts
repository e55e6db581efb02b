import type { AuditRow } from '../../../../shared/audit'

/** The columns that may fold away: each names who sent a write and where, the same for many rows. */
export const FOLDABLE = {
  osUser: 'OS user',
  identity: 'AWS identity',
  userPoolId: 'Pool'
} as const
export type Foldable = keyof typeof FOLDABLE

/**
 * The foldable columns holding one value for every row shown (one pool, one person at one computer),
 * with that value: the table leaves them out and says the value once above it instead.
 */
export function foldedColumns(rows: readonly AuditRow[]): Partial<Record<Foldable, string>> {
  const folded: Partial<Record<Foldable, string>> = {}
  if (rows.length === 0) return folded
  for (const key of Object.keys(FOLDABLE) as Foldable[]) {
    const first = rows[0]![key] ?? '—'
    if (rows.every((row) => (row[key] ?? '—') === first)) folded[key] = first
  }
  return folded
}

/** A change as one line: "tier: standard → tier: premium"; a dash for a write that changes no value. */
export function changeOf(row: AuditRow): string {
  return row.before || row.after ? `${row.before ?? '—'} → ${row.after ?? '—'}` : '—'
}
