/**
 * The handoff from Register to Confirm in the whole app: a user registered but not yet confirmed
 * offers "Confirm this user", which opens the Confirm screen with that username filled in (and, in
 * the sandbox, the code its outbox holds for them, with focus on Confirm).
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../../src/renderer/src/App'
import { useConfirmation } from '../../../../src/renderer/src/features/confirm/confirmationStore'
import { useRegistration } from '../../../../src/renderer/src/features/register/registrationStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import { useNavigation } from '../../../../src/renderer/src/stores/navigationStore'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { POOL_ID, poolInfo, registered } from '../../support/fixtures'

let fake: FakeApi

beforeEach(() => {
  fake = installFakeApi()
  useNavigation.setState(useNavigation.getInitialState(), true)
  useRegistration.setState(useRegistration.getInitialState(), true)
  useConfirmation.setState(useConfirmation.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  const info = { mode: 'sandbox', label: 'Sandbox', region: 'us-east-1', userPoolId: POOL_ID, clientId: 'client', hasClientSecret: false } as const
  fake.succeed('getConnection', { state: 'connected', info })
  fake.succeed('describePool', poolInfo())
  fake.succeed('getOutbox', { available: true, messages: [] })
})

async function register(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  render(<App />)
  await screen.findByRole('list', { name: 'Password rules' })
  await user.type(screen.getByLabelText('Username', { selector: 'input' }), 'jane_doe')
  await user.type(screen.getByLabelText('Email', { selector: 'input' }), 'jane@example.com')
  await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'Secret123')
  await user.click(screen.getByRole('button', { name: 'Register user' }))
}

describe('from Register to Confirm', () => {
  it('opens the Confirm screen with the registered username filled in', async () => {
    const user = userEvent.setup()
    fake.succeed('register', registered({ username: 'jane_doe', confirmed: false }))
    await register(user)
    await user.click(await screen.findByRole('button', { name: 'Confirm this user' }))

    expect(screen.getByRole('heading', { level: 1, name: 'Confirm a user' })).toBeInTheDocument()
    expect(screen.getByLabelText('Username', { selector: 'input' })).toHaveValue('jane_doe')
    expect(screen.getByLabelText('Confirmation code', { selector: 'input' })).toHaveValue('')
    // The card is done with: back on Register, the form is empty and ready for the next user.
    expect(useRegistration.getState().result).toBeNull()
  })

  it("fills the sandbox outbox's code for them and puts focus on Confirm", async () => {
    const user = userEvent.setup()
    fake.succeed('register', registered({ username: 'jane_doe', confirmed: false }))
    const sent = {
      id: 'm1',
      at: '2026-12-05T07:00:00.000Z',
      username: 'jane_doe',
      destination: 'jane@example.com',
      code: '424242',
      reason: 'SignUp',
      state: 'current' as const
    }
    fake.succeed('getOutbox', { available: true, messages: [sent] })
    fake.reply('getUser', () => ({ ok: true, data: { ...registered(), status: 'UNCONFIRMED' } as never }))
    await register(user)
    await user.click(await screen.findByRole('button', { name: 'Confirm this user' }))
    await expect.poll(() => (screen.getByLabelText('Confirmation code', { selector: 'input' }) as HTMLInputElement).value).toBe('424242')
    await expect.poll(() => document.activeElement).toBe(within(screen.getByRole('main')).getByRole('button', { name: 'Confirm' }))
  })

  it('offers no handoff for a user who is confirmed already', async () => {
    const user = userEvent.setup()
    fake.succeed('register', registered({ confirmed: true, delivery: null }))
    await register(user)
    expect(await screen.findByRole('heading', { name: 'Registered jane_doe' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Confirm this user' })).not.toBeInTheDocument()
  })
})
