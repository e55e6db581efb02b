/**
 * A token bucket that paces calls to one Cognito quota category. The quota is shared with every other
 * caller in the account, so the rate adapts by additive increase, multiplicative decrease: a throttle
 * cuts it by a fraction that grows with the caller's share of the quota, and every second without one
 * adds the same number of requests per second to every caller whatever its current rate. Cuts shrink
 * the gap between a fast and a slow caller while the climbs keep it, so operators in separate processes
 * converge to equal shares; a lone caller climbs from the floor to the full rate within about a second
 * of the last throttle.
 *
 * The burst is a quarter-second's worth: Cognito's own bucket absorbs small clumps, but a client that
 * bursts a full second's worth and then paces at the quota collides with it. Many requests in flight
 * are throttled together, so only one cut is made per cool-down window, not one per answer.
 *
 * Waiting callers are served by priority, then in the order they came: a scan ranks its partitions so
 * that they finish one after another (what its running estimate needs) rather than all at the end.
 */
export interface RateLimiterOptions {
  /** Requests per second allowed by the quota. */
  ratePerSecond: number
  /** Tokens that may be spent at once; defaults to a quarter-second's worth. */
  burst?: number
  /** The floor the adaptive rate never drops below. */
  minRatePerSecond?: number
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Draws the spacing jitter; a test passes a seeded one. */
  random?: () => number
}

export class RateLimiter {
  private readonly configuredRate: number
  private currentRate: number
  private readonly minRate: number
  private readonly burst: number
  private tokens: number
  private lastRefill: number
  private lastClimbAt: number
  private lastThrottleAt = Number.NEGATIVE_INFINITY
  private lastCutAt = Number.NEGATIVE_INFINITY
  private answeredCount = 0
  private readonly idleWaiters: (() => void)[] = []
  private readonly waiting: Waiter[] = []
  private serving = false
  /** Tokens beyond one that the next request waits for: see SPACING_JITTER. */
  private spacing = 0
  private readonly random: () => number
  private readonly now: () => number
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>

  constructor(options: RateLimiterOptions) {
    this.configuredRate = options.ratePerSecond
    this.currentRate = options.ratePerSecond
    this.minRate = options.minRatePerSecond ?? Math.max(1, options.ratePerSecond / 10)
    this.burst = options.burst ?? defaultBurst(options.ratePerSecond)
    this.tokens = this.burst
    this.now = options.now ?? (() => performance.now())
    this.sleep = options.sleep ?? abortableSleep
    this.random = options.random ?? Math.random
    this.lastRefill = this.now()
    this.lastClimbAt = this.lastRefill
  }

