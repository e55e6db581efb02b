/**
 * The pool doctor in the connection bar: it runs on connect and shows its verdict on the button; the
 * panel lists each check with pass or fail and what to do; "Run again" asks again; and the tier
 * attribute is added only after a confirmation that says it can never be removed.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { PoolDoctorButton } from '../../../../src/renderer/src/features/connection/PoolDoctorPanel'
import { usePoolDoctor } from '../../../../src/renderer/src/features/connection/poolDoctorStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import type { DoctorCheck, DoctorReport } from '../../../../src/shared/doctor'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'

let fake: FakeApi

const pass = (id: string, title: string): DoctorCheck => ({ id, title, status: 'pass', detail: 'Fine.' })
const report = (checks: DoctorCheck[]): DoctorReport => ({
  userPoolId: 'eu-west-1_Doctor1',
  ranAt: '2026-11-26T02:00:00.000Z',
  verdict: checks.some((c) => c.status === 'fail') ? 'fail' : 'pass',
  checks
})
const missingTier: DoctorCheck = {
  id: 'tier-attribute',
  title: 'custom:user_tier is a mutable String',
  status: 'fail',
  detail: 'The pool has no custom:user_tier.',
  fix: 'Add it here.',
  fixable: 'add-tier-attribute'
}
const healthy = report([pass('pool', 'Pool exists'), pass('tier-attribute', 'custom:user_tier is a mutable String')])
const sick = report([
  pass('pool', 'Pool exists'),
  missingTier,
  {
    id: 'iam:AdminDeleteUser',
    title: 'May call cognito-idp:AdminDeleteUser',
    status: 'fail',
    detail: 'Denied.',
    fix: 'Add the IAM action cognito-idp:AdminDeleteUser.'
  },
  { id: 'credentials', title: 'AWS credentials resolve', status: 'skipped', detail: 'Skipped (sandbox).' }
])

beforeEach(() => {
  fake = installFakeApi()
  usePoolDoctor.setState(usePoolDoctor.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
})

describe('the pool doctor panel', () => {
  it('runs on connect and shows a compact verdict; a pass is a tick', async () => {
    fake.succeed('runDoctor', healthy)
    render(<PoolDoctorButton poolKey="p/c" />)
    expect(await screen.findByRole('button', { name: 'Pool doctor ✓' })).toBeInTheDocument()
    expect(fake.calls.runDoctor).toHaveBeenCalledTimes(1)
  })

  it('runs again after a failing run once the pool answers again, not while it is down', async () => {
    fake.succeed('runDoctor', sick)
    render(<PoolDoctorButton poolKey="p/c" />)
    expect(await screen.findByRole('button', { name: 'Pool doctor: 2 failing' })).toBeInTheDocument()
    fake.succeed('runDoctor', healthy)
    act(() => useConnection.setState({ health: { answering: false, error: { code: 'SANDBOX_UNAVAILABLE', message: 'Down.' }, canRestartSandbox: true } }))
    expect(fake.calls.runDoctor).toHaveBeenCalledTimes(1)
    act(() => useConnection.setState({ health: { answering: true } }))
    expect(await screen.findByRole('button', { name: 'Pool doctor ✓' })).toBeInTheDocument()
    expect(fake.calls.runDoctor).toHaveBeenCalledTimes(2)
  })

  it('lists each check with its status and what to do, and runs again on demand', async () => {
    const user = userEvent.setup()
    fake.succeed('runDoctor', sick)
    render(<PoolDoctorButton poolKey="p/c" />)
    await user.click(await screen.findByRole('button', { name: 'Pool doctor: 2 failing' }))
    const dialog = screen.getByRole('dialog', { name: 'Pool doctor' })
    const lines = within(dialog).getAllByRole('listitem')
    expect(lines.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^✓ PassPool exists/),
      expect.stringMatching(/^✗ Failcustom:user_tier is a mutable String.*What to do: Add it here\./),
      expect.stringMatching(/^✗ FailMay call cognito-idp:AdminDeleteUser.*What to do: Add the IAM action cognito-idp:AdminDeleteUser\./),
      expect.stringMatching(/^– SkippedAWS credentials resolve/)
    ])
    fake.succeed('runDoctor', healthy)
    await user.click(within(dialog).getByRole('button', { name: 'Run again' }))
    await waitFor(() => expect(within(dialog).getAllByRole('listitem')).toHaveLength(2))
    expect(within(dialog).queryByRole('button', { name: 'Add custom:user_tier…' })).not.toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('adds the tier attribute only after the confirmation that it is permanent', async () => {
    const user = userEvent.setup()
    fake.succeed('runDoctor', sick)
    fake.succeed('applyDoctorFix', healthy)
    fake.succeed('describePool', { poolName: 'Doctor pool' } as never)
    render(<PoolDoctorButton poolKey="p/c" />)
    await user.click(await screen.findByRole('button', { name: /Pool doctor: 2 failing/ }))
    await user.click(screen.getByRole('button', { name: 'Add custom:user_tier…' }))
    const confirm = screen.getByRole('dialog', { name: 'Add custom:user_tier to this pool?' })
    expect(confirm).toHaveTextContent(/never removes a custom attribute/)
    // Cancel first: nothing is sent.
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(fake.calls.applyDoctorFix).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Add custom:user_tier…' }))
    await user.click(screen.getByRole('button', { name: 'Add custom:user_tier' }))
    expect(fake.calls.applyDoctorFix).toHaveBeenCalledWith({ fix: 'add-tier-attribute', acknowledgePermanent: true })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pool doctor ✓' })).toBeInTheDocument())
    expect(fake.calls.describePool).toHaveBeenCalledWith({ refresh: true })
  })

  it('makes the tier read-only for a client only after a confirmation that shows its write list before and after', async () => {
    const user = userEvent.setup()
    const web: DoctorCheck = {
      id: 'tier-integrity:web1',
      title: 'No one can set their own tier through app client "public web"',
      status: 'fail',
      detail: 'Anyone signed in through "public web" can make themselves premium.',
      fix: 'Make the tier read-only for "public web".',
      fixable: 'make-tier-read-only',
      clientFix: { clientId: 'web1', clientName: 'public web', before: ['email', 'name', 'custom:user_tier'], after: ['email', 'name'] }
    }
    fake.succeed('runDoctor', report([pass('pool', 'Pool exists'), web]))
    fake.succeed('applyDoctorFix', healthy)
    render(<PoolDoctorButton poolKey="p/c" />)
    await user.click(await screen.findByRole('button', { name: 'Pool doctor: 1 failing' }))
    await user.click(screen.getByRole('button', { name: 'Make the tier read-only for "public web"…' }))
    const confirm = screen.getByRole('dialog', { name: 'Make the tier read-only for "public web"?' })
    expect(within(confirm).getByTestId('write-before')).toHaveTextContent('email, name, custom:user_tier')
    expect(within(confirm).getByTestId('write-after')).toHaveTextContent(/^email, name$/)
    expect(confirm).toHaveTextContent('public web (web1)')
    await user.click(within(confirm).getByRole('button', { name: 'Make read-only' }))
    expect(fake.calls.applyDoctorFix).toHaveBeenCalledWith({
      fix: 'make-tier-read-only',
      clientId: 'web1',
      expectedWriteAttributes: ['email', 'name', 'custom:user_tier']
    })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pool doctor ✓' })).toBeInTheDocument())
  })

  it('says why when the doctor cannot run, and the app goes on', async () => {
    const user = userEvent.setup()
    fake.fail('runDoctor', { code: 'NOT_CONFIGURED', message: 'No pool is open.' })
    render(<PoolDoctorButton poolKey="p/c" />)
    await user.click(await screen.findByRole('button', { name: 'Pool doctor: could not run' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('No pool is open.'))
  })
})
