/**
 * The stats store follows the scan by main's pushed updates, not by polling: it loads the snapshot
 * once, applies the updates for the connected pool as they come, reads the finished figures when a scan finishes,
 * and tells the connection store of a scan that failed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useStats } from '../../../../src/renderer/src/features/statistics/statsStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import type { JobUpdate } from '../../../../src/shared/jobProgress'
import { deferred, installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo, scanProgress, scanUpdate, statsResult } from '../../support/fixtures'

let fake: FakeApi
const progress = () => useStats.getState().snapshot?.progress ?? null
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  fake = installFakeApi()
  useStats.setState(useStats.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  connectTo()
  fake.succeed('getStats', { progress: scanProgress({ users: 100 }), last: null })
})

async function subscribed(): Promise<() => void> {
  const unsubscribe = useStats.getState().subscribe()
  await settle()
  return unsubscribe
}

describe('the stats store', () => {
  it('loads the snapshot once and then applies pushed updates without asking again', async () => {
    await subscribed()
    expect(progress()?.users).toBe(100)
    fake.emit('jobUpdate', scanUpdate({ users: 160, elapsedMs: 2_250 }))
    fake.emit('jobUpdate', scanUpdate({ users: 220, elapsedMs: 2_500 }))
    expect(progress()).toMatchObject({ users: 220, elapsedMs: 2_500 })
    await settle()
    expect(fake.calls.getStats).toHaveBeenCalledTimes(1)
  })

  it("takes a running scan's progress from its push, reading nothing", async () => {
    await subscribed()
    fake.calls.getStats.mockClear()
    const estimate = { standard: { share: 0.6, low: 0.5, high: 0.7 }, premium: { share: 0.4, low: 0.3, high: 0.5 }, none: { share: 0, low: 0, high: 0.1 } }
    fake.emit('jobUpdate', scanUpdate({ users: 640, partitionsDone: 9, rate: 75, etaSeconds: 12, estimate: { ...estimate, invalid: estimate.none } }))
    expect(progress()).toMatchObject({ state: 'running', users: 640, partitionsDone: 9, rate: 75, etaSeconds: 12, estimate: { premium: { share: 0.4 } } })
    await settle()
    expect(fake.calls.getStats).not.toHaveBeenCalled()
  })

  it('ignores updates about another pool or another kind of job', async () => {
    await subscribed()
    fake.emit('jobUpdate', scanUpdate({ users: 999 }, 'eu-west-1_Other'))
    fake.emit('jobUpdate', { kind: 'bulk-tier', jobId: 'job-9', userPoolId: 'us-east-1_Test' } as unknown as JobUpdate)
    expect(progress()?.users).toBe(100)
  })

  it('stops following when the screen unsubscribes', async () => {
    const unsubscribe = await subscribed()
    expect(fake.listenerCount('jobUpdate')).toBe(1)
    unsubscribe()
    expect(fake.listenerCount('jobUpdate')).toBe(0)
    fake.emit('jobUpdate', scanUpdate({ users: 500 }))
    expect(progress()?.users).toBe(100)
  })

  it('keeps a pushed update that arrived while the snapshot was on its way', async () => {
    const slow = deferred<Awaited<ReturnType<typeof window.api.getStats>>>()
    fake.reply('getStats', () => slow.promise)
    useStats.getState().subscribe()
    fake.emit('jobUpdate', scanUpdate({ users: 300 }))
    slow.resolve({ ok: true, data: { progress: scanProgress({ users: 100 }), last: statsResult(50) } })
    await settle()
    expect(progress()?.users).toBe(300)
    expect(useStats.getState().snapshot?.last?.figures.total).toBe(50)
  })

  it('reads the finished figures again when a scan reaches done', async () => {
    await subscribed()
    fake.succeed('getStats', { progress: null, last: statsResult(3000) })
    fake.emit('jobUpdate', scanUpdate({ state: 'done' }))
    await settle()
    expect(fake.calls.getStats).toHaveBeenCalledTimes(2)
    expect(useStats.getState().snapshot?.last?.figures.total).toBe(3000)
    // The push said how the scan ended; the read was for its figures only.
    expect(progress()?.state).toBe('done')
  })

  it('reads the finished figures too when the reply to a start already says done', async () => {
    await subscribed()
    fake.succeed('startStats', scanProgress({ state: 'done' }))
    fake.succeed('getStats', { progress: null, last: statsResult(40) })
    await useStats.getState().start()
    await settle()
    expect(useStats.getState().snapshot?.last?.figures.total).toBe(40)
  })

  it("does not let a request's late reply undo a newer pushed update", async () => {
    await subscribed()
    const answer = deferred<Awaited<ReturnType<typeof window.api.startStats>>>()
    fake.reply('startStats', () => answer.promise)
    const starting = useStats.getState().start()
    fake.emit('jobUpdate', scanUpdate({ state: 'running', users: 400 }))
    answer.resolve({ ok: true, data: scanProgress({ state: 'queued', users: 0 }) })
    await starting
    expect(progress()).toMatchObject({ state: 'running', users: 400 })
  })

  it("tells the connection store of a scan's failure once, as the bridge wrapper cannot see it", async () => {
    const reportFailure = vi.spyOn(useConnection.getState(), 'reportFailure')
    await subscribed()
    const error = { code: 'NETWORK_UNREACHABLE', message: 'The pool did not answer.' } as const
    fake.emit('jobUpdate', scanUpdate({ state: 'failed', error }))
    fake.emit('jobUpdate', scanUpdate({ state: 'failed', error }))
    expect(reportFailure).toHaveBeenCalledTimes(1)
    expect(reportFailure).toHaveBeenCalledWith(error)
  })

  it('pauses the scan, showing the request in flight until main answers', async () => {
    await subscribed()
    const answer = deferred<Awaited<ReturnType<typeof window.api.pauseStats>>>()
    fake.reply('pauseStats', () => answer.promise)
    const pausing = useStats.getState().pause()
    expect(useStats.getState().pending).toBe('pause')
    answer.resolve({ ok: true, data: scanProgress({ state: 'pausing' }) })
    await pausing
    expect(useStats.getState().pending).toBeNull()
    expect(progress()?.state).toBe('pausing')
    expect(fake.calls.pauseStats).toHaveBeenCalledTimes(1)
  })

  it('keeps a refused start explained while the other process scans, and drops it when that scan ends', async () => {
    await subscribed()
    const refusal = { code: 'LOCKED_BY_OTHER_PROCESS', message: 'A scan of this pool is already running in the CLI.' } as const
    fake.fail('startStats', refusal)
    fake.succeed('getStats', { progress: scanProgress({ runningElsewhere: 'the CLI' }), last: null })
    await useStats.getState().start()
    expect(useStats.getState().error).toEqual(refusal)
    fake.emit('jobUpdate', scanUpdate({ runningElsewhere: 'the CLI', users: 200 }))
    expect(useStats.getState().error).toEqual(refusal)
    fake.emit('jobUpdate', scanUpdate({ runningElsewhere: 'the CLI', state: 'done' }))
    expect(useStats.getState().error).toBeNull()
  })
})
