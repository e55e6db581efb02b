/** The worker pool: a fixed start, growth when the work asks for more, every item once. */
import { describe, expect, it } from 'vitest'
import { runWorkers } from '../../../src/main/jobs/workerPool'

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('runWorkers', () => {
  it('runs every item once with the workers it starts with', async () => {
    const seen: string[] = []
    let inFlight = 0
    let most = 0
    await runWorkers({
      items: Array.from({ length: 50 }, (_, i) => String(i)),
      concurrency: 4,
      staggerMs: 0,
      signal: new AbortController().signal,
      task: async (item) => {
        most = Math.max(most, ++inFlight)
        await tick()
        seen.push(item)
        inFlight--
      }
    })
    expect(most).toBe(4)
    expect(seen.sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 50 }, (_, i) => String(i)))
  })

  it('grows to what `wanted` asks for, never past the items left, and still runs every item once', async () => {
    const seen: string[] = []
    let inFlight = 0
    let most = 0
    await runWorkers({
      items: Array.from({ length: 40 }, (_, i) => String(i)),
      concurrency: 2,
      staggerMs: 0,
      signal: new AbortController().signal,
      wanted: () => 100,
      task: async (item) => {
        most = Math.max(most, ++inFlight)
        await tick()
        seen.push(item)
        inFlight--
      }
    })
    expect(most).toBeGreaterThan(2)
    expect(most).toBeLessThanOrEqual(40)
    expect(new Set(seen).size).toBe(40)
    expect(seen).toHaveLength(40)
  })

  it('stops every worker, grown ones too, on the first failure and rethrows it', async () => {
    let started = 0
    const run = runWorkers({
      items: Array.from({ length: 100 }, (_, i) => String(i)),
      concurrency: 2,
      staggerMs: 0,
      signal: new AbortController().signal,
      wanted: () => 8,
      task: async (item) => {
        started++
        await tick()
        if (item === '5') throw new Error('boom')
      }
    })
    await expect(run).rejects.toThrow('boom')
    expect(started).toBeLessThan(100)
  })
})
