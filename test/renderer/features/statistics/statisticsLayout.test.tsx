/**
 * The Statistics screen puts the numbers first: the total and each tier's count and share (each tier
 * opening its users on the Users screen), then status, enabled and sign-ups, then the charts. The
 * quota's explanation is behind a disclosure, every export in one menu, and each save offers "Show in
 * folder" by main's id for the file.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { useExport } from '../../../../src/renderer/src/features/export/exportStore'
import { StatisticsScreen } from '../../../../src/renderer/src/features/statistics/StatisticsScreen'
import { useStats } from '../../../../src/renderer/src/features/statistics/statsStore'
import { useTierMembers } from '../../../../src/renderer/src/features/users/tierMembersStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import { useNavigation } from '../../../../src/renderer/src/stores/navigationStore'
import type { StatsFigures } from '../../../../src/shared/jobProgress'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo, statsResult } from '../../support/fixtures'
import { FILE_ID, openExportMenu } from './statsFixtures'

const FIGURES: StatsFigures = {
  total: 10,
  tiers: { standard: 5, premium: 3, none: 1, invalid: { ' premium': 1 } },
  statuses: { CONFIRMED: 8, FORCE_CHANGE_PASSWORD: 2 },
  enabled: 9,
  disabled: 1,
  weekly: [
    { week: '2026-02-16', standard: 1, premium: 0, none: 0, invalid: 0 },
    { week: '2026-03-02', standard: 2, premium: 1, none: 0, invalid: 1 }
  ]
}

let fake: FakeApi

beforeEach(() => {
  fake = installFakeApi()
  useStats.setState(useStats.getInitialState(), true)
  useExport.setState(useExport.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  useNavigation.setState({ screen: 'statistics' })
  useTierMembers.setState(useTierMembers.getInitialState(), true)
  connectTo()
  fake.succeed('getStats', { progress: null, last: statsResult(10, { figures: FIGURES }) })
  fake.succeed('exportStatus', null)
  fake.succeed('listTierMembers', { members: [], total: 3 })
})

/** True when `first` comes before `second` in the page's reading order. */
const before = (first: Element, second: Element) => Boolean(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING)

describe('the Statistics screen, numbers first', () => {
  it('shows the total and each tier, then status, enabled and sign-ups, then the charts', async () => {
    render(<StatisticsScreen />)
    const tiers = await screen.findByRole('list', { name: 'Users per tier' })
    const tiles = within(tiers).getAllByRole('listitem')
    expect(tiles.map((tile) => tile.textContent)).toEqual([
      'All users10100%',
      'standard 5 users, 50.0% list users ›',
      'premium 3 users, 30.0% list users ›',
      'no tier 1 user, 10.0% list users ›',
      'invalid value 1 user, 10.0% list users ›'
    ])
    const statuses = screen.getByRole('table', { name: 'Users per status' })
    const enabled = screen.getByRole('table', { name: 'Enabled and disabled users' })
    const signups = screen.getByRole('table', { name: 'Sign-ups in the last weeks' })
    const chart = screen.getByRole('img', { name: 'Tier doughnut chart' })
    expect(before(tiers, statuses) && before(statuses, enabled) && before(enabled, signups) && before(signups, chart)).toBe(true)
    expect(within(enabled).getByRole('row', { name: /disabled/ })).toHaveTextContent('disabled110.0%')
    // Newest week first, the quiet weeks between counted as none.
    expect(
      within(signups)
        .getAllByRole('row')
        .map((row) => row.textContent)
    ).toEqual(['Week fromUsers', '2026-03-024', '2026-02-230', '2026-02-161'])
    // An invalid value shows quoted, so a stray space is seen.
    expect(screen.getByRole('table', { name: 'Invalid tier values' })).toHaveTextContent('“ premium”')
  })

  it('opens the users of a tier on the Users screen', async () => {
    const user = userEvent.setup()
    render(<StatisticsScreen />)
    await user.click(await screen.findByRole('button', { name: /^premium 3 users, 30\.0%/ }))
    expect(useNavigation.getState().screen).toBe('users')
    expect(fake.calls.listTierMembers).toHaveBeenCalledWith(expect.objectContaining({ bucket: 'premium', offset: 0 }))
    expect(useTierMembers.getState()).toMatchObject({ shown: true, bucket: 'premium' })
  })

  it('explains the quota behind a disclosure, not above the numbers', async () => {
    render(<StatisticsScreen />)
    const summary = await screen.findByText('Why a scan? How long does it take?')
    const details = summary.closest('details')!
    expect(details).not.toHaveAttribute('open')
    expect(details).toHaveTextContent(/at most 30 requests a second/)
  })

  it('holds every export in one menu, which Escape closes', async () => {
    const user = userEvent.setup()
    render(<StatisticsScreen />)
    const menu = await openExportMenu()
    expect(
      within(menu)
        .getAllByRole('button')
        .map((button) => button.textContent)
    ).toEqual(['Figures of the last scan (CSV)', 'Users of this tier (CSV)', 'All users, every attribute…'])
    expect(within(menu).getByRole('button', { name: 'Figures of the last scan (CSV)' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.getByRole('button', { name: 'Export' })).toHaveAttribute('aria-expanded', 'false')
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus()
  })

  it('saves a tier list from the menu and shows its folder by main id, never by path', async () => {
    const user = userEvent.setup()
    fake.succeed('statsCsv', { path: '/home/op/premium.csv', rows: 3, fileId: FILE_ID })
    fake.succeed('showSavedFile', { folder: '/home/op' })
    render(<StatisticsScreen />)
    const menu = await openExportMenu()
    await user.selectOptions(within(menu).getByLabelText('Tier to export'), 'none')
    await user.click(within(menu).getByRole('button', { name: 'Users of this tier (CSV)' }))
    expect(fake.calls.statsCsv).toHaveBeenCalledWith({ kind: 'tier', bucket: 'none' })
    expect(await screen.findByText('Saved 3 rows to /home/op/premium.csv')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show in folder' }))
    expect(fake.calls.showSavedFile).toHaveBeenCalledWith({ fileId: FILE_ID })
  })

  it('offers the figures and tier lists only once a scan has finished', async () => {
    fake.succeed('getStats', { progress: null, last: null })
    render(<StatisticsScreen />)
    await screen.findByText(/No scan of this pool has finished yet/)
    const menu = await openExportMenu()
    expect(within(menu).getByRole('button', { name: 'Figures of the last scan (CSV)' })).toBeDisabled()
    expect(within(menu).getByRole('button', { name: 'Users of this tier (CSV)' })).toBeDisabled()
    expect(within(menu).getByRole('button', { name: 'All users, every attribute…' })).toBeEnabled()
    expect(menu).toHaveTextContent('The figures and tier lists come from a finished scan.')
  })
})
