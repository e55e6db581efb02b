/**
 * Premium until a date, from the window: the tier editor's "Until … then …" (refused up front, in
 * words, on a profile without a scheduler role), and the user's pending return under the header with
 * Extend and Cancel return, each sent on its own channel with the request main expects.
 */
import { act, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, it } from 'vitest'
import { useProfiles } from '../../../../src/renderer/src/features/connection/profilesStore'
import { useUsers } from '../../../../src/renderer/src/features/users/usersStore'
import { localInputToInstant } from '../../../../src/renderer/src/lib/localInstant'
import type { ProfileSummary } from '../../../../src/shared/profiles'
import type { PendingReturn } from '../../../../src/shared/tierReturns'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { person, showPage } from './support'

const ROLE = 'arn:aws:iam::123456789012:role/tier-admin-returns'

function profile(schedulerRoleArn?: string): ProfileSummary {
  return {
    id: 'work',
    name: 'Work',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_Work',
    clientId: 'client',
    emulator: false,
    production: false,
    credentialSource: { kind: 'default' },
    requireReason: false,
    builtIn: false,
    hasClientSecret: false,
    ...(schedulerRoleArn ? { schedulerRoleArn } : {})
  }
}

const pending = (overrides: Partial<PendingReturn> = {}): PendingReturn => ({
  username: 'alice',
  grantedTier: 'premium',
  returnTier: 'standard',
  at: '2027-01-15T09:00:00.000Z',
  scheduleName: 'tier-return-alice',
  ...overrides
})

let fake: FakeApi
beforeEach(() => {
  fake = installFakeApi()
  useUsers.setState({ selected: null, results: [] })
  useProfiles.setState({ view: { profiles: [profile(ROLE)], activeId: 'work' } })
  fake.succeed('getReturn', { username: 'alice', pendingReturn: null })
})

it('says where to set a scheduler role instead of offering an end date the profile cannot keep', () => {
  useProfiles.setState({ view: { profiles: [profile()], activeId: 'work' } })
  showPage(fake, person())
  const until = screen.getByLabelText(/Until/)
  expect(until).toBeDisabled()
  expect(until).toHaveAccessibleDescription(/needs a scheduler role in this profile.*“Profiles…”.*Scheduler role/)
})

it('grants premium until a date in the operator’s clock, says so on the button, and shows the return and the one it replaced', async () => {
  showPage(fake, person())
  await userEvent.selectOptions(screen.getByLabelText('Tier'), 'premium')
  fireEvent.change(screen.getByLabelText(/Until/), { target: { value: '2027-01-15T09:00' } })
  expect(screen.getByText(/does not cancel a pending return/)).toBeInTheDocument()
  const save = screen.getByRole('button', { name: 'Give premium until 15 Jan 2027, 09:00, then standard' })
  fake.succeed('setTier', {
    username: 'alice',
    from: { kind: 'tier', tier: 'standard' },
    to: 'premium',
    user: person({ tier: { kind: 'tier', tier: 'premium' }, modifiedAt: '2026-12-05T12:00:00.000Z' }),
    pendingReturn: pending(),
    cancelledReturn: pending({ at: '2026-12-20T09:00:00.000Z' })
  })
  await userEvent.click(save)
  const until = localInputToInstant('2027-01-15T09:00')
  expect(fake.calls.setTier).toHaveBeenCalledWith(expect.objectContaining({ username: 'alice', tier: 'premium', until, then: 'standard' }))
  const result = await screen.findByText(/Saved: alice's tier is now premium/)
  expect(result).toHaveTextContent('Scheduled: premium until 15 Jan 2027, 09:00 UTC, then standard.')
  expect(result).toHaveTextContent('The earlier return (premium until 20 Dec 2026, 09:00 UTC, then standard) is cancelled.')
})

it('shows a pending return under the header and moves it with Extend to the date and tier chosen', async () => {
  fake.succeed('getReturn', { username: 'alice', pendingReturn: pending() })
  showPage(fake, person({ tier: { kind: 'tier', tier: 'premium' } }))
  const line = await screen.findByRole('group', { name: 'Pending return' })
  expect(line).toHaveTextContent('premium until 15 Jan 2027, 09:00 UTC, then standard')
  await userEvent.click(within(line).getByRole('button', { name: 'Extend…' }))
  const dialog = screen.getByRole('dialog')
  fireEvent.change(within(dialog).getByLabelText(/Until/), { target: { value: '2027-02-01T10:30' } })
  await userEvent.selectOptions(within(dialog).getByLabelText('Then'), 'premium')
  const until = localInputToInstant('2027-02-01T10:30')!
  fake.succeed('extendReturn', pending({ at: new Date(until).toISOString(), returnTier: 'premium' }))
  await userEvent.click(within(dialog).getByRole('button', { name: 'Move to 1 Feb 2027, 10:30' }))
  expect(fake.calls.extendReturn).toHaveBeenCalledWith({ username: 'alice', until, then: 'premium' })
  expect(await screen.findByText(/^Moved: premium until 1 Feb 2027/)).toBeInTheDocument()
})

it('cancels a return after saying the user keeps the granted tier', async () => {
  fake.succeed('getReturn', { username: 'alice', pendingReturn: pending() })
  showPage(fake, person({ tier: { kind: 'tier', tier: 'premium' } }))
  await userEvent.click(await screen.findByRole('button', { name: 'Cancel return…' }))
  const dialog = screen.getByRole('dialog')
  expect(dialog).toHaveTextContent('alice keeps premium, with no end date')
  fake.succeed('cancelReturn', { username: 'alice', cancelled: pending(), message: 'alice’s return is cancelled: they keep premium.' })
  await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel the return' }))
  expect(fake.calls.cancelReturn).toHaveBeenCalledWith({ username: 'alice' })
  expect(await screen.findByText('alice’s return is cancelled: they keep premium.')).toBeInTheDocument()
  expect(screen.queryByRole('group', { name: 'Pending return' })).not.toBeInTheDocument()
})

it('shows a flagged return with its flag', async () => {
  fake.succeed('getReturn', { username: 'alice', pendingReturn: pending({ flagged: 'alice holds standard now, not premium.' }) })
  showPage(fake, person())
  const line = await screen.findByRole('group', { name: 'Pending return' })
  expect(line).toHaveTextContent('Check: alice holds standard now, not premium.')
})

it('reads the return once for the user opened, and again after their tier changes', async () => {
  showPage(fake, person())
  await act(() => new Promise((done) => setTimeout(done, 400)))
  expect(fake.calls.getReturn).toHaveBeenCalledTimes(1)
  expect(fake.calls.getReturn).toHaveBeenCalledWith({ username: 'alice' })
  act(() => useUsers.getState().applyUser(person({ tier: { kind: 'tier', tier: 'premium' }, modifiedAt: '2026-12-05T12:00:00.000Z' })))
  await act(() => Promise.resolve())
  expect(fake.calls.getReturn).toHaveBeenCalledTimes(2)
})
