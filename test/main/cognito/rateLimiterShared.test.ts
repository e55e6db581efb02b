/** Several limiters sharing one account quota, on a simulated clock (test/support/sharedQuota.ts). */
import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../src/main/cognito/rateLimiter'
import { AccountBucket, QUOTA, Scheduler, runShared, startOperator, type Operator } from '../../support/sharedQuota'

describe('RateLimiter sharing one quota', () => {
  it('two operators with equal work converge to equal shares and use the quota', async () => {
    const { aggregateShare, spread, ops } = await runShared(2, { work: 1800 })
    expect(ops.every((op) => op.done === 1800)).toBe(true)
    expect(spread).toBeLessThanOrEqual(1.1)
    expect(aggregateShare).toBeGreaterThanOrEqual(0.98)
  })

  it('an operator at the full quota does not lock step with the bucket and starve another (answers that never jitter)', async () => {
    // Seen on the simulator over loopback: one operator held 30 req/s for 13 s, unthrottled, while every
    // request of the other landed between tokens; they finished 1.2–1.4x apart.
    for (const stagger of [0, 37, 150, 400]) {
      const { spread, ops } = await runShared(2, { work: 1800, stagger, fixedMs: 80 })
      expect(ops.every((op) => op.done === 1800)).toBe(true)
      expect(spread, `started ${stagger} ms apart`).toBeLessThanOrEqual(1.1)
    }
  })

  it('four operators converge too', async () => {
    const { aggregateShare, spread } = await runShared(4, { work: 900 })
    expect(spread).toBeLessThanOrEqual(1.1)
    expect(aggregateShare).toBeGreaterThanOrEqual(0.98)
  })

  it('four operators stay together whatever the luck of who is refused (twenty draws)', async () => {
    // Which request finds the account's bucket empty is luck. With a fixed cut (to 80%) a lucky
    // operator's gains lasted: 5 of these 20 draws finished more than 1.1x apart (up to 1.14x), as one
    // in three four-operator runs did on the simulator. Even tokens handed out at random leave a
    // spread of about 1.03x (up to 1.08x), so one draw in twenty may pass 1.1x.
    const spreads: number[] = []
    for (let seed = 1; seed <= 20; seed++) spreads.push((await runShared(4, { work: 900, seed: seed * 7919 })).spread)
    const apart = spreads.filter((spread) => spread > 1.1)
    expect(apart.length, spreads.map((spread) => spread.toFixed(3)).join(' ')).toBeLessThanOrEqual(1)
  })

  it('a late starter catches up to an equal share instead of staying slow', async () => {
    const clock = new Scheduler()
    const account = new AccountBucket(clock)
    const early = startOperator(clock, account, { work: 3000 })
    const late = startOperator(clock, account, { work: 3000, startAt: 5000 })
    await clock.run(() => early.finishedAt !== undefined, 3_600_000)
    // Seconds 15–95: both running for a while; each should hold close to half the quota.
    const window = (op: Operator) => op.perSecond.slice(15, 95).reduce((a, b) => a + (b ?? 0), 0) / 80
    expect(window(early) / window(late)).toBeGreaterThan(0.8)
    expect(window(early) / window(late)).toBeLessThan(1.25)
    expect(window(early) + window(late)).toBeGreaterThanOrEqual(0.95 * QUOTA)
  })

  it('a lone operator regains the full rate within about a second of the last throttle', async () => {
    let now = 0
    const sleep = async (ms: number): Promise<void> => {
      now += ms
    }
    const limiter = new RateLimiter({ ratePerSecond: QUOTA, now: () => now, sleep })
    for (let i = 0; i < 40; i++) {
      limiter.onThrottled()
      now += 300
    }
    expect(limiter.rate).toBe(QUOTA / 10)
    const lastThrottle = now - 300
    // Alone now: every request paced by the limiter goes through.
    while (limiter.rate < QUOTA) {
      await limiter.acquire()
      limiter.onSuccess()
    }
    expect(now - lastThrottle).toBeLessThanOrEqual(1200)
  })
})
