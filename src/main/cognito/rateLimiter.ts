/**
 * A token bucket that paces calls to one Cognito quota category. It lowers its own rate while Cognito
 * answers TooManyRequestsException (the quota is shared with every other caller in the account), and
 * climbs back toward the configured rate after a run of successes.
 *
 * The burst is a quarter-second's worth: Cognito's own bucket absorbs small clumps, but a client that
 * bursts a full second's worth and then paces at the quota collides with it. Many requests in flight
 * are throttled together, so only one cut is made per cool-down window, not one per answer.
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
}

export class RateLimiter {
  private readonly configuredRate: number
  private currentRate: number
  private readonly minRate: number
  private readonly burst: number
  private tokens: number
  private lastRefill: number
  private successesSinceThrottle = 0
  private lastCutAt = Number.NEGATIVE_INFINITY
  private queue: Promise<void> = Promise.resolve()
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
    this.lastRefill = this.now()
  }

  /** The rate the limiter currently paces at (lower than configured after throttling). */
  get rate(): number {
    return this.currentRate
  }

  get configured(): number {
    return this.configuredRate
  }

  /** Waits until one request may be sent. Calls are served in the order they arrive. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.takeToken(signal))
    // A cancelled waiter must not block the ones behind it.
    this.queue = turn.catch(() => undefined)
    return turn
  }

  /**
   * Cognito said TooManyRequests: slow to 70% (never under the floor) and drop saved-up burst. Further
   * throttles within the cool-down are the same congestion answered for requests already in flight.
   */
  onThrottled(): void {
    this.tokens = Math.min(this.tokens, 0)
    this.successesSinceThrottle = 0
    const now = this.now()
    if (now - this.lastCutAt < THROTTLE_COOLDOWN_MS) return
    this.lastCutAt = now
    this.currentRate = Math.max(this.minRate, this.currentRate * 0.7)
  }

  /** A request went through: after a quarter-second's worth of successes, step the pace up by 10%. */
  onSuccess(): void {
    if (this.currentRate >= this.configuredRate) return
    this.successesSinceThrottle += 1
    if (this.successesSinceThrottle >= Math.max(1, this.currentRate / 4)) {
      this.currentRate = Math.min(this.configuredRate, this.currentRate * 1.1)
      this.successesSinceThrottle = 0
    }
  }

  private refill(): void {
    const now = this.now()
    const elapsedSeconds = (now - this.lastRefill) / 1000
    this.lastRefill = now
    this.tokens = Math.min(this.burst, this.tokens + elapsedSeconds * this.currentRate)
  }

  private async takeToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted()
      this.refill()
      if (this.tokens >= 1) {
        this.tokens -= 1
        return
      }
      const waitMs = ((1 - this.tokens) / this.currentRate) * 1000
      await this.sleep(Math.max(1, waitMs), signal)
    }
  }
}

const THROTTLE_COOLDOWN_MS = 1000

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
