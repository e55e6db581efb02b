/** The job-updates hub: each job's moves go out at once, its running counters throttled per job, worked out only when sent. */
import { expect, it, vi } from 'vitest'
import { JobUpdates } from '../../../src/main/jobs/jobUpdates'
import type { ExportProgress } from '../../../src/shared/jobProgress'

const progress = (users: number): ExportProgress => ({ state: 'running', format: 'csv', path: '/x.csv', users, rate: 0, etaSeconds: null, elapsedMs: 0 })
const job = (jobId: string) => ({ kind: 'export', jobId, userPoolId: 'us-east-1_Test' }) as const

it('sends each move at once, throttles running counters per job, and works progress out only when it goes out', () => {
  vi.useFakeTimers({ toFake: ['performance'] })
  try {
    const hub = new JobUpdates()
    const seen: [string, number][] = []
    const unsubscribe = hub.on('export', (jobId, p) => seen.push([jobId, p.users]))
    const make = vi.fn(() => progress(1))
    hub.push(job('a'), false, make)
    hub.push(job('a'), false, make)
    // Another job has its own interval; a move of state is never held back.
    hub.push(job('b'), false, () => progress(2))
    hub.push(job('a'), true, () => progress(3))
    expect(make).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(250)
    hub.push(job('a'), false, () => progress(4))
    // Nothing to send: no push, and the interval is not spent on it.
    hub.push(job('b'), true, () => null)
    expect(seen).toEqual([
      ['a', 1],
      ['b', 2],
      ['a', 3],
      ['a', 4]
    ])
    expect(hub.subscribers).toBe(1)
    unsubscribe()
    hub.push(job('a'), true, () => progress(5))
    expect(seen).toHaveLength(4)
    expect(hub.subscribers).toBe(0)
  } finally {
    vi.useRealTimers()
  }
})

it('tells each subscriber the kind, the job and its pool; one that throws stops neither the job nor the others', () => {
  const hub = new JobUpdates()
  const all: unknown[] = []
  hub.subscribe(() => {
    throw new Error('a closed window')
  })
  hub.subscribe((update) => all.push(update))
  const scans: string[] = []
  hub.on('stats-scan', (jobId) => scans.push(jobId))
  hub.push(job('e'), true, () => progress(7))
  expect(all).toEqual([{ kind: 'export', jobId: 'e', userPoolId: 'us-east-1_Test', progress: progress(7) }])
  expect(scans).toEqual([])
})
