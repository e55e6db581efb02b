/**
 * The top of the user's page answers the ticket: who, the facts support reads first, whether they can
 * sign in, and the fix beside it; a fix runs (asked as its risk calls for) and the verdict is read again.
 */
import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, it } from 'vitest'
import { useUsers } from '../../../../src/renderer/src/features/users/usersStore'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { CAN_SIGN_IN, person, showPage } from './support'

let fake: FakeApi
beforeEach(() => {
  fake = installFakeApi()
  useUsers.setState({ selected: null, results: [] })
})

it('shows who, the one status wording, each address with whether it is verified, MFA and the verdict', () => {
  showPage(fake, person({ status: 'FORCE_CHANGE_PASSWORD', mfa: { enabled: ['TOTP'], preferred: 'TOTP' } }))
  expect(screen.getByRole('heading', { name: 'alice' })).toBeInTheDocument()
  const facts = screen.getByText('Status').closest('dl')!
  expect(within(facts).getByText('Invited')).toBeInTheDocument()
  expect(within(facts).getByText('alice@acme.test').parentElement).toHaveTextContent('verified')
  expect(within(facts).getByText('+447700900123').parentElement).toHaveTextContent('not verified')
  expect(within(facts).getByText(/authenticator app \(preferred\)/)).toBeInTheDocument()
  expect(screen.getByTestId('sign-in-verdict')).toHaveTextContent('Can sign in')
})

it('enables a disabled account from the verdict at once, then shows the verdict read again', async () => {
  const disabled = person({
    enabled: false,
    verdict: { canSignIn: false, reason: 'disabled', headline: 'Cannot sign in: the account is disabled', fixes: ['enable'] }
  })
  showPage(fake, disabled)
  expect(screen.getByText('Disabled')).toBeInTheDocument()
  fake.succeed('enableUser', { username: 'alice', message: 'alice is enabled and can sign in again.', user: null })
  fake.succeed('getUser', person())
  await userEvent.click(within(screen.getByTestId('sign-in-verdict')).getByRole('button', { name: 'Enable' }))
  expect(await screen.findByRole('status')).toHaveTextContent('alice is enabled and can sign in again.')
  expect(screen.getByTestId('sign-in-verdict')).toHaveTextContent('Can sign in')
  expect(fake.calls.enableUser).toHaveBeenCalledWith({ username: 'alice' })
})

it('asks before resetting MFA, saying what the user meets next on this pool', async () => {
  showPage(
    fake,
    person({
      mfa: { enabled: ['SMS'], preferred: 'SMS' },
      verdict: { canSignIn: false, reason: 'mfa-required-no-method', headline: 'Cannot sign in: the pool requires MFA…', fixes: ['reset-mfa'] }
    })
  )
  await userEvent.click(screen.getByRole('button', { name: 'Reset MFA…' }))
  const dialog = screen.getByRole('dialog')
  expect(dialog).toHaveTextContent('MFA is optional on this pool')
  fake.succeed('resetMfa', { username: 'alice', message: 'alice’s MFA is reset.', user: person({ verdict: CAN_SIGN_IN }) })
  await userEvent.click(within(dialog).getByRole('button', { name: 'Reset MFA' }))
  expect(fake.calls.resetMfa).toHaveBeenCalledWith({ username: 'alice' })
  expect(await screen.findByText('alice’s MFA is reset.')).toBeInTheDocument()
  // The user main read back carried its verdict: no second read.
  expect(fake.calls.getUser).not.toHaveBeenCalled()
})

it('confirms an unconfirmed sign-up with a code typed in the dialog', async () => {
  showPage(
    fake,
    person({
      status: 'UNCONFIRMED',
      verdict: {
        canSignIn: false,
        reason: 'unconfirmed',
        headline: 'Cannot sign in: the sign-up was never confirmed',
        fixes: ['confirm-with-code', 'resend-code', 'admin-confirm']
      }
    })
  )
  fake.succeed('getOutbox', {
    available: true,
    messages: [{ id: '1', at: '2026-12-01T00:00:00Z', username: 'alice', destination: 'a***', code: '123456', reason: 'sign-up' }]
  })
  fake.succeed('confirm', { username: 'alice' })
  await userEvent.click(screen.getByRole('button', { name: 'Confirm with code…' }))
  await userEvent.click(await screen.findByRole('button', { name: 'Use this code' }))
  await userEvent.click(screen.getByRole('button', { name: 'Confirm' }))
  expect(fake.calls.confirm).toHaveBeenCalledWith({ username: 'alice', code: '123456' })
  expect(await screen.findByText(/confirmed with their code/)).toBeInTheDocument()
})

it('sends the operator to the Security tab with a temporary password chosen', async () => {
  showPage(
    fake,
    person({
      status: 'FORCE_CHANGE_PASSWORD',
      verdict: {
        canSignIn: false,
        reason: 'temporary-password-expired',
        headline: 'Cannot sign in: the temporary password expired on 3 Dec 2026',
        fixes: ['set-temporary-password', 'resend-invite']
      }
    })
  )
  fake.succeed('listDevices', { devices: [] })
  await userEvent.click(screen.getByRole('button', { name: 'Set a temporary password' }))
  expect(screen.getByRole('tab', { name: 'Security' })).toHaveAttribute('aria-selected', 'true')
  expect(screen.getByLabelText('Temporary (must change at next sign-in)')).toBeChecked()
})

it('keeps delete and sign out everywhere in the More menu', async () => {
  showPage(fake, person())
  expect(screen.queryByRole('button', { name: 'Delete user…' })).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: /More/ }))
  expect(screen.getByRole('menuitem', { name: 'Delete user…' })).toBeInTheDocument()
  expect(screen.getByRole('menuitem', { name: 'Sign out everywhere…' })).toBeInTheDocument()
})

it('drops the last user’s notice when another user opens', async () => {
  showPage(fake, person({ enabled: false, verdict: { canSignIn: false, reason: 'disabled', headline: 'Cannot sign in: disabled', fixes: ['enable'] } }))
  fake.succeed('enableUser', { username: 'alice', message: 'alice is enabled.', user: person() })
  await userEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Enable' }))
  expect(await screen.findByText('alice is enabled.')).toBeInTheDocument()
  act(() => useUsers.setState({ selected: person({ username: 'bob' }) }))
  expect(screen.getByRole('heading', { name: 'bob' })).toBeInTheDocument()
  expect(screen.queryByText('alice is enabled.')).toBeNull()
})