  /**
   * Resolves once no caller waits for a token (at once if none does now), or when `signal` aborts. A
   * caller backing off after a throttle then leaves its process's share of the quota unused.
   */
  whenIdle(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (this.waiting.length === 0 || signal?.aborted) return resolve()
      const done = (): void => {
        signal?.removeEventListener('abort', done)
        const at = this.idleWaiters.indexOf(done)
        if (at >= 0) this.idleWaiters.splice(at, 1)
        resolve()
      }
      this.idleWaiters.push(done)
      signal?.addEventListener('abort', done, { once: true })
    })
  }

  /** Requests answered through this limiter so far: a retry tells contention from a storm by it. */
  get answered(): number {
    return this.answeredCount
  }

  /** The rate the limiter currently paces at (lower than configured after throttling). */
  get rate(): number {
    return this.currentRate
  }

  get configured(): number {
    return this.configuredRate
  }

  /**
   * Waits until one request may be sent. Callers are served by `priority` (lower first), then in the
   * order they arrive; a cancelled caller leaves the line at once.
   */
  acquire(signal?: AbortSignal, priority = 0): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const onAbort = (): void => {
        const at = this.waiting.indexOf(waiter)
        if (at >= 0) this.waiting.splice(at, 1)
        this.notifyIfIdle()
        reject(signal?.reason)
      }
      const waiter: Waiter = {
        priority,
        admit: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      let at = this.waiting.length
      while (at > 0 && this.waiting[at - 1]!.priority > priority) at--
      this.waiting.splice(at, 0, waiter)
      void this.serve()
    })
  }

  /**
   * Cognito said TooManyRequests: cut the pace by a fraction that grows with it (never under the floor)
   * and drop saved-up burst. Further throttles within the cool-down are the same congestion answered for
   * requests already in flight: they restart the climb but cut no further, and do not reset its doubling
   * either, or the caller with more requests refused (the slower one, whose retries are refused too)
   * would climb slowest.
   */
  onThrottled(): void {
    this.tokens = Math.min(this.tokens, 0)
    const now = this.now()
    this.lastClimbAt = now
    if (now - this.lastCutAt < THROTTLE_COOLDOWN_MS) return
    this.lastThrottleAt = now
    this.lastCutAt = now
    const cut = Math.min(MAX_CUT, CUT_PER_SHARE * (this.currentRate / this.configuredRate))
    this.currentRate = Math.max(this.minRate, this.currentRate * (1 - cut))
  }

  /**
   * A request went through: climb by the time since the last climb times a slope that depends only on the
   * time since the last throttle, never on the rate, so every caller gains the same amount. The slope
   * starts gentle (callers near the shared ceiling take turns being cut and even out) and doubles every
   * quarter second without a throttle, so a caller left alone is back at the full rate within about a second.
   */
  onSuccess(): void {
    this.answeredCount++
    const now = this.now()
    const elapsedSeconds = Math.max(0, now - this.lastClimbAt) / 1000
    this.lastClimbAt = now
    if (this.currentRate >= this.configuredRate) return
    const quiet = Math.min(MAX_DOUBLINGS, Math.floor((now - this.lastThrottleAt) / DOUBLING_MS))
    const slope = this.configuredRate * BASE_CLIMB_PER_SECOND * 2 ** quiet
    this.currentRate = Math.min(this.configuredRate, this.currentRate + elapsedSeconds * slope)
  }

  private refill(): void {
    const now = this.now()
    const elapsedSeconds = (now - this.lastRefill) / 1000
    this.lastRefill = now
    this.tokens = Math.min(this.burst, this.tokens + elapsedSeconds * this.currentRate)
  }

  /** Hands out tokens to the waiting callers, first in line first, sleeping while the bucket is empty. */
  private async serve(): Promise<void> {
    if (this.serving) return
    this.serving = true
    try {
      while (this.waiting.length > 0) {
        this.refill()
        if (this.tokens >= 1) {
          this.tokens -= 1
          this.spacing = this.random() * SPACING_JITTER
          this.waiting.shift()!.admit()
          continue
        }
        // Paced (the bucket is empty): wait for the drawn fraction more, never past what the bucket holds.
        const waitMs = ((Math.min(this.burst, 1 + this.spacing) - this.tokens) / this.currentRate) * 1000
        await this.sleep(Math.max(1, waitMs))
      }
    } finally {
      this.serving = false
      this.notifyIfIdle()
    }
  }

  private notifyIfIdle(): void {
    if (this.waiting.length === 0) for (const wake of [...this.idleWaiters]) wake()
  }
}

interface Waiter {
  priority: number
  admit: () => void
}

/** About one round trip: throttles answered within it are for requests sent before the cut. */
const THROTTLE_COOLDOWN_MS = 250
/**
 * A throttle cuts the rate by this times the caller's share of the quota (20% at a quarter of it, 40% at
 * half), at most by MAX_CUT. Which caller's request finds the account's bucket empty is luck. With a
 * fixed cut (to 80%) a lucky caller's gains lasted: four operators on one quota finished more than 1.1x
 * apart in 9 of 100 draws (bench/limiter-fairness), up to 1.13x. A cut that deepens with the rate takes
 * back more from whoever is ahead: none of 100 (at worst 1.09x), with 41% fewer requests refused.
 */
const CUT_PER_SHARE = 0.8
const MAX_CUT = 0.6
/**
 * A paced request waits for up to one token more than the one it takes, drawn at random; the tokens are
 * kept, so the rate is the same (and a burst is not delayed). Without it, a caller at the full quota
 * sends in lock-step with the account's bucket (each request as its token forms), is never throttled and
 * never cut, and every other caller's request lands between tokens and is refused: on the simulator over
 * loopback, one operator held 30 req/s for 13 s while none of the other's requests were answered. Sends
 * spread over a token's time leave tokens for the others, whose takings throttle the fast caller.
 */
const SPACING_JITTER = 1
/** The first quarter-second's climb, as a share of the configured rate per second. */
const BASE_CLIMB_PER_SECOND = 0.2
const DOUBLING_MS = 250
const MAX_DOUBLINGS = 5

function defaultBurst(ratePerSecond: number): number {
  return Math.max(1, Math.ceil(ratePerSecond / 4))
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
