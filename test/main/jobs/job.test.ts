/**
 * The job engine's state machine on real files and locks: every move, the record on disk after each,
 * running time that adds up across pauses and stops, and a job left running by a dead process found
 * interrupted.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Job, type JobControl, type JobSpec, type JobView } from '../../../src/main/jobs/job'
import type { JobState } from '../../../src/shared/jobs'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-job-')
afterAll(() => temp.remove())
let folder = 0

function spec(dir = join(temp.dir, `job-${folder++}`), owner = 'the test'): JobSpec {
  return {
    id: 'test-job',
    kind: 'test',
    dir,
    lockName: 'job.lock',
    owner,
    lockedMessage: (holder) => `Running in ${holder}.`,
    busyMessage: 'Already running here.',
    describeError: (error) => ({ code: 'INTERNAL', message: (error as Error).message })
  }
}

/** Work that runs until told to finish, or until the job stops it. */
function controllableWork() {
  let finish: (() => void) | null = null
  let fail: ((error: Error) => void) | null = null
  const runs: number[] = []
  let started: () => void = () => undefined
  const work = async (control: JobControl): Promise<void> => {
    runs.push(runs.length + 1)
    started()
    await new Promise<void>((resolve, reject) => {
      finish = resolve
      fail = reject
      control.signal.addEventListener('abort', () => reject(control.signal.reason), { once: true })
    })
  }
  return {
    work,
    runs,
    /** Resolves once the next run of the work has begun. */
    running: () => new Promise<void>((resolve) => (started = resolve)),
    finish: () => finish?.(),
    fail: (error: Error) => fail?.(error)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const record = (job: Job) => JSON.parse(readFileSync(join(job.spec.dir, 'job.json'), 'utf8')) as { state: JobState; elapsedMs: number }

describe('job engine', () => {
  it('moves running → pausing → paused → running → done, saving each move, and adds up the running time', async () => {
    const job = new Job(spec())
    const seen: JobState[] = []
    job.onChange((view) => seen.push(view.state))
    const work = controllableWork()
    await job.start(async () => work.work)
    expect(job.current()?.state).toBe('running')
    await sleep(150)
    await job.pause()
    expect(record(job).state).toBe('paused')
    const paused = (await job.view())!
    expect(paused.state).toBe('paused')
    expect(paused.elapsedMs).toBeGreaterThanOrEqual(140)
    // Time paused does not count: a second paused is far longer than the second run below.
    await sleep(1000)
    expect((await job.view())!.elapsedMs).toBe(paused.elapsedMs)
    const resumedAt = Date.now()
    await job.start(async () => work.work)
    await sleep(150)
    work.finish()
    await job.settled()
    const done = (await job.view())!
    const secondRun = Date.now() - resumedAt
    expect(done.state).toBe('done')
    expect(done.elapsedMs).toBeGreaterThanOrEqual(paused.elapsedMs + 140)
    // Bounded by the second run's own wall time, however slow the machine: the paused second is not in it.
    expect(done.elapsedMs - paused.elapsedMs).toBeLessThanOrEqual(secondRun + 1)
    expect(seen).toEqual(['queued', 'running', 'pausing', 'paused', 'queued', 'running', 'done'])
    expect(work.runs).toEqual([1, 2])
  })

  it('cancels, fails with the work’s error, and refuses a second start here or in another holder', async () => {
    const dir = join(temp.dir, 'shared')
    const job = new Job(spec(dir, 'the Tier Admin app'))
    const other = new Job(spec(dir, 'the tier-admin CLI (stats)'))
    const work = controllableWork()
    await job.start(async () => work.work)
    await expect(job.start(async () => work.work)).rejects.toMatchObject({ code: 'JOB_IN_PROGRESS' })
    await expect(other.start(async () => work.work)).rejects.toMatchObject({
      code: 'LOCKED_BY_OTHER_PROCESS',
      message: expect.stringMatching(/^Running in the Tier Admin app, process \d+/)
    })
    expect((await other.view())?.runningElsewhere).toMatch(/the Tier Admin app/)
    await job.cancel()
    expect((await job.view())?.state).toBe('cancelled')

    const running = work.running()
    await other.start(async () => work.work)
    await running
    work.fail(new Error('the pool went away'))
    await other.settled()
    expect(await other.view()).toMatchObject({ state: 'failed', error: { code: 'INTERNAL', message: 'the pool went away' } })
    // A failed job resumes with its time kept.
    const before = (await other.view())!.elapsedMs
    const again = work.running()
    await other.start(async () => work.work)
    await again
    work.finish()
    await other.settled()
    expect((await other.view())!.elapsedMs).toBeGreaterThanOrEqual(before)
  })

  it('counts a finished job’s next run from zero', async () => {
    const job = new Job(spec())
    const work = controllableWork()
    await job.start(async () => work.work)
    await sleep(120)
    work.finish()
    await job.settled()
    const first = (await job.view())!.elapsedMs
    expect(first).toBeGreaterThanOrEqual(110)
    const restartedAt = Date.now()
    await job.start(async () => work.work)
    // No more than the time since the restart, however slow the machine: the first run's time is not carried.
    expect((await job.view())!.elapsedMs).toBeLessThanOrEqual(Date.now() - restartedAt + 1)
    await job.cancel()
  })

  it('finds a job whose process died while running interrupted, with the time saved at its last checkpoint', async () => {
    const dir = join(temp.dir, 'crashed')
    const job = new Job(spec(dir))
    let control: JobControl | null = null
    await job.start(async () => async (c) => {
      control = c
      await new Promise((_, reject) => c.signal.addEventListener('abort', () => reject(c.signal.reason)))
    })
    await sleep(100)
    await control!.checkpoint()
    // As a kill -9 leaves it: the record says running and the lock names a process that is gone.
    const saved = readFileSync(join(dir, 'job.json'), 'utf8')
    const lock = readFileSync(join(dir, 'job.lock'), 'utf8')
    await job.cancel()
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    writeFileSync(join(dir, 'job.json'), saved)
    writeFileSync(join(dir, 'job.lock'), lock.replace(/"pid":\d+/, `"pid":${dead}`).replace(/"started":"[^"]*",?/, ''))

    const after = new Job(spec(dir))
    const view = (await after.view()) as JobView
    expect(view.state).toBe('interrupted')
    expect(view.elapsedMs).toBeGreaterThanOrEqual(90)
    expect(record(after).state).toBe('interrupted')
    // Resuming it keeps the time.
    await after.start(async () => async () => undefined)
    await after.settled()
    expect((await after.view())!.elapsedMs).toBeGreaterThanOrEqual(view.elapsedMs)
  })
})
