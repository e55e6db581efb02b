/**
 * The one place the window asks before a write on a production profile: the api wrapper. The dialog
 * names the pool; only a "yes" arms main's permission (confirmProductionWrite) and sends the write; a
 * "no" sends nothing. Reads, and writes on other profiles, are not asked about.
 */
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { api } from '../../../../src/renderer/src/api/api'
import { ConnectionBar } from '../../../../src/renderer/src/features/connection/ConnectionBar'
import { useProductionConfirm } from '../../../../src/renderer/src/features/connection/productionConfirmStore'
import { useProfiles } from '../../../../src/renderer/src/features/connection/profilesStore'
import type { ProfileSummary, ProfilesView } from '../../../../src/shared/profiles'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo, POOL_ID, poolInfo } from '../../support/fixtures'

const profile = (production: boolean): ProfileSummary => ({
  id: 'prod',
  name: 'Prod EU',
  builtIn: false,
  region: 'us-east-1',
  userPoolId: POOL_ID,
  clientId: 'client',
  emulator: false,
  production,
  credentialSource: { kind: 'default' },
  hasClientSecret: true
})
const viewOf = (production: boolean): ProfilesView => ({ profiles: [profile(production)], activeId: 'prod' })
const tierChange = { username: 'jane', tier: 'premium', previous: 'standard' }

let fake: FakeApi
beforeEach(() => {
  fake = installFakeApi()
  useProfiles.setState({ view: viewOf(true), busy: false, error: null })
  useProductionConfirm.setState({ pending: null })
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
})
