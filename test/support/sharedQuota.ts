/**
 * Operators sharing one account quota on a simulated clock: each operator a RateLimiter as in its own
 * process, the account a token bucket at the quota (a second's worth of burst, as Cognito's). Nothing
 * waits for real, so every draw is exact and repeatable. The limiter tests and the fairness bench use it.
 */
import { RateLimiter } from '../../src/main/cognito/rateLimiter'

export const QUOTA = 30
const BACKOFF_MS = 100

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

/** Timers on a virtual clock, fired in time order once every promise chain has settled. */
export class Scheduler {
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

/**
 * The account's quota: refilled continuously, a request answered ok only while a token is left. With a
 * `refuseShare`, that share of requests is also refused at random, as the simulator's fault mode does.
 */
export class AccountBucket {
  private tokens = QUOTA
  private last = 0
  private readonly random: () => number
  constructor(
    private readonly clock: Scheduler,
    private readonly refuseShare = 0,
    seed = 1
  ) {
    this.random = seeded(seed)
  }
  take(): boolean {
    if (this.refuseShare > 0 && this.random() < this.refuseShare) return false
    this.tokens = Math.min(QUOTA, this.tokens + ((this.clock.now - this.last) / 1000) * QUOTA)
    this.last = this.clock.now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

export interface Operator {
  limiter: RateLimiter
  done: number
  /** Requests sent, the refused ones included. */
  sent: number
  finishedAt?: number
  /** Requests answered ok in each simulated second. */
  perSecond: number[]
}

export interface OperatorOptions {
  /** Requests the operator must have answered. */
  work: number
  /** Workers sending at once (6 unless given). */
  inFlight?: number
  startAt?: number
  /** Every answer after exactly this long, instead of 40–120 ms. */
  fixedMs?: number
  seed?: number
}

/** Each operator sends `work` requests from `inFlight` workers; throttled ones are sent again after a pause. */
export function startOperator(clock: Scheduler, account: AccountBucket, options: OperatorOptions): Operator {
  const { work, inFlight = 6, startAt = 0, fixedMs, seed = 0 } = options
  const op: Operator = {
    limiter: new RateLimiter({ ratePerSecond: QUOTA, now: () => clock.now, sleep: clock.sleep, random: seeded(seed + startAt + 11 + work) }),
    done: 0,
    sent: 0,
    perSecond: []
  }
  let claimed = 0
  const latency = latencies(seed + startAt + 7 + work, fixedMs)
  const worker = async (): Promise<void> => {
    await clock.sleep(startAt)
    while (claimed < work) {
      claimed++
      for (;;) {
        await op.limiter.acquire()
        op.sent++
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

export interface SharedRun {
  ops: Operator[]
  /** All operators' work over the shared window (first start to last finish), of the quota. */
  aggregateShare: number
  /** The last finish over the first (both from the first start). */
  spread: number
}

/** `operators` operators with equal work, started `stagger` ms apart, until the last finishes. */
export async function runShared(operators: number, options: OperatorOptions & { stagger?: number; refuseShare?: number }): Promise<SharedRun> {
  const { stagger = 0, seed = 0, refuseShare = 0, ...each } = options
  const clock = new Scheduler()
  const account = new AccountBucket(clock, refuseShare, seed + 17)
  const ops = Array.from({ length: operators }, (_, i) => startOperator(clock, account, { ...each, startAt: i * stagger, seed: seed + 1000 * i }))
  await clock.run(() => ops.every((op) => op.finishedAt !== undefined), 3_600_000)
  const finishes = ops.map((op) => op.finishedAt!)
  return {
    ops,
    aggregateShare: (operators * each.work) / ((Math.max(...finishes) / 1000) * QUOTA),
    spread: Math.max(...finishes) / Math.min(...finishes)
  }
}
