/**
 * The Confirm screen's facts belong to their user and moment: the sandbox outbox offers a code only
 * for a user still unconfirmed (not for one confirmed without a code, nor a deleted one); a user handed
 * over from Register arrives with the outbox's code and focus on Confirm; a result goes when the
 * username changes.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, it } from 'vitest'
import { ConfirmScreen } from '../../../../src/renderer/src/features/confirm/ConfirmScreen'
import { useConfirmation } from '../../../../src/renderer/src/features/confirm/confirmationStore'
import type { OutboxMessage, UserDetail } from '../../../../src/shared/domain'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'

let fake: FakeApi

const message = (username: string, code: string): OutboxMessage => ({
  id: `id-${username}`,
  at: '2026-12-05T07:00:00.000Z',
  username,
  destination: `${username}@acme.test`,
  code,
  reason: 'SignUp',
  state: 'current'
})

const STATUSES: Record<string, string> = { ann: 'UNCONFIRMED', ben: 'CONFIRMED' }

beforeEach(() => {
  fake = installFakeApi()
  useConfirmation.setState(useConfirmation.getInitialState(), true)
  fake.succeed('getOutbox', { available: true, messages: [message('ann', '111111'), message('ben', '222222'), message('gus', '333333')] })
  fake.reply('getUser', (request) => {
    const status = STATUSES[request?.username ?? '']
    if (!status) return { ok: false, error: { code: 'USER_NOT_FOUND', message: 'No such user.' } }
    return { ok: true, data: { username: request!.username, status, enabled: true } as UserDetail }
  })
})

const row = (username: string) => within(screen.getByRole('region', { name: 'Sandbox outbox' })).getByRole('row', { name: new RegExp(username) })

it('offers "Use this code" only for a user still unconfirmed', async () => {
  render(<ConfirmScreen />)
  await screen.findByRole('region', { name: 'Sandbox outbox' })
  expect(await within(row('ann')).findByRole('button', { name: 'Use this code' })).toBeInTheDocument()
  expect(await within(row('ben')).findByText('confirmed')).toBeInTheDocument()
  expect(within(row('ben')).queryByRole('button', { name: 'Use this code' })).not.toBeInTheDocument()
  expect(await within(row('gus')).findByText('user deleted')).toBeInTheDocument()
})

it('fills the username and the sandbox code of a handed-over user, and focuses Confirm', async () => {
  render(<ConfirmScreen />)
  await useConfirmation.getState().handOver('ann')
  expect(screen.getByLabelText('Username', { selector: 'input' })).toHaveValue('ann')
  expect(screen.getByLabelText('Confirmation code', { selector: 'input' })).toHaveValue('111111')
  await expect.poll(() => document.activeElement).toBe(screen.getByRole('button', { name: 'Confirm' }))
})

it('drops the last result when another username is typed', async () => {
  fake.succeed('resendCode', { delivery: { destination: 'a***@acme.test', medium: 'EMAIL', attribute: 'email' } })
  render(<ConfirmScreen />)
  await userEvent.type(screen.getByLabelText('Username', { selector: 'input' }), 'ann')
  await userEvent.click(screen.getByRole('button', { name: 'Resend code' }))
  expect(await screen.findByText('A new code was sent to a***@acme.test.')).toBeInTheDocument()
  await userEvent.type(screen.getByLabelText('Username', { selector: 'input' }), 'x')
  expect(screen.queryByText('A new code was sent to a***@acme.test.')).not.toBeInTheDocument()
})
