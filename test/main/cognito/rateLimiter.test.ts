/** The limiter on a virtual clock: no real waiting, so no timing flakiness. */
import { describe, expect, it } from 'vitest'
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
    expect(limiter.rate).toBeCloseTo(24)
    for (let i = 0; i < 10; i++) limiter.onThrottled()
    expect(limiter.rate).toBeCloseTo(24)
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
