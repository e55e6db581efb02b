/**
 * The import on the Register screen: the preview's counts name every kind of bad row and the table
 * marks them; the method says what people receive and warns when SignUp would skip rows; the Start
 * button says what it will do; a run shows its progress, then its results and the CSV; an import left
 * interrupted is offered at start-up; and a file-level mistake is shown.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { useImport } from '../../../../src/renderer/src/features/import/importStore'
import { RegisterScreen } from '../../../../src/renderer/src/features/register/RegisterScreen'
import { useRegistration } from '../../../../src/renderer/src/features/register/registrationStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo, POOL_ID } from '../../support/fixtures'
import { detail, importProgress, preview, summary } from './importFixtures'

import { FILE_ID } from '../statistics/statsFixtures'

const SIGN_UP = 'Send each person a sign-up code'
const INVITE = 'Invite with a temporary password'
let fake: FakeApi

beforeAll(() => {
  // jsdom lays nothing out; the windowed rows only need to be told a size once.
  globalThis.ResizeObserver ??= class {
    observe() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver
})

beforeEach(() => {
  fake = installFakeApi()
  useImport.setState(useImport.getInitialState(), true)
  useRegistration.setState(useRegistration.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  connectTo()
  fake.succeed('importJobs', [])
})

async function openPreview(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  render(<RegisterScreen />)
  await user.click(screen.getByRole('radio', { name: 'From a CSV file' }))
  await user.click(screen.getByRole('button', { name: 'Choose CSV file…' }))
  await screen.findByRole('heading', { name: 'people.csv' })
}

const startButton = () => screen.getByRole('button', { name: /^(Create|Choose how|Resume)/ })

describe('the CSV import on the Register screen', () => {
  it('keeps the one-user form by default and shows the import beside it on request', async () => {
    const user = userEvent.setup()
    render(<RegisterScreen />)
    expect(screen.getByRole('heading', { name: 'Register a user' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Register user' })).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: 'From a CSV file' }))
    expect(screen.getByRole('heading', { name: 'Register users from a CSV file' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Register user' })).not.toBeInTheDocument()
  })

  it('counts every kind of bad row, marks them in the table and filters to them', async () => {
    const user = userEvent.setup()
    fake.succeed('importPreview', preview({ earlier: { jobId: 'import-0', createdAt: '2026-11-20T09:00:00.000Z', created: 1 } }))
    await openPreview(user)
    const counts = screen.getByRole('status', { name: 'What the file holds' })
    expect(counts).toHaveTextContent(
      '9 rows · 2 to create · 7 left out (bad username: 1, bad email: 1, bad password: 1, duplicate: 1, unknown tier: 1, bad attribute: 1, already in the pool: 1) · 1 without password'
    )
    expect(screen.getByRole('note')).toHaveTextContent(/This file was imported on .*: 1 user created then; they are marked as already in the pool/)
    const table = screen.getByRole('table', { name: 'Preview by row' })
    expect(table).toHaveAttribute('aria-rowcount', '10')
    const tierRow = within(table).getByRole('row', { name: /user_7/ })
    expect(tierRow).toHaveTextContent('Not a tier: gold')
    expect(tierRow).toHaveClass('import-bad')

    await user.click(screen.getByRole('checkbox', { name: 'Bad rows only' }))
    expect(within(table).getAllByRole('row')).toHaveLength(8)
    expect(within(table).queryByRole('row', { name: /user_2@/ })).not.toBeInTheDocument()
    // A user already in the pool is left out, but it is not a mistake in the file.
    expect(within(table).getByRole('row', { name: /user_9/ })).not.toHaveClass('import-bad')
  })

  it("names each method for what it sends, Cognito's call only in its detail, warns when a sign-up code skips rows, and names the count on Start", async () => {
    const user = userEvent.setup()
    fake.succeed('importPreview', preview())
    await openPreview(user)
    expect(startButton()).toHaveTextContent('Choose how to create the users')
    expect(startButton()).toBeDisabled()
    expect(screen.getByRole('radio', { name: SIGN_UP })).toHaveAccessibleDescription(/a code by email to confirm.*Cognito: SignUp$/)
    expect(screen.getByRole('radio', { name: INVITE })).toHaveAccessibleDescription(/invitation with a temporary password.*Cognito: AdminCreateUser$/)

    await user.click(screen.getByRole('radio', { name: SIGN_UP }))
    expect(screen.getByRole('alert')).toHaveTextContent(
      '1 row has no password: a sign-up code needs one from the file, so it will be skipped. Choose “Invite with a temporary password” to create it too.'
    )
    expect(startButton()).toHaveTextContent('Create 1 user')

    await user.click(screen.getByRole('radio', { name: INVITE }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(startButton()).toHaveTextContent('Create 2 users')
  })

  it('asks before a run that emails people, and runs one that does not at once', async () => {
    const user = userEvent.setup()
    fake.succeed('importPreview', preview())
    fake.succeed('importStart', importProgress({ state: 'queued' }))
    fake.succeed('importJob', detail('running'))
    await openPreview(user)
    await user.click(screen.getByRole('radio', { name: INVITE }))
    await user.click(startButton())
    const dialog = screen.getByRole('dialog', { name: 'Create 2 users?' })
    expect(dialog).toHaveTextContent('an invitation with a temporary password')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(fake.calls.importStart).not.toHaveBeenCalled()

    await user.click(screen.getByRole('radio', { name: 'Suppress it' }))
    await user.click(startButton())
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(fake.calls.importStart).toHaveBeenCalledWith({ jobId: 'import-1', method: 'admin-create', invitation: 'suppress' })
  })

  it('shows a run as it goes, then its results and the saved CSV', async () => {
    const user = userEvent.setup()
    fake.succeed('importPreview', preview())
    fake.succeed('importStart', importProgress({ state: 'running' }))
    fake.succeed('importJob', detail('running'))
    await openPreview(user)
    useImport.getState().subscribe()
    await user.click(screen.getByRole('radio', { name: INVITE }))
    await user.click(screen.getByRole('radio', { name: 'Suppress it' }))
    await user.click(startButton())
    await screen.findByRole('heading', { name: 'Creating users…' })
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Choose another file…' })).not.toBeInTheDocument()

    const results = [
      { row: 1, username: 'user_1', email: 'user_1@example.com', tier: 'standard', outcome: 'created' as const },
      { row: 2, username: 'user_2', email: 'user_2@example.com', tier: 'standard', outcome: 'failed' as const, reason: 'Cognito refused the email' }
    ]
    const done = importProgress({ state: 'done', done: 9, created: 1, skipped: 7, failed: 1, elapsedMs: 3000 })
    fake.succeed('importJob', detail('done', { results, progress: done }))
    fake.emit('jobUpdate', { kind: 'import', jobId: 'import-1', userPoolId: POOL_ID, progress: done })
    await screen.findByRole('heading', { name: 'Finished' })
    expect(screen.getByRole('status', { name: 'Import counts' })).toHaveTextContent('9/9 rows · 1 created · 0 existed · 7 skipped · 1 failed · 3 s elapsed')
    const table = screen.getByRole('table', { name: 'Results by row' })
    await waitFor(() => expect(within(table).getByRole('row', { name: /user_2@/ })).toHaveTextContent('Cognito refused the email'))
    expect(screen.queryByRole('button', { name: 'Resume' })).not.toBeInTheDocument()

    fake.succeed('importResultsCsv', { path: '/tmp/people-results.csv', rows: 9, fileId: FILE_ID })
    fake.succeed('showSavedFile', { folder: '/tmp' })
    await user.click(screen.getByRole('button', { name: 'Save results CSV…' }))
    expect(await screen.findByText('Saved 9 rows to /tmp/people-results.csv')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show in folder' }))
    expect(fake.calls.showSavedFile).toHaveBeenCalledWith({ fileId: FILE_ID })
  })

  it('offers an interrupted import of this pool at start-up and reopens it to resume', async () => {
    const user = userEvent.setup()
    fake.succeed('importJobs', [summary('interrupted', 'import-0')])
    fake.succeed('importJob', detail('interrupted', { jobId: 'import-0' }))
    render(<RegisterScreen />)
    const notice = await screen.findByRole('status', { name: '' })
    expect(notice).toHaveTextContent(/An import of people.csv of .* is interrupted: 0 of 9 rows done/)
    await user.click(within(notice).getByRole('button', { name: 'Open to resume' }))
    const heading = await screen.findByRole('heading', { name: 'Interrupted when the app closed (can be resumed)' })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(startButton()).toHaveTextContent('Resume')
    fake.succeed('importStart', importProgress({ state: 'queued' }))
    await user.click(startButton())
    expect(fake.calls.importStart).toHaveBeenCalledWith({ jobId: 'import-0', method: 'admin-create', invitation: 'suppress' })
  })

  it("shows the file's mistake and keeps the Choose button", async () => {
    const user = userEvent.setup()
    fake.fail('importPreview', { code: 'VALIDATION', message: 'The first line names no email column' })
    render(<RegisterScreen />)
    await user.click(screen.getByRole('radio', { name: 'From a CSV file' }))
    await user.click(screen.getByRole('button', { name: 'Choose CSV file…' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The first line names no email column')
    expect(screen.getByRole('button', { name: 'Choose CSV file…' })).toBeEnabled()
  })
})
