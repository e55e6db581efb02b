/**
 * The Statistics screen's "Pending returns": every pending return of the pool, soonest first as main
 * lists them, each username opening the user, flags shown, Refresh reading again, an empty list in one
 * line, and a failure in words.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, it } from 'vitest'
import { PendingReturnsSection } from '../../../../src/renderer/src/features/statistics/PendingReturnsSection'
import { usePendingReturns } from '../../../../src/renderer/src/features/statistics/pendingReturnsStore'
import { useUsers } from '../../../../src/renderer/src/features/users/usersStore'
import { useNavigation } from '../../../../src/renderer/src/stores/navigationStore'
import type { PendingReturnsList } from '../../../../src/shared/tierReturns'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'

let fake: FakeApi
beforeEach(() => {
  fake = installFakeApi()
  usePendingReturns.setState(usePendingReturns.getInitialState(), true)
})

const list = (returns: PendingReturnsList['returns']): PendingReturnsList => ({
  groupName: 'tier-admin-tier-returns',
  listedAt: '2026-12-05T12:00:00.000Z',
  returns
})

it('lists each pending return with its tiers, date and flag, and opens the user from their name', async () => {
  fake.succeed(
    'listReturns',
    list([
      { username: 'bob', grantedTier: 'premium', returnTier: 'standard', at: '2026-12-10T08:00:00.000Z', scheduleName: 'b' },
      {
        username: 'carol',
        grantedTier: 'premium',
        returnTier: 'standard',
        at: '2027-01-15T09:00:00.000Z',
        scheduleName: 'c',
        flagged: 'carol holds standard now.'
      }
    ])
  )
  fake.succeed('getUser', { username: 'bob' } as never)
  render(<PendingReturnsSection />)
  const table = await screen.findByRole('table', { name: 'Pending tier returns' })
  const rows = within(table).getAllByRole('row').slice(1)
  expect(rows.map((row) => row.textContent)).toEqual([
    'bobpremium → standard10 Dec 2026, 08:00 UTC—',
    'carolpremium → standard15 Jan 2027, 09:00 UTCcarol holds standard now.'
  ])
  await userEvent.click(within(rows[0]!).getByRole('button', { name: 'bob' }))
  expect(useNavigation.getState().screen).toBe('users')
  expect(fake.calls.getUser).toHaveBeenCalledWith(expect.objectContaining({ username: 'bob' }))
  useUsers.setState({ selected: null })
})

it('says so in one line when none is pending, and reads again on Refresh', async () => {
  fake.succeed('listReturns', list([]))
  render(<PendingReturnsSection />)
  expect(await screen.findByText('No tier returns are pending: no grant has an end date.')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: 'Refresh' }))
  expect(fake.calls.listReturns).toHaveBeenCalledTimes(2)
})

it('says in words why the list could not be read', async () => {
  fake.fail('listReturns', { code: 'ACCESS_DENIED', message: 'This profile may not list schedules: allow scheduler:ListSchedules.' })
  render(<PendingReturnsSection />)
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The pending returns could not be read')
  expect(alert).toHaveTextContent('allow scheduler:ListSchedules')
})
