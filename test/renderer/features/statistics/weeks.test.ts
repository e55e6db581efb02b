/** The weekly sign-up chart shows quiet weeks as zero instead of skipping them. */
import { describe, expect, it } from 'vitest'
import { withEmptyWeeks } from '../../../../src/renderer/src/features/statistics/weeks'

const week = (date: string, standard = 1) => ({ week: date, standard, premium: 0, none: 0, invalid: 0 })

describe('withEmptyWeeks', () => {
  it('fills every Monday between the first and last week with zeros', () => {
    const filled = withEmptyWeeks([week('2026-03-09', 2), week('2026-03-30', 5)])
    expect(filled.map((w) => w.week)).toEqual(['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'])
    expect(filled.map((w) => w.standard)).toEqual([2, 0, 0, 5])
  })

  it('keeps an empty or single-week series as it is, across a change of year', () => {
    expect(withEmptyWeeks([])).toEqual([])
    expect(withEmptyWeeks([week('2026-12-28')])).toHaveLength(1)
    expect(withEmptyWeeks([week('2026-12-28'), week('2027-01-11')]).map((w) => w.week)).toEqual(['2026-12-28', '2027-01-04', '2027-01-11'])
  })
})
