/**
 * A tier's member list says beside each member with a pending return what it is ("premium until …,
 * then standard"), from one read of the schedule group for the list, never one read per row.
 */
import { render, screen, within } from '@testing-library/react'
import { beforeEach, expect, it, vi } from 'vitest'
import { TierMembersPanel } from '../../../../src/renderer/src/features/users/TierMembersPanel'
import { useTierMembers } from '../../../../src/renderer/src/features/users/tierMembersStore'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'

let fake: FakeApi
const member = (i: number) => ({ username: `user_${i}`, email: `user_${i}@example.com`, tierValue: 'premium' })

beforeEach(() => {
  fake = installFakeApi()
  useTierMembers.setState({ view: null, error: null, loading: false, returns: null, returnsError: null })
})

function Panel() {
  const { view, error } = useTierMembers()
  const props = { scannedAt: null, selected: null, onOpen: vi.fn(), onPage: vi.fn(), onBack: vi.fn(), onGoToStatistics: vi.fn(), onBulk: vi.fn() }
  return <TierMembersPanel view={view} error={error} {...props} allUsernames={useTierMembers.getState().allUsernames} />
}

it('shows each member’s pending return, flagged ones marked, from one listReturns call', async () => {
  fake.succeed('listTierMembers', { members: Array.from({ length: 20 }, (_, i) => member(i)), total: 20 })
  fake.succeed('listReturns', {
    groupName: 'tier-admin-tier-returns',
    listedAt: '2026-12-05T12:00:00.000Z',
    returns: [
      { username: 'user_3', grantedTier: 'premium', returnTier: 'standard', at: '2027-01-15T09:00:00.000Z', scheduleName: 's3' },
      { username: 'user_7', grantedTier: 'premium', returnTier: 'standard', at: '2027-02-01T09:00:00.000Z', scheduleName: 's7', flagged: 'Holds standard now.' }
    ]
  })
  render(<Panel />)
  await useTierMembers.getState().load('premium')
  const row = (await screen.findByText('user_3')).closest('tr')!
  expect(await within(row).findByText('premium until 15 Jan 2027, 09:00 UTC, then standard')).toBeInTheDocument()
  const flagged = screen.getByText('user_7').closest('tr')!
  expect(within(flagged).getByText('Check')).toBeInTheDocument()
  expect(within(flagged).getByTitle(/Holds standard now\./)).toBeInTheDocument()
  expect(within(screen.getByText('user_4').closest('tr')!).queryByText(/until/)).not.toBeInTheDocument()
  expect(fake.calls.listReturns).toHaveBeenCalledTimes(1)
  expect(fake.calls.listTierMembers).toHaveBeenCalledTimes(1)
})

it('still lists the members when the returns cannot be read, and says why in a line', async () => {
  fake.succeed('listTierMembers', { members: [member(1)], total: 1 })
  fake.fail('listReturns', { code: 'ACCESS_DENIED', message: 'This profile may not list schedules (scheduler:ListSchedules).' })
  render(<Panel />)
  await useTierMembers.getState().load('premium')
  expect(await screen.findByText(/Pending tier returns could not be read: This profile may not list schedules/)).toBeInTheDocument()
  expect(screen.getByText('user_1')).toBeInTheDocument()
  expect(screen.queryByRole('columnheader', { name: 'Tier return' })).not.toBeInTheDocument()
})
