/**
 * The row job follower, seen through the import store: a push is the job's progress, so the job's
 * detail is read only for the rows' outcomes (when rows were done since the last read), and a detail
 * read before a newer push never puts the older progress back.
 */
import { beforeEach, expect, it } from 'vitest'
import { useImport } from '../../../../src/renderer/src/features/import/importStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import { installFakeApi, deferred, type FakeApi } from '../../support/fakeApi'
import { connectTo, POOL_ID } from '../../support/fixtures'
import { detail, importProgress } from '../import/importFixtures'

let fake: FakeApi
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const push = (over: Parameters<typeof importProgress>[0]) =>
  fake.emit('jobUpdate', { kind: 'import', jobId: 'import-1', userPoolId: POOL_ID, progress: importProgress(over) })

beforeEach(async () => {
  fake = installFakeApi()
  useImport.setState(useImport.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  connectTo()
  fake.succeed('importJobs', [])
  fake.succeed('importJob', detail('running'))
  useImport.getState().subscribe()
  await useImport.getState().openJob('import-1')
  fake.calls.importJob.mockClear()
})

it('applies a push that did no rows as it is, reading nothing', async () => {
  push({ state: 'pausing', elapsedMs: 4_000 })
  expect(useImport.getState().progress).toMatchObject({ state: 'pausing', elapsedMs: 4_000 })
  await settle()
  expect(fake.calls.importJob).not.toHaveBeenCalled()
})

it('reads the rows again when rows were done, without putting back older progress', async () => {
  const slow = deferred<Awaited<ReturnType<typeof window.api.importJob>>>()
  fake.reply('importJob', () => slow.promise)
  push({ done: 3, created: 3 })
  push({ done: 4, created: 4 })
  // The first push read the rows; the second came within the second, so it did not read them again.
  expect(fake.calls.importJob).toHaveBeenCalledTimes(1)
  slow.resolve({ ok: true, data: detail('running', { progress: importProgress({ done: 3, created: 3 }) }) })
  await settle()
  expect(useImport.getState().job?.progress.done).toBe(3)
  expect(useImport.getState().progress).toMatchObject({ done: 4, created: 4 })
})
