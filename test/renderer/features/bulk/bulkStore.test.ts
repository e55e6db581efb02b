/**
 * The bulk store: the preview asks main with one row per user, Apply sends the operator's overwrite
 * choice, pushed progress for its job is applied (and the rows' results read again when it did rows
 * and stopped), other pools' updates are ignored, and jobs left paused or interrupted are offered for resume.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { useBulk } from '../../../../src/renderer/src/features/bulk/bulkStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import type { BulkJobDetail, BulkJobSummary, BulkPreview } from '../../../../src/shared/bulk'
import type { BulkProgress } from '../../../../src/shared/jobProgress'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo } from '../../support/fixtures'

let fake: FakeApi
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const POOL = 'us-east-1_Test'

const progress = (over: Partial<BulkProgress> = {}): BulkProgress => ({
  state: 'running',
  total: 2,
  done: 0,
  changed: 0,
  skipped: 0,
  conflicts: 0,
  failed: 0,
  elapsedMs: 0,
  rate: 0,
  etaSeconds: null,
  ...over
})
const preview: BulkPreview = {
  jobId: 'bulk-1',
  userPoolId: POOL,
  createdAt: '2026-11-25T10:00:00.000Z',
  changes: 1,
  rows: [
    { row: 1, username: 'ann', tier: 'premium', from: 'standard', action: 'change' },
    { row: 2, username: 'bob', tier: 'premium', from: 'premium', action: 'skip', reason: 'already at target' }
  ]
}
const summary = (state: BulkJobSummary['state'], jobId = 'bulk-1'): BulkJobSummary => ({
  jobId,
  userPoolId: POOL,
  createdAt: preview.createdAt,
  state,
  progress: progress({ state: state === 'previewed' ? 'queued' : state })
})
const detail = (state: BulkJobSummary['state']): BulkJobDetail => ({ ...summary(state), preview, overwrite: true, results: [] })

beforeEach(() => {
  fake = installFakeApi()
  useBulk.setState(useBulk.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  connectTo()
  fake.succeed('bulkJobs', [summary('paused', 'bulk-0'), summary('previewed', 'bulk-9'), summary('done', 'bulk-8')])
})

describe('the bulk store', () => {
  it('previews one row per user, applies with the overwrite choice, and follows its job', async () => {
    useBulk.getState().subscribe()
    useBulk.getState().openFor(['ann', 'bob'])
    fake.succeed('bulkPreview', preview)
    await useBulk.getState().runPreview()
    expect(fake.calls.bulkPreview).toHaveBeenCalledWith({
      rows: [
        { username: 'ann', tier: 'premium' },
        { username: 'bob', tier: 'premium' }
      ]
    })
    expect(useBulk.getState().preview?.changes).toBe(1)

    fake.succeed('bulkStart', progress({ state: 'queued' }))
    fake.succeed('bulkJob', detail('running'))
    useBulk.getState().setOverwrite(true)
    await useBulk.getState().start()
    expect(fake.calls.bulkStart).toHaveBeenCalledWith({ jobId: 'bulk-1', overwrite: true })

    const reads = fake.calls.bulkJob.mock.calls.length
    fake.emit('jobUpdate', { kind: 'bulk-tier', jobId: 'bulk-1', userPoolId: 'eu-west-1_Other', progress: progress({ done: 2 }) })
    expect(useBulk.getState().progress?.done).toBe(0)
    fake.succeed('bulkJob', detail('done'))
    fake.emit('jobUpdate', { kind: 'bulk-tier', jobId: 'bulk-1', userPoolId: POOL, progress: progress({ state: 'done', done: 2, changed: 1, skipped: 1 }) })
    expect(useBulk.getState().progress).toMatchObject({ state: 'done', done: 2 })
    await settle()
    expect(fake.calls.bulkJob.mock.calls.length).toBe(reads + 1)
  })

  it('offers only jobs that stopped with rows left', async () => {
    useBulk.getState().subscribe()
    await settle()
    expect(useBulk.getState().resumable.map((job) => job.jobId)).toEqual(['bulk-0'])
    fake.succeed('bulkJob', detail('paused'))
    await useBulk.getState().openJob('bulk-0')
    expect(useBulk.getState()).toMatchObject({ open: true, overwrite: true, preview: { jobId: 'bulk-1' } })
  })
})
