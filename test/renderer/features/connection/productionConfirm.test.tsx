/**
 * The one place the window asks before a write on a production profile: the api wrapper. The dialog
 * names the pool; only a "yes" arms main's permission (confirmProductionWrite) and sends the write; a
 * "no" sends nothing. Reads, and writes on other profiles, are not asked about.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { api } from '../../../../src/renderer/src/api/api'
import { ConnectionBar } from '../../../../src/renderer/src/features/connection/ConnectionBar'
import { useProductionConfirm } from '../../../../src/renderer/src/features/connection/productionConfirmStore'
import { useProfiles } from '../../../../src/renderer/src/features/connection/profilesStore'
import { useWriteReason } from '../../../../src/renderer/src/features/connection/writeReasonStore'
import type { ProfileSummary, ProfilesView } from '../../../../src/shared/profiles'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo, POOL_ID, poolInfo } from '../../support/fixtures'

const profile = (production: boolean, requireReason = false): ProfileSummary => ({
  id: 'prod',
  name: 'Prod EU',
  builtIn: false,
  region: 'us-east-1',
  userPoolId: POOL_ID,
  clientId: 'client',
  emulator: false,
  production,
  requireReason,
  credentialSource: { kind: 'default' },
  hasClientSecret: true
})
const viewOf = (production: boolean, requireReason = false): ProfilesView => ({ profiles: [profile(production, requireReason)], activeId: 'prod' })
const tierChange = { username: 'jane', tier: 'premium', previous: 'standard' }

let fake: FakeApi
beforeEach(() => {
  fake = installFakeApi()
  useProfiles.setState({ view: viewOf(true), busy: false, error: null })
  useProductionConfirm.setState({ pending: null })
  useWriteReason.setState({ reason: '' })
  connectTo(poolInfo({ poolName: 'customers-prod' }))
  fake.succeed('listProfiles', viewOf(true))
  fake.succeed('confirmProductionWrite', { armed: true })
  fake.succeed('setTier', tierChange as never)
  fake.succeed('getUser', { username: 'jane' } as never)
})

function renderBar() {
  const state = {
    status: {
      state: 'connected' as const,
      info: { mode: 'aws' as const, label: 'x', region: 'us-east-1', userPoolId: POOL_ID, clientId: 'c', hasClientSecret: true }
    }
  }
  return render(
    <ConnectionBar
      {...state}
      pool={poolInfo({ poolName: 'customers-prod' })}
      poolError={null}
      checkingPool={false}
      health={null}
      busy={null}
      actionError={null}
      onCheckPool={() => undefined}
      onCheckHealth={() => undefined}
      onRestartSandbox={() => undefined}
      onRestoreSandbox={() => undefined}
    />
  )
}

describe('confirm before a write on a production profile', () => {
  it('shows the red bar naming the pool, asks naming it, and sends the write only after yes', async () => {
    renderBar()
    expect(screen.getByRole('banner')).toHaveClass('bg-danger')
    expect(screen.getByRole('banner')).toHaveTextContent('PRODUCTION — customers-prod')
    let reply: Awaited<ReturnType<typeof api.setTier>> | undefined
    const pending = api.setTier({ username: 'jane', tier: 'premium' }).then((r) => (reply = r))
    const dialog = await screen.findByRole('dialog', { name: 'Write to the production pool?' })
    expect(dialog).toHaveTextContent(`customers-prod (${POOL_ID})`)
    expect(dialog).toHaveTextContent('Prod EU')
    expect(fake.calls.setTier).not.toHaveBeenCalled()
    await userEvent.click(screen.getByRole('button', { name: /Yes, change a user's tier in production/ }))
    await act(() => pending)
    expect(fake.calls.confirmProductionWrite).toHaveBeenCalledWith({ userPoolId: POOL_ID, operation: 'setTier' })
    expect(fake.calls.confirmProductionWrite.mock.invocationCallOrder[0]).toBeLessThan(fake.calls.setTier.mock.invocationCallOrder[0])
    expect(reply).toMatchObject({ ok: true })
  })

  it('sends nothing when the operator cancels', async () => {
    renderBar()
    const pending = api.setTier({ username: 'jane', tier: 'premium' })
    await screen.findByRole('dialog')
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(fake.calls.confirmProductionWrite).not.toHaveBeenCalled()
    expect(fake.calls.setTier).not.toHaveBeenCalled()
  })

  it('asks nothing for a read, nor on a profile that is not production', async () => {
    renderBar()
    await api.getUser({ username: 'jane' })
    useProfiles.setState({ view: viewOf(false) })
    expect(await api.setTier({ username: 'jane', tier: 'premium' })).toMatchObject({ ok: true })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.calls.confirmProductionWrite).not.toHaveBeenCalled()
  })

  it('asks when main refuses because the page did not know the profile became production', async () => {
    renderBar()
    useProfiles.setState({ view: viewOf(false) })
    let armed = false
    fake.reply('confirmProductionWrite', () => ((armed = true), { ok: true, data: { armed: true } }))
    fake.reply('setTier', () =>
      armed ? { ok: true, data: tierChange as never } : { ok: false, error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED', message: 'confirm first' } }
    )
    const pending = api.setTier({ username: 'jane', tier: 'premium' })
    await screen.findByRole('dialog')
    await userEvent.click(screen.getByRole('button', { name: /Yes/ }))
    expect(await pending).toMatchObject({ ok: true })
    await waitFor(() => expect(fake.calls.setTier).toHaveBeenCalledTimes(2))
  })

  it('takes the ticket or reason in the question, waits for one where the profile requires it, and sends it with the write', async () => {
    useProfiles.setState({ view: viewOf(true, true) })
    fake.succeed('listProfiles', viewOf(true, true))
    renderBar()
    const pending = api.setTier({ username: 'jane', tier: 'premium' })
    const dialog = await screen.findByRole('dialog')
    const yes = screen.getByRole('button', { name: /Yes, change a user's tier/ })
    expect(yes).toBeDisabled()
    const inDialog = within(dialog).getByRole('textbox', { name: /Ticket or reason \(required\)/ })
    await userEvent.type(inDialog, 'TICKET-812')
    await userEvent.click(yes)
    await act(() => pending)
    expect(fake.calls.setTier).toHaveBeenCalledWith({ username: 'jane', tier: 'premium', reason: 'TICKET-812' })
    // One value: the header's field holds it for the next write, until cleared.
    expect(within(screen.getByRole('banner')).getByRole('textbox', { name: /Ticket or reason/ })).toHaveValue('TICKET-812')
  })
})

describe('the ticket or reason of every write', () => {
  it('goes with every write and no read, is kept until cleared, and takes focus when main asks for one', async () => {
    useProfiles.setState({ view: viewOf(false) })
    fake.succeed('listProfiles', viewOf(false))
    renderBar()
    const field = screen.getByRole('textbox', { name: /Ticket or reason/ })
    expect(screen.getByText(/Kept for every write until you clear it/)).toBeInTheDocument()
    await userEvent.type(field, '  TICKET-9 refund  ')
    await api.getUser({ username: 'jane' })
    expect(fake.calls.getUser).toHaveBeenCalledWith({ username: 'jane' })
    await api.setTier({ username: 'jane', tier: 'premium' })
    await api.setTier({ username: 'jane', tier: 'standard' })
    expect(fake.calls.setTier.mock.calls.map(([request]) => (request as { reason?: string }).reason)).toEqual(['TICKET-9 refund', 'TICKET-9 refund'])
    await userEvent.click(screen.getByRole('button', { name: 'Clear the ticket or reason' }))
    expect(field).toHaveValue('')
    fake.fail('setTier', { code: 'REASON_REQUIRED', message: 'Type the ticket or reason' })
    field.blur()
    await act(() => api.setTier({ username: 'jane', tier: 'premium' }))
    expect(fake.calls.setTier.mock.calls.at(-1)![0]).toEqual({ username: 'jane', tier: 'premium' })
    expect(field).toHaveFocus()
  })
})
