/**
 * The tabs of the user's page: every bad input is said beside its field and nothing is sent; a good
 * one is confirmed with what changes, and its result shows beside it. No password reaches the page's text.
 */
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, it } from 'vitest'
import { useUsers } from '../../../../src/renderer/src/features/users/usersStore'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { person, showPage } from './support'

let fake: FakeApi
beforeEach(() => {
  fake = installFakeApi()
  useUsers.setState({ selected: null, results: [] })
})

async function openTab(name: string) {
  await userEvent.click(screen.getByRole('tab', { name }))
}

it('refuses a phone number without + beside the field and sends nothing', async () => {
  showPage(fake, person())
  await openTab('Attributes')
  await userEvent.click(screen.getByRole('button', { name: 'Edit phone_number' }))
  const field = screen.getByLabelText('New value of phone_number')
  await userEvent.clear(field)
  await userEvent.type(field, '07700900123{Enter}')
  expect(field).toHaveAccessibleDescription(/\+, country code/)
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(fake.calls.setAttributes).not.toHaveBeenCalled()
})

it('says an immutable attribute cannot be changed, and offers no edit', async () => {
  showPage(fake, person())
  await openTab('Attributes')
  expect(screen.getByText('custom:company is set when the user is created and cannot be changed on this pool.')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Edit custom:company' })).toBeNull()
})

it('changes an email with before → after, what the pool does, and mark as verified', async () => {
  showPage(fake, person())
  await openTab('Attributes')
  await userEvent.click(screen.getByRole('button', { name: 'Edit email' }))
  const field = screen.getByLabelText('New value of email')
  await userEvent.clear(field)
  await userEvent.type(field, 'alice@new.test{Enter}')
  const dialog = screen.getByRole('dialog')
  expect(within(dialog).getByTestId('attribute-change')).toHaveTextContent('alice@acme.test → alice@new.test')
  expect(dialog).toHaveTextContent('Cognito sends a code to the new address. Until they enter it, the old address stays in use')
  await userEvent.click(within(dialog).getByLabelText(/Mark as verified/))
  expect(dialog).toHaveTextContent('Marked verified: Cognito sends no code')
  fake.succeed('setAttributes', { username: 'alice', message: 'alice’s email is now alice@new.test, marked verified.', user: null })
  await userEvent.click(within(dialog).getByRole('button', { name: 'Change' }))
  expect(fake.calls.setAttributes).toHaveBeenCalledWith({ username: 'alice', attributes: { email: 'alice@new.test' }, markVerified: true })
  expect(await screen.findByText('alice’s email is now alice@new.test, marked verified.')).toBeInTheDocument()
})

it('shows an email another user holds beside the field, in words', async () => {
  showPage(fake, person())
  await openTab('Attributes')
  await userEvent.click(screen.getByRole('button', { name: 'Edit email' }))
  const field = screen.getByLabelText('New value of email')
  await userEvent.clear(field)
  await userEvent.type(field, 'bob@acme.test{Enter}')
  const words = 'Another user already has bob@acme.test as their email; choose another or change theirs first.'
  fake.fail('setAttributes', { code: 'INVALID_PARAMETER', message: words, fields: { 'attributes.email': words } })
  await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Change' }))
  expect(await screen.findByText(words)).toBeInTheDocument()
  expect(screen.getByLabelText('New value of email')).toHaveAccessibleDescription(words)
})

it('checks a password against the pool’s policy and that both copies match, sending nothing until both hold', async () => {
  showPage(fake, person())
  fake.succeed('listDevices', { devices: [] })
  await openTab('Security')
  await userEvent.type(screen.getByLabelText('New password'), 'short')
  await userEvent.click(screen.getByRole('button', { name: 'Set temporary password' }))
  expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/Below this pool’s rules: needs at least 8 characters/)
  await userEvent.clear(screen.getByLabelText('New password'))
  await userEvent.type(screen.getByLabelText('New password'), 'Tr0ubadour-long')
  await userEvent.type(screen.getByLabelText('Type it again'), 'Tr0ubadour-lonG')
  await userEvent.click(screen.getByRole('button', { name: 'Set temporary password' }))
  expect(screen.getByLabelText('Type it again')).toHaveAccessibleDescription('The two passwords are not the same')
  expect(fake.calls.setPassword).not.toHaveBeenCalled()

  await userEvent.clear(screen.getByLabelText('Type it again'))
  await userEvent.type(screen.getByLabelText('Type it again'), 'Tr0ubadour-long')
  await userEvent.click(screen.getByRole('button', { name: 'Set temporary password' }))
  fake.succeed('setPassword', { username: 'alice', message: 'A temporary password is set for alice.', user: null })
  await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Set password' }))
  expect(fake.calls.setPassword).toHaveBeenCalledWith({ username: 'alice', permanent: false, password: 'Tr0ubadour-long' })
  expect(await screen.findByText('A temporary password is set for alice.')).toBeInTheDocument()
  expect(screen.getByLabelText('New password')).toHaveValue('')
  expect(document.body.innerHTML).not.toContain('Tr0ubadour-long')
})

it('generates a temporary password in main without sending one from the page', async () => {
  showPage(fake, person())
  fake.succeed('listDevices', { devices: [] })
  await openTab('Security')
  await userEvent.click(screen.getByRole('button', { name: 'Generate a temporary password…' }))
  fake.succeed('setPassword', { username: 'alice', message: 'A temporary password is on your clipboard.', user: null })
  await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Generate and copy' }))
  expect(fake.calls.setPassword).toHaveBeenCalledWith({ username: 'alice', permanent: false })
})

it('says calmly why a pool records no sign-in events', async () => {
  showPage(fake, person())
  const why = 'This pool does not record sign-in events: threat protection is off. Turn it on (Audit or Enforce) in the Cognito console to record them.'
  fake.succeed('listSignInEvents', { recorded: false, why })
  await openTab('Sign-in events')
  expect(await screen.findByRole('note')).toHaveTextContent(why)
  expect(screen.queryByRole('alert')).toBeNull()
})

it('unlinks a provider after saying what the person loses', async () => {
  const federated = person({
    status: 'EXTERNAL_PROVIDER',
    identities: [{ providerName: 'Google', providerType: 'Google', userId: '1098', primary: true, dateCreated: null }]
  })
  showPage(fake, federated)
  await openTab('Linked identities')
  await userEvent.click(screen.getByRole('button', { name: 'Unlink Google' }))
  expect(screen.getByRole('dialog')).toHaveTextContent('Google is the only way alice signs in')
  fake.succeed('unlinkIdentity', { username: 'alice', message: 'Google is unlinked from alice.', user: null })
  await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Unlink' }))
  expect(fake.calls.unlinkIdentity).toHaveBeenCalledWith({ username: 'alice', providerName: 'Google', providerUserId: '1098' })
  expect(await screen.findByText('Google is unlinked from alice.')).toBeInTheDocument()
})
