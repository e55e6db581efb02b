/**
 * The Statistics screen in every state of a scan, as main pushes them: what it says and which actions
 * it offers, the time the scan has run over all its runs, and the figures once it is done.
 */
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { useExport } from '../../../../src/renderer/src/features/export/exportStore'
import { StatisticsScreen } from '../../../../src/renderer/src/features/statistics/StatisticsScreen'
import { useStats } from '../../../../src/renderer/src/features/statistics/statsStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import type { ExportProgress, ScanProgress } from '../../../../src/shared/jobProgress'
import type { JobState } from '../../../../src/shared/jobs'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo, POOL_ID, scanProgress, scanUpdate, statsResult } from '../../support/fixtures'
import { FILE_ID, openExportMenu } from './statsFixtures'

let fake: FakeApi

beforeEach(() => {
  fake = installFakeApi()
  useStats.setState(useStats.getInitialState(), true)
  useExport.setState(useExport.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  connectTo()
  fake.succeed('getStats', { progress: null, last: null })
  fake.succeed('exportStatus', null)
})

async function shown(progress: Partial<ScanProgress>): Promise<void> {
  render(<StatisticsScreen />)
  await screen.findByText(/No scan of this pool has finished yet/)
  act(() => fake.emit('jobUpdate', scanUpdate(progress)))
}

const panel = () => screen.getByRole('region', { name: /scan|Running in/i })
/** The scan's actions: the Export menu, and the pending returns' Refresh, are there whatever the scan's state. */
const buttonNames = () =>
  screen
    .queryAllByRole('button')
    .filter((button) => !button.closest('.dropdown') && !button.closest('[aria-labelledby="pending-returns-heading"]'))
    .filter((button) => !button.hasAttribute('disabled') && button.getAttribute('aria-disabled') !== 'true')
    .map((button) => button.textContent)

describe('the Statistics screen', () => {
  it('offers a scan of the pool when none has run', async () => {
    render(<StatisticsScreen />)
    expect(await screen.findByText('No scan of this pool has finished yet. Start one with “Scan pool”.')).toBeInTheDocument()
    expect(buttonNames()).toEqual(['Scan pool'])
  })

  const cases: [JobState, RegExp, string[]][] = [
    ['queued', /Starting the scan/, ['Cancel scan']],
    ['running', /Scanning the pool/, ['Pause scan', 'Cancel scan']],
    ['pausing', /Pausing the scan/, []],
    ['cancelling', /Stopping the scan/, []],
    ['paused', /Scan paused/, ['Resume scan']],
    ['cancelled', /Scan cancelled/, ['Resume scan']],
    ['interrupted', /Scan interrupted/, ['Resume scan']],
    ['failed', /Scan stopped by an error/, ['Resume scan']]
  ]
  it.each(cases)('shows a %s scan under its own heading with only the actions it allows', async (state, heading, actions) => {
    await shown({ state, error: state === 'failed' ? { code: 'ACCESS_DENIED', message: 'The credentials may not list users.' } : undefined })
    expect(within(panel()).getByRole('heading', { name: heading })).toBeInTheDocument()
    expect(buttonNames()).toEqual(actions)
  })

  it('holds both buttons while a pause or a stop is under way, saying which', async () => {
    await shown({ state: 'pausing' })
    expect(screen.getByRole('button', { name: 'Pausing…' })).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('button', { name: 'Cancel scan' })).toBeDisabled()
    act(() => fake.emit('jobUpdate', scanUpdate({ state: 'cancelling' })))
    expect(screen.getByRole('button', { name: 'Stopping…' })).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('button', { name: 'Pause scan' })).toBeDisabled()
  })

  it('says what a stopped scan keeps, and why an interrupted or failed one stopped', async () => {
    await shown({ state: 'paused' })
    expect(panel()).toHaveTextContent('The partitions it finished are kept: “Resume scan” reads only the rest.')
    act(() => fake.emit('jobUpdate', scanUpdate({ state: 'interrupted' })))
    expect(panel()).toHaveTextContent('The scan stopped when the app or the command line closed unexpectedly; resume picks up from the finished partitions.')
    act(() => fake.emit('jobUpdate', scanUpdate({ state: 'failed', error: { code: 'ACCESS_DENIED', message: 'The credentials may not list users.' } })))
    expect(within(panel()).getByRole('alert')).toHaveTextContent(/The scan stopped.*The credentials may not list users\..*code: ACCESS_DENIED/)
  })

  it('pauses and resumes through main', async () => {
    const user = userEvent.setup()
    fake.succeed('pauseStats', scanProgress({ state: 'pausing' }))
    fake.succeed('startStats', scanProgress({ state: 'queued' }))
    await shown({ state: 'running' })
    await user.click(screen.getByRole('button', { name: 'Pause scan' }))
    expect(fake.calls.pauseStats).toHaveBeenCalledTimes(1)
    act(() => fake.emit('jobUpdate', scanUpdate({ state: 'paused' })))
    await user.click(screen.getByRole('button', { name: 'Resume scan' }))
    expect(fake.calls.startStats).toHaveBeenCalledTimes(1)
    expect(within(panel()).getByRole('heading')).toHaveTextContent('Starting the scan…')
  })

  it("shows the scan's running time over all its runs, as main counts it", async () => {
    await shown({ state: 'paused', elapsedMs: 125_000 })
    expect(within(panel()).getByRole('status')).toHaveTextContent('2 min 5 s elapsed')
    act(() => fake.emit('jobUpdate', scanUpdate({ state: 'running', elapsedMs: 125_250, rate: 61.4, etaSeconds: 40 })))
    expect(within(panel()).getByRole('status')).toHaveTextContent('61 users/s · about 40 s to go · 2 min 5 s elapsed')
  })

  it('gives the reason for a sequential scan only', async () => {
    await shown({ mode: 'partitioned', modeReason: 'Not shown' })
    expect(panel()).not.toHaveTextContent('Not shown')
    act(() => fake.emit('jobUpdate', scanUpdate({ mode: 'sequential', modeReason: 'The pool signs in by email, so sub prefixes cannot split it.' })))
    expect(panel()).toHaveTextContent('The pool signs in by email, so sub prefixes cannot split it.')
  })

  it('shows a scan in another process without actions of its own', async () => {
    await shown({ state: 'running', runningElsewhere: 'the tier-admin CLI (stats), process 42' })
    expect(screen.getByRole('heading', { name: 'Running in the tier-admin CLI (stats), process 42' })).toBeInTheDocument()
    expect(screen.getByText(/This window cannot pause, cancel or resume it/)).toBeInTheDocument()
    expect(buttonNames()).toEqual([])
  })

  it('replaces the panel with the figures when the scan is done', async () => {
    await shown({ state: 'running' })
    fake.succeed('getStats', { progress: null, last: statsResult(3000) })
    act(() => fake.emit('jobUpdate', scanUpdate({ state: 'done' })))
    expect(await screen.findByRole('heading', { name: /^3,000 users — scan of/ })).toBeInTheDocument()
    expect(screen.queryByRole('progressbar', { name: 'Scan progress' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Scan pool' })).toBeInTheDocument()
  })

  it('exports all users from the Export menu through the save dialog in main, with progress, Cancel, and where the file went', async () => {
    const base = { format: 'csv' as const, path: '/home/op/users.csv', rate: 0, etaSeconds: null, elapsedMs: 0 }
    fake.succeed('startExport', { ...base, state: 'queued', users: 0, fileId: FILE_ID })
    fake.succeed('showSavedFile', { folder: '/home/op' })
    render(<StatisticsScreen />)
    const menu = await openExportMenu()
    await userEvent.selectOptions(within(menu).getByLabelText('Export format'), 'jsonl')
    await userEvent.click(within(menu).getByRole('button', { name: 'All users, every attribute…' }))
    expect(fake.calls.startExport).toHaveBeenCalledWith({ format: 'jsonl' })
    const section = screen.getByRole('region', { name: 'Export all users' })
    const update = (progress: Partial<ExportProgress>) =>
      act(() =>
        fake.emit('jobUpdate', { kind: 'export', jobId: 'export-1', userPoolId: POOL_ID, progress: { ...base, state: 'running', users: 0, ...progress } })
      )
    update({ users: 1200, estimatedUsers: 6000, rate: 600, etaSeconds: 8, elapsedMs: 2000 })
    expect(within(section).getByRole('status')).toHaveTextContent('Exporting 1,200 of about 6,000 users, 600 users/s')
    expect(within(section).getByRole('button', { name: 'Cancel export' })).toBeVisible()
    expect(within(section).queryByRole('button', { name: 'Show in folder' })).not.toBeInTheDocument()
    update({ state: 'done', users: 6000 })
    expect(within(section).getByRole('status')).toHaveTextContent('Saved 6,000 users to /home/op/users.csv')
    await userEvent.click(within(section).getByRole('button', { name: 'Show in folder' }))
    // The page names the file by main's id, never by its path.
    expect(fake.calls.showSavedFile).toHaveBeenCalledWith({ fileId: FILE_ID })
  })

  it('starts nothing when the save dialog is cancelled', async () => {
    fake.succeed('startExport', null)
    render(<StatisticsScreen />)
    const menu = await openExportMenu()
    await userEvent.click(within(menu).getByRole('button', { name: 'All users, every attribute…' }))
    expect(within(screen.getByRole('region', { name: 'Export all users' })).getByRole('status')).toHaveTextContent('')
  })
})
