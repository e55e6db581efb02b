/**
 * Tiers over time on the Statistics screen: the kept scans' chart and the tier changes per day with who
 * made them, read through main; another range asks main again, and the figures' CSV counts changes
 * over the range on screen.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { StatisticsScreen } from '../../../../src/renderer/src/features/statistics/StatisticsScreen'
import { useStats } from '../../../../src/renderer/src/features/statistics/statsStore'
import { scanLabels } from '../../../../src/renderer/src/features/statistics/TierTrend'
import { usePendingReturns } from '../../../../src/renderer/src/features/statistics/pendingReturnsStore'
import { useTrend } from '../../../../src/renderer/src/features/statistics/trendStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import type { ScanRecord, TierChangesReport } from '../../../../src/shared/statsHistory'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo, statsResult } from '../../support/fixtures'
import { openExportMenu } from './statsFixtures'

const scan = (at: string, premium: number): ScanRecord => ({
  at,
  userPoolId: 'us-east-1_Test',
  total: 10,
  tiers: { standard: 10 - premium, premium, none: 0, invalid: 0 },
  enabled: 10,
  disabled: 0,
  statuses: { CONFIRMED: 10 }
})
const changes = (days: number): TierChangesReport => ({
  from: '2026-11-06',
  to: '2026-12-05',
  days: Array.from({ length: days }, (_, i) => ({
    day: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
    upgrades: i === days - 1 ? 2 : 0,
    downgrades: 0,
    other: 0
  })),
  by: [{ who: 'sandbox (ann)', upgrades: 2, downgrades: 1, other: 0 }],
  skipped: 0
})

let fake: FakeApi

beforeEach(() => {
  fake = installFakeApi()
  useStats.setState(useStats.getInitialState(), true)
  useTrend.setState(useTrend.getInitialState(), true)
  usePendingReturns.setState(usePendingReturns.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  connectTo()
  fake.succeed('getStats', { progress: null, last: statsResult(10) })
  fake.succeed('exportStatus', null)
  fake.succeed('statsHistory', { scans: [scan('2026-12-04T09:00:00Z', 2), scan('2026-12-05T09:00:00Z', 3)] })
  fake.reply('tierChanges', (request) => ({ ok: true, data: changes(request?.days ?? 30) }))
  fake.succeed('listReturns', { groupName: 'tier-admin-tier-returns', listedAt: '2026-12-05T12:00:00.000Z', returns: [] })
})

describe('tiers over time', () => {
  it('draws each tier over the kept scans and the changes per day, with who made them', async () => {
    render(<StatisticsScreen />)
    const section = await screen.findByRole('region', { name: 'Tiers over time' })
    expect(await within(section).findByRole('img', { name: 'Users per tier over the kept scans chart' })).toBeInTheDocument()
    expect(within(section).getByRole('img', { name: 'Tier changes per day chart' })).toBeInTheDocument()
    expect(within(section).getByText('Users per tier, 2 kept scans')).toBeInTheDocument()
    const table = within(section).getByRole('table', { name: 'Tier changes by person' })
    expect(within(table).getByRole('row', { name: 'sandbox (ann) 2 1 0' })).toBeInTheDocument()
    expect(fake.calls.tierChanges).toHaveBeenCalledWith({ days: 30 })
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('asks main again for another range, and exports the figures with changes over it', async () => {
    fake.succeed('statsCsv', null)
    render(<StatisticsScreen />)
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Range of the tier changes' }), 'Last 90 days')
    expect(fake.calls.tierChanges).toHaveBeenLastCalledWith({ days: 90 })
    const menu = await openExportMenu()
    await userEvent.click(within(menu).getByRole('button', { name: 'Figures of the last scan (CSV)' }))
    expect(fake.calls.statsCsv).toHaveBeenCalledWith({ kind: 'figures', days: 90 })
  })

  it('says what fills the chart before any scan finished', async () => {
    fake.succeed('getStats', { progress: null, last: null })
    fake.succeed('statsHistory', { scans: [] })
    render(<StatisticsScreen />)
    expect(await screen.findByText('Each finished scan adds its counts here.')).toBeInTheDocument()
  })
})

describe('the trend chart labels', () => {
  it('gives each scan its time, with seconds only when two would read the same', () => {
    const now = new Date('2026-12-05T18:00:00')
    const apart = scanLabels([scan(new Date('2026-12-05T09:00:00').toISOString(), 1), scan(new Date('2026-12-05T10:00:00').toISOString(), 1)], now)
    expect(new Set(apart).size).toBe(2)
    expect(apart[0]).not.toMatch(/:00:00/)
    const close = scanLabels([scan(new Date('2026-12-05T09:00:05').toISOString(), 1), scan(new Date('2026-12-05T09:00:40').toISOString(), 1)], now)
    expect(close[0]).toMatch(/:05/)
    expect(close[1]).toMatch(/:40/)
  })
})
