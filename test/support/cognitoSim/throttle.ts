/**
 * Which requests the simulator throttles: per Cognito quota category a token bucket at the rate the
 * options give (none when unset), and on top of that a seeded fraction of user reads and writes refused
 * at random, the way a busy pool sometimes throttles below its quota.
 */
import { hash32 } from './users'
import { Quota } from './wire'

export interface ThrottleOptions {
  seed: number
  quota?: number
  burst?: number
  readQuota?: number
  updateQuota?: number
  createQuota?: number
  throttleFraction?: number
}

type Category = 'list' | 'read' | 'update' | 'create'

/** Cognito's categories for the operations the simulator serves (ListUsers: UserList, and so on). */
const CATEGORY_OF: Record<string, Category> = {
  ListUsers: 'list',
  AdminGetUser: 'read',
  AdminUpdateUserAttributes: 'update',
  SignUp: 'create',
  AdminCreateUser: 'create'
}

/** The operations `throttleFraction` applies to: the per-user ones a bulk job sends. */
const RANDOMLY_THROTTLED = new Set(['AdminGetUser', 'AdminUpdateUserAttributes', 'SignUp', 'AdminCreateUser'])

export class SimThrottle {
  readonly quotas: Record<Category, Quota>
  private drawn = 0

  constructor(private readonly options: ThrottleOptions) {
    this.quotas = {
      list: new Quota(options.quota, options.burst),
      read: new Quota(options.readQuota, undefined),
      update: new Quota(options.updateQuota, undefined),
      create: new Quota(options.createQuota, undefined)
    }
  }

  /** True when the request may be answered, false when it gets TooManyRequestsException. */
  admit(operation: string): boolean {
    const fraction = this.options.throttleFraction ?? 0
    // Drawn from the seed and the request's place in line, so a run with the same order repeats exactly.
    // Checked before the quota, so a refusal at random takes no token from the bucket.
    if (fraction > 0 && RANDOMLY_THROTTLED.has(operation) && hash32(this.options.seed, this.drawn++, 30) / 4294967296 < fraction) return false
    const category = CATEGORY_OF[operation]
    return category === undefined || this.quotas[category].take()
  }
}
