/**
 * Several limiters sharing one account quota, on a simulated clock: each limiter is an operator in its own
 * process, the account a token bucket at the quota (a second's worth of burst, as Cognito's). Nothing waits
 * for real, so the figures are exact and repeatable.
 */
import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../src/main/cognito/rateLimiter'

const QUOTA = 30
/** A seeded generator of [0, 1), so every run is the same. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}
/** Answers take 40–120 ms, or exactly `fixedMs` (a loopback, where nothing jitters). */
function latencies(seed: number, fixedMs?: number): () => number {
  const random = seeded(seed)
  return () => fixedMs ?? 40 + random() * 80
}
const BACKOFF_MS = 100

/** Timers on a virtual clock, fired in time order once every promise chain has settled. */
class Scheduler {
  now = 0
  private timers: { at: number; seq: number; fire: () => void }[] = []
  private seq = 0

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.now + Math.max(0, ms), seq: this.seq++, fire: resolve })
    })

  async run(until: () => boolean, limitMs: number): Promise<void> {
    while (!until() && this.now <= limitMs) {
      await new Promise((resolve) => setImmediate(resolve))
      if (this.timers.length === 0) continue
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.timers.shift()!
      this.now = next.at
      next.fire()
    }
  }
}

/** The account's quota: refilled continuously, a request answered ok only while a token is left. */
class AccountBucket {
  private tokens = QUOTA
  private last = 0
  constructor(private readonly clock: Scheduler) {}
  take(): boolean {
    this.tokens = Math.min(QUOTA, this.tokens + ((this.clock.now - this.last) / 1000) * QUOTA)
    this.last = this.clock.now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

interface Operator {
  limiter: RateLimiter
  done: number
  finishedAt?: number
  /** Requests answered ok in each simulated second. */
  perSecond: number[]
}

/** Each operator sends `work` requests from `inFlight` workers; throttled ones are sent again after a pause. */
function startOperator(clock: Scheduler, account: AccountBucket, work: number, inFlight: number, startAt = 0, fixedMs?: number): Operator {
  const op: Operator = {
    limiter: new RateLimiter({ ratePerSecond: QUOTA, now: () => clock.now, sleep: clock.sleep, random: seeded(startAt + 11 + work) }),
    done: 0,
    perSecond: []
  }
  let claimed = 0
  const latency = latencies(startAt + 7 + work, fixedMs)
  const worker = async (): Promise<void> => {
    await clock.sleep(startAt)
    while (claimed < work) {
      claimed++
      for (;;) {
        await op.limiter.acquire()
        await clock.sleep(latency())
        if (account.take()) {
          op.limiter.onSuccess()
          const second = Math.floor(clock.now / 1000)
          op.perSecond[second] = (op.perSecond[second] ?? 0) + 1
          break
        }
        op.limiter.onThrottled()
        await clock.sleep(BACKOFF_MS)
      }
      op.done++
      if (op.done === work) op.finishedAt = clock.now
    }
  }
  for (let i = 0; i < inFlight; i++) void worker()
  return op
}

async function runShared(operators: number, work: number, stagger = 0, fixedMs?: number) {
  const clock = new Scheduler()
  const account = new AccountBucket(clock)
  const ops = Array.from({ length: operators }, (_, i) => startOperator(clock, account, work, 6, i * stagger, fixedMs))
  await clock.run(() => ops.every((op) => op.finishedAt !== undefined), 3_600_000)
  const finishes = ops.map((op) => op.finishedAt!)
  return {
    ops,
    aggregateShare: (operators * work) / ((Math.max(...finishes) / 1000) * QUOTA),
    spread: Math.max(...finishes) / Math.min(...finishes)
  }
}

describe('RateLimiter sharing one quota', () => {
  it('two operators with equal work converge to equal shares and use the quota', async () => {
    const { aggregateShare, spread, ops } = await runShared(2, 1800)
    expect(ops.every((op) => op.done === 1800)).toBe(true)
    expect(spread).toBeLessThanOrEqual(1.1)
    expect(aggregateShare).toBeGreaterThanOrEqual(0.98)
  })

  it('an operator at the full quota does not lock step with the bucket and starve another (answers that never jitter)', async () => {
    // Seen on the simulator over loopback: one operator held 30 req/s for 13 s, unthrottled, while every
    // request of the other landed between tokens; they finished 1.2–1.4x apart.
    for (const stagger of [0, 37, 150, 400]) {
      const { spread, ops } = await runShared(2, 1800, stagger, 80)
      expect(ops.every((op) => op.done === 1800)).toBe(true)
      expect(spread, `started ${stagger} ms apart`).toBeLessThanOrEqual(1.1)
    }
  })

  it('four operators converge too', async () => {
    const { aggregateShare, spread } = await runShared(4, 900)
    expect(spread).toBeLessThanOrEqual(1.1)
    expect(aggregateShare).toBeGreaterThanOrEqual(0.98)
  })

  it('a late starter catches up to an equal share instead of staying slow', async () => {
    const clock = new Scheduler()
    const account = new AccountBucket(clock)
    const early = startOperator(clock, account, 3000, 6)
    const late = startOperator(clock, account, 3000, 6, 5000)
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
