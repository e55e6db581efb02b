import { RateLimiter } from './rateLimiter'

/**
 * Cognito's request-rate quota categories (per account and region) and the operations this app sends
 * in each. Defaults are the documented ones; ListUsers' 30/s cannot be raised.
 */
export const QUOTA_DEFAULTS = {
  UserList: 30,
  UserRead: 120,
  UserCreation: 50,
  UserUpdate: 25,
  UserAuthentication: 120,
  UserPoolRead: 15,
  UserAccountRecovery: 30,
  UserPoolResourceRead: 20
} as const
export type QuotaCategory = keyof typeof QUOTA_DEFAULTS

/** ListUsers' largest page (a larger Limit is refused): with UserList's 30/s, at most 1,800 users a second. */
export const LIST_USERS_PAGE_SIZE = 60

const CATEGORY_OF_COMMAND: Record<string, QuotaCategory> = {
  ListUsersCommand: 'UserList',
  AdminGetUserCommand: 'UserRead',
  SignUpCommand: 'UserCreation',
  AdminCreateUserCommand: 'UserCreation',
  ConfirmSignUpCommand: 'UserAuthentication',
  ResendConfirmationCodeCommand: 'UserAuthentication',
  AdminConfirmSignUpCommand: 'UserUpdate',
  AdminUpdateUserAttributesCommand: 'UserUpdate',
  AdminEnableUserCommand: 'UserUpdate',
  AdminDisableUserCommand: 'UserUpdate',
  AdminDeleteUserCommand: 'UserUpdate',
  AdminUserGlobalSignOutCommand: 'UserUpdate',
  AdminAddUserToGroupCommand: 'UserUpdate',
  AdminRemoveUserFromGroupCommand: 'UserUpdate',
  AdminResetUserPasswordCommand: 'UserAccountRecovery',
  AdminListGroupsForUserCommand: 'UserRead',
  ListGroupsCommand: 'UserPoolResourceRead',
  DescribeUserPoolCommand: 'UserPoolRead'
}

export function quotaCategoryOf(commandName: string): QuotaCategory {
  return CATEGORY_OF_COMMAND[commandName] ?? 'UserPoolRead'
}

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

  forCommand(commandName: string): RateLimiter {
    return this.get(quotaCategoryOf(commandName))
  }
}
