/** The rate limiters of one connection, one per Cognito quota category (the command table says which a request counts against). */
import { commandFacts, QUOTA_DEFAULTS, type QuotaCategory } from './commands'
import { RateLimiter } from './rateLimiter'

/** ListUsers' largest page (a larger Limit is refused): with UserList's 30/s, at most 1,800 users a second. */
export const LIST_USERS_PAGE_SIZE = 60

/** One limiter per quota category, shared by everything that talks to one connection. */
export class QuotaLimiters {
  private readonly limiters = new Map<QuotaCategory, RateLimiter>()

  constructor(private readonly rates: Partial<Record<QuotaCategory, number>> = {}) {}

  get(category: QuotaCategory): RateLimiter {
    let limiter = this.limiters.get(category)
    if (!limiter) {
      limiter = new RateLimiter({ ratePerSecond: this.rates[category] ?? QUOTA_DEFAULTS[category] })
      this.limiters.set(category, limiter)
    }
    return limiter
  }

  /** The limiter of the command's quota category (the command table's); a command the table lacks is refused. */
  forCommand(commandName: string): RateLimiter {
    return this.get(commandFacts(commandName).quota)
  }
}

/**
 * A preview's AdminGetUser reads in flight at the start: 32 keeps 120 reads/s busy up to round trips of
 * about 260 ms. The UserRead limiter paces them, so more in flight sends no faster than the quota.
 */
export const PREVIEW_READ_CONCURRENCY = 32
/** However long the round trips, a preview keeps no more reads than this in flight. */
const PREVIEW_READ_MAX = 128

/**
 * How many reads a preview keeps in flight, from the round trips seen so far: the UserRead rate times
 * the round trip, and half again for their spread. On a busy machine a round trip is the network's
 * time plus the event loop's delay at both ends: with the load at 10 on 2 cores it was about 500 ms,
 * and 32 reads in flight read 64 users a second against UserRead's 120.
 */
export class PreviewReadsInFlight {
  private roundTripMs: number | null = null

  constructor(private readonly limiter: RateLimiter) {}

  /** For SendOptions.onAnswered: a read's time on the wire, without its wait for the limiter. */
  readonly answered = (ms: number): void => {
    this.roundTripMs = this.roundTripMs === null ? ms : 0.9 * this.roundTripMs + 0.1 * ms
  }

  /** For runWorkers' `wanted`. */
  readonly wanted = (): number => {
    if (this.roundTripMs === null) return PREVIEW_READ_CONCURRENCY
    const needed = Math.ceil(((this.limiter.rate * this.roundTripMs) / 1000) * 1.5)
    return Math.min(PREVIEW_READ_MAX, Math.max(PREVIEW_READ_CONCURRENCY, needed))
  }
}
