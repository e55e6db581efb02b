/**
 * The import store: a cancelled file dialog keeps what was shown, a file-level mistake is an error,
 * the run is started with the operator's method (the invitation only for AdminCreateUser), pushed
 * progress for its job is applied (other pools' is not), and stopped jobs are offered for resume.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { useImport } from '../../../../src/renderer/src/features/import/importStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo, POOL_ID } from '../../support/fixtures'
import { detail, importProgress, preview, summary } from './importFixtures'

let fake: FakeApi
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  fake = installFakeApi()
  useImport.setState(useImport.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  connectTo()
  fake.succeed('importJobs', [summary('interrupted', 'import-0'), summary('previewed', 'import-9'), summary('done', 'import-8')])
})

describe('the import store', () => {
  it('keeps the preview shown when the dialog is cancelled, and shows a file-level mistake', async () => {
    fake.succeed('importPreview', preview())
    await useImport.getState().chooseFile()
    expect(useImport.getState().preview?.fileName).toBe('people.csv')

    fake.succeed('importPreview', null)
    await useImport.getState().chooseFile()
    expect(useImport.getState()).toMatchObject({ preview: { jobId: 'import-1' }, error: null, pending: null })

    fake.fail('importPreview', { code: 'VALIDATION', message: 'The file has no email column' })
    await useImport.getState().chooseFile()
    expect(useImport.getState().error?.message).toBe('The file has no email column')
  })

  it('starts with the chosen method, sending the invitation choice only for AdminCreateUser', async () => {
    fake.succeed('importPreview', preview())
    fake.succeed('importStart', importProgress({ state: 'queued' }))
    fake.succeed('importJob', detail('running'))
    await useImport.getState().chooseFile()

    useImport.getState().setInvitation('suppress')
    useImport.getState().setMethod('signup')
    await useImport.getState().start()
    expect(fake.calls.importStart).toHaveBeenLastCalledWith({ jobId: 'import-1', method: 'signup' })

    useImport.getState().setMethod('admin-create')
    await useImport.getState().start()
    expect(fake.calls.importStart).toHaveBeenLastCalledWith({ jobId: 'import-1', method: 'admin-create', invitation: 'suppress' })
  })

  it('follows pushed progress of its own job in this pool, reading the results again when it did rows and stopped', async () => {
    useImport.getState().subscribe()
    fake.succeed('importPreview', preview())
    fake.succeed('importStart', importProgress({ state: 'queued' }))
    fake.succeed('importJob', detail('running'))
    await useImport.getState().chooseFile()
    useImport.getState().setMethod('admin-create')
    await useImport.getState().start()
    const reads = fake.calls.importJob.mock.calls.length

    fake.emit('jobUpdate', { kind: 'import', jobId: 'import-1', userPoolId: 'eu-west-1_Other', progress: importProgress({ done: 5 }) })
    fake.emit('jobUpdate', {
      kind: 'bulk-tier',
      jobId: 'import-1',
      userPoolId: POOL_ID,
      progress: { ...importProgress({ done: 5 }), changed: 0, conflicts: 0 }
    })
    expect(useImport.getState().progress?.done).toBe(0)

    fake.succeed('importJob', detail('done'))
    fake.emit('jobUpdate', {
      kind: 'import',
      jobId: 'import-1',
      userPoolId: POOL_ID,
      progress: importProgress({ state: 'done', done: 9, created: 2, skipped: 7 })
    })
    expect(useImport.getState().progress).toMatchObject({ state: 'done', created: 2 })
    await settle()
    expect(fake.calls.importJob.mock.calls.length).toBe(reads + 1)
  })

  it('offers only jobs that stopped with rows left, and reopens one with its method and invitation', async () => {
    useImport.getState().subscribe()
    await settle()
    expect(useImport.getState().resumable.map((job) => job.jobId)).toEqual(['import-0'])

    fake.succeed('importJob', detail('interrupted'))
    await useImport.getState().openJob('import-0')
    expect(useImport.getState()).toMatchObject({ fromFile: true, method: 'admin-create', invitation: 'suppress', preview: { fileName: 'people.csv' } })
  })

  it('saves the results where the operator chose, and says nothing when they cancel', async () => {
    fake.succeed('importJob', detail('done'))
    await useImport.getState().openJob('import-1')
    fake.succeed('importResultsCsv', { path: '/tmp/people-results.csv', rows: 9 })
    await useImport.getState().saveResults()
    expect(fake.calls.importResultsCsv).toHaveBeenCalledWith({ jobId: 'import-1' })
    expect(useImport.getState().savedTo).toMatchObject({ path: '/tmp/people-results.csv' })
    fake.succeed('importResultsCsv', null)
    await useImport.getState().saveResults()
    expect(useImport.getState().savedTo).toBeNull()
  })
})
