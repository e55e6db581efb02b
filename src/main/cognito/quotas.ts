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
 * A preview's AdminGetUser reads in flight: 32 keeps 120 reads/s busy up to round trips of about 260 ms.
 * On a busy machine a round trip is the network's time plus the event loop's delay, and 16 left the
 * preview at 90% of UserRead. The UserRead limiter paces them, so more in flight sends no faster than the quota.
 */
export const PREVIEW_READ_CONCURRENCY = 32
