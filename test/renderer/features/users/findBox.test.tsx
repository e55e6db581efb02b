/**
 * The Users screen's one find box, each state an operator meets with a ticket: exactly one match opens
 * the user (read afresh) and empties the box; several list; a lower-cased match says so; part of an
 * email lists the last scan's matches with its date, or says what to do without a scan; a failed
 * lookup leaves no earlier user under its message; a user changed so they no longer match leaves the list.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { UsersScreen } from '../../../../src/renderer/src/features/users/UsersScreen'
import { useTierMembers } from '../../../../src/renderer/src/features/users/tierMembersStore'
import { useUsers } from '../../../../src/renderer/src/features/users/usersStore'
import { useNavigation } from '../../../../src/renderer/src/stores/navigationStore'
import type { FindResult, UserDetail } from '../../../../src/shared/domain'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'

let fake: FakeApi

const user = (username: string, overrides: Partial<UserDetail> = {}): UserDetail => ({
  username,
  sub: `sub-${username}`,
  status: 'CONFIRMED',
  enabled: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  modifiedAt: '2026-01-01T00:00:00.000Z',
  email: `${username}@acme.test`,
  emailVerified: true,
  phone: null,
  phoneVerified: false,
  tier: { kind: 'tier', tier: 'standard' },
  attributes: [],
  identities: [],
  ...overrides
})

const box = () => screen.getByRole('searchbox', { name: 'Email, username, phone number or sub' })

async function find(query: string, result: FindResult | { fail: string }): Promise<void> {
  if ('fail' in result) fake.fail('findUsers', { code: 'NETWORK_UNREACHABLE', message: result.fail })
  else fake.succeed('findUsers', result)
  await userEvent.clear(box())
  await userEvent.type(box(), `${query}{Enter}`)
}

beforeEach(() => {
  fake = installFakeApi()
  useUsers.setState(useUsers.getInitialState(), true)
  useTierMembers.setState(useTierMembers.getInitialState(), true)
  useNavigation.setState(useNavigation.getInitialState(), true)
  fake.reply('getUser', (request) => ({ ok: true, data: user(request?.username ?? '') }))
  render(<UsersScreen />)
})

describe('the find box', () => {
  it('opens the one match, read afresh, focused at its name, and keeps no text', async () => {
    await find('alice@acme.test', { foundBy: 'email', users: [user('alice')] })
    const heading = await screen.findByRole('heading', { name: 'alice' })
    expect(fake.calls.getUser).toHaveBeenCalledWith({ username: 'alice' })
    expect(box()).toHaveValue('')
    await expect.poll(() => document.activeElement).toBe(heading)
    expect(screen.queryByRole('button', { name: /Back to the results/ })).not.toBeInTheDocument()
  })

  it('lists several, with the email and the one status wording, and opens none', async () => {
    await find('Bob', { foundBy: 'username', users: [user('bob'), user('bob_b', { enabled: false })] })
    expect(await screen.findByText('2 users whose username starts with "Bob".')).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Users found' })
    expect(within(table).getByRole('row', { name: /bob_b/ })).toHaveTextContent('Disabled')
    expect(within(table).getByRole('row', { name: /bob_b/ })).toHaveTextContent('bob_b@acme.test')
    expect(fake.calls.getUser).not.toHaveBeenCalled()
    expect(box()).toHaveValue('Bob')
  })

  it('says when only the lower-cased value matched, on the page it opened', async () => {
    await find('Alice', { foundBy: 'username', users: [user('alice')], loweredCase: true })
    await screen.findByRole('heading', { name: 'alice' })
    expect(screen.getByRole('status')).toHaveTextContent('Nothing matched as typed; found by the lower-case "alice".')
  })

  it('lists part of an email from the last scan, with its date', async () => {
    const members = [{ username: 'alice', email: 'alice@acme.test', tierValue: 'premium' }]
    await find('@acme.test', { foundBy: 'email-part', users: [], scan: { finishedAt: '2026-12-04T09:00:00.000Z', members, truncated: false } })
    expect(await screen.findByText(/^1 user whose email contains "@acme.test" from the scan of /)).toBeInTheDocument()
    await userEvent.click(within(screen.getByRole('table', { name: 'Users found in the last scan' })).getByRole('row', { name: /alice/ }))
    expect(await screen.findByRole('heading', { name: 'alice' })).toBeInTheDocument()
  })

  it('says what to do when no scan has finished, and leads to Statistics', async () => {
    await find('@acme.test', { foundBy: 'email-part', users: [], scan: null })
    expect(await screen.findByText(/no scan has finished on this pool yet/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Statistics' }))
    expect(useNavigation.getState().screen).toBe('statistics')
  })

  it('clears the page when a lookup fails: no earlier user under the message', async () => {
    await find('alice', { foundBy: 'username', users: [user('alice')] })
    await screen.findByRole('heading', { name: 'alice' })
    await find('carol@acme.test', { fail: 'Cognito could not be reached.' })
    expect(await screen.findByRole('alert')).toHaveTextContent('Cognito could not be reached.')
    expect(screen.queryByRole('heading', { name: 'alice' })).not.toBeInTheDocument()
    expect(box()).toHaveValue('carol@acme.test')
  })

  it('drops from the list a user changed so they no longer match, and says so', async () => {
    await find('bob@acme.test', { foundBy: 'email', users: [user('bob', { email: 'bob@acme.test' }), user('bob2', { email: 'bob@acme.test' })] })
    await screen.findByText('2 users whose email is "bob@acme.test".')
    useUsers.getState().applyUser(user('bob2', { email: 'robert@acme.test' }))
    expect(await screen.findByText(/1 user whose email is "bob@acme.test". bob2 left the list/)).toBeInTheDocument()
    expect(within(screen.getByRole('table', { name: 'Users found' })).queryByRole('row', { name: /bob2/ })).not.toBeInTheDocument()
  })

  it('goes back from a page to its list with Escape, the opened row focused', async () => {
    await find('bob', { foundBy: 'username', users: [user('bob'), user('bob_b')] })
    await userEvent.click(await screen.findByRole('row', { name: /bob_b/ }))
    await screen.findByRole('heading', { name: 'bob_b' })
    await userEvent.keyboard('{Escape}')
    const row = await screen.findByRole('row', { name: /bob_b/ })
    await expect.poll(() => document.activeElement).toBe(row)
  })
})
