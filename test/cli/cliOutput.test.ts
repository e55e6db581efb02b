/**
 * The CLI's listings in its own words: values with spaces quoted, weekly sign-ups in the text output,
 * the scan's reason on a line of its own (no ".)."), counts in the right number, one count of skipped
 * import rows with its kinds, and the repeated-row heading that covers a repeated email.
 */
import { describe, expect, it } from 'vitest'
import { formatFigures, formatMembers } from '../../src/cli/format'
import { formatImportPreview, importCounts, skippedKinds } from '../../src/cli/importOutput'
import type { ImportJobDetail, ImportPreview } from '../../src/shared/importing'
import type { ImportProgress } from '../../src/shared/jobProgress'

const figures = {
  total: 30,
  tiers: { standard: 10, premium: 5, none: 5, invalid: { ' premium': 10 } },
  statuses: { CONFIRMED: 30 },
  enabled: 30,
  disabled: 0,
  weekly: [{ week: '2026-11-30', standard: 3, premium: 1, none: 0, invalid: 2 }]
}

describe('the CLI listings', () => {
  it('quotes values with spaces and prints the weekly sign-ups', () => {
    const text = formatFigures(figures)
    expect(text).toContain('invalid: " premium" = 10 (33.3%)')
    expect(text).toMatch(/Sign-ups by week \(Monday, UTC\):\s+standard\s+premium\s+no tier\s+invalid\n\s+2026-11-30\s+3\s+1\s+0\s+2/)
    const members = formatMembers({ total: 1, members: [{ username: 'ann', email: 'ann@x.io', tierValue: ' premium' }] } as never)
    expect(members).toBe('ann\tann@x.io\t" premium"')
  })

  it('counts in the right number and skipped import rows once, with their kinds', () => {
    const progress = { done: 1, total: 1, created: 0, existed: 1, skipped: 3, failed: 0 } as ImportProgress
    expect(importCounts(progress)).toBe('1/1 row, 0 created, 4 skipped, 0 failed')
    const rows = [
      { row: 1, line: 2, username: 'a', action: 'skip', problem: 'exists', reason: 'Already in the pool' },
      { row: 2, line: 3, username: 'b', action: 'skip', problem: 'exists', reason: 'Already in the pool' },
      { row: 3, line: 4, username: 'c', action: 'skip', problem: 'duplicate', reason: 'The email c@x.io is on line 2 too' }
    ]
    const preview = { jobId: 'import-1', fileName: 'people.csv', rows, creates: 0, withoutPassword: 0 } as unknown as ImportPreview
    const detail = { method: 'admin-create', preview } as unknown as ImportJobDetail
    expect(skippedKinds(detail, 1)).toEqual([
      'Skipped: 2 already in the pool, 1 username or email repeated in the file, 1 found in the pool when their turn came. They were left as they are.'
    ])
    expect(formatImportPreview({ ...preview, rows: rows.slice(0, 1) } as ImportPreview)).toMatch(/^people\.csv: 1 row, 0 to create, 1 left out\./)
  })
})
