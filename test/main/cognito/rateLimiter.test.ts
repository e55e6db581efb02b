/** The limiter on a virtual clock: no real waiting, so no timing flakiness. */
import { describe, expect, it } from 'vitest'
import { PreviewReadsInFlight } from '../../../src/main/cognito/quotas'
import { RateLimiter } from '../../../src/main/cognito/rateLimiter'

function virtualClock() {
  let now = 0
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms
    }
  }
}

describe('RateLimiter', () => {
  it('lets a quarter-second burst through, then paces at the configured rate', async () => {
    const clock = virtualClock()
    const limiter = new RateLimiter({ ratePerSecond: 30, now: clock.now, sleep: clock.sleep })
    for (let i = 0; i < 8; i++) await limiter.acquire()
    expect(clock.now()).toBe(0)
    for (let i = 0; i < 60; i++) await limiter.acquire()
    // After the 8-token burst, 60 more at 30/s take two seconds.
    expect(clock.now()).toBeGreaterThanOrEqual(1990)
    expect(clock.now()).toBeLessThanOrEqual(2100)
  })

  it('slows once per cool-down however many answers are throttled, never below the floor, and recovers', () => {
    const clock = virtualClock()
    const limiter = new RateLimiter({ ratePerSecond: 30, minRatePerSecond: 5, now: clock.now, sleep: clock.sleep })
    limiter.onThrottled()
    expect(limiter.rate).toBeCloseTo(12)
    for (let i = 0; i < 10; i++) limiter.onThrottled()
    expect(limiter.rate).toBeCloseTo(12)
    for (let i = 0; i < 10; i++) {
      void clock.sleep(1000)
      limiter.onThrottled()
    }
    expect(limiter.rate).toBe(5)
    // Successes without time passing add nothing: the climb is per second, not per answer.
    for (let i = 0; i < 500; i++) limiter.onSuccess()
    expect(limiter.rate).toBe(5)
    for (let i = 0; i < 20; i++) {
      void clock.sleep(100)
      limiter.onSuccess()
    }
    expect(limiter.rate).toBe(30)
  })

  it('climbs from the cut, not from the retries refused after it', () => {
    let now = 0
    const limiter = new RateLimiter({ ratePerSecond: 30, now: () => now })
    limiter.onThrottled()
    expect(limiter.rate).toBeCloseTo(12)
    // A retry refused within the cool-down: the same congestion, so the climb's doubling keeps counting from the cut.
    now = 200
    limiter.onThrottled()
    now = 500
    limiter.onSuccess()
    // 0.3 s at the slope of two quiet quarter-seconds (30 × 0.2 × 4 = 24/s) climbs 7.2, to 19.2.
    // Counted from the retry, one quarter-second (12/s) would climb only 3.6, to 15.6.
    expect(limiter.rate).toBeCloseTo(19.2)
  })

  it('cuts deeper the more of the quota the caller takes: 60% at all of it, 20% at a quarter', () => {
    let now = 0
    const limiter = new RateLimiter({ ratePerSecond: 40, minRatePerSecond: 1, now: () => now })
    const cuts: number[] = []
    for (let i = 0; i < 4; i++) {
      const before = limiter.rate
      limiter.onThrottled()
      cuts.push(1 - limiter.rate / before)
      now += 1000 // past the cool-down; no success, so no climb
    }
    // 40 → 16 (the cut at most 60%), then 0.8 × 16/40 = 32% → 10.88, 21.8% → 8.51, 17% → 7.06.
    expect(cuts.map((cut) => Math.round(cut * 1000) / 10)).toEqual([60, 32, 21.8, 17])
  })

  it('stops waiting when cancelled, and the next caller is not blocked', async () => {
    const clock = virtualClock()
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1, now: clock.now, sleep: clock.sleep })
    await limiter.acquire()
    const controller = new AbortController()
    controller.abort(new Error('cancelled'))
    await expect(limiter.acquire(controller.signal)).rejects.toThrow('cancelled')
    await expect(limiter.acquire()).resolves.toBeUndefined()
  })
})

describe('RateLimiter priority', () => {
  it('serves waiting callers by priority, then in the order they came', async () => {
    const clock = virtualClock()
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 1, now: clock.now, sleep: clock.sleep })
    await limiter.acquire()
    const order: string[] = []
    const waits = [
      limiter.acquire(undefined, 5).then(() => order.push('rank 5, first')),
      limiter.acquire(undefined, 1).then(() => order.push('rank 1')),
      limiter.acquire(undefined, 5).then(() => order.push('rank 5, second')),
      limiter.acquire().then(() => order.push('rank 0'))
    ]
    await Promise.all(waits)
    // All four wait for the next token: lowest rank first, equal ranks in the order they came.
    expect(order).toEqual(['rank 0', 'rank 1', 'rank 5, first', 'rank 5, second'])
  })

  it('lets a cancelled caller leave the line without holding up the ones behind it', async () => {
    const clock = virtualClock()
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 1, now: clock.now, sleep: clock.sleep })
    await limiter.acquire()
    const controller = new AbortController()
    const cancelled = limiter.acquire(controller.signal, 0)
    const next = limiter.acquire(undefined, 1)
    controller.abort(new Error('cancelled'))
    await expect(cancelled).rejects.toThrow('cancelled')
    await expect(next).resolves.toBeUndefined()
  })
})

describe('PreviewReadsInFlight', () => {
  it('keeps 32 reads in flight until it has seen round trips, then enough for the rate, at most 128', () => {
    const limiter = new RateLimiter({ ratePerSecond: 120 })
    const inFlight = new PreviewReadsInFlight(limiter)
    expect(inFlight.wanted()).toBe(32)
    inFlight.answered(80)
    expect(inFlight.wanted()).toBe(32)
    for (let i = 0; i < 100; i++) inFlight.answered(500)
    // 120/s × 0.5 s × 1.5
    expect(inFlight.wanted()).toBe(90)
    for (let i = 0; i < 100; i++) inFlight.answered(5000)
    expect(inFlight.wanted()).toBe(128)
  })
})
