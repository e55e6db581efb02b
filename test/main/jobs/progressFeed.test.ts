import { expect, it, vi } from 'vitest'
import { ProgressFeed } from '../../../src/main/jobs/progressFeed'

it('sends each move at once, throttles running counters per job, and works progress out only when it goes out', () => {
  vi.useFakeTimers({ toFake: ['performance'] })
  try {
    const feed = new ProgressFeed<number>()
    const seen: [string, number][] = []
    const unsubscribe = feed.subscribe((jobId, progress) => seen.push([jobId, progress]))
    const make = vi.fn(() => 1)
    feed.push('a', false, make)
    feed.push('a', false, make)
    // Another job has its own interval; a move of state is never held back.
    feed.push('b', false, () => 2)
    feed.push('a', true, () => 3)
    expect(make).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(250)
    feed.push('a', false, () => 4)
    // Nothing to send: no push, and the interval is not spent on it.
    feed.push('b', true, () => null)
    expect(seen).toEqual([
      ['a', 1],
      ['b', 2],
      ['a', 3],
      ['a', 4]
    ])
    expect(feed.subscribers).toBe(1)
    unsubscribe()
    feed.push('a', true, () => 5)
    expect(seen).toHaveLength(4)
    expect(feed.subscribers).toBe(0)
  } finally {
    vi.useRealTimers()
  }
})
