/**
 * Reading the pool through ListUsers: one page, or one partition (`sub ^= "prefix"`) to its end.
 *
 * Every request goes through CognitoGateway.send, so the one UserList limiter paces all partitions
 * together, and the gateway's long patience rides out throttling storms and dropped connections. A
 * retry asks again with the same pagination token, so a page is never skipped or counted twice.
 */
import { ListUsersCommand, type ListUsersCommandOutput, type UserType } from '@aws-sdk/client-cognito-identity-provider'
import type { CognitoGateway } from '../cognito/gateway'
import { LIST_USERS_PAGE_SIZE } from '../cognito/quotas'
import { TIER_ATTRIBUTE } from '../../shared/tiers'

/** What a scan keeps of one user while counting and listing. */
export interface ScannedUser {
  username: string
  sub: string | undefined
  email: string | null
  /** The raw custom:user_tier value, '' when missing. */
  tierValue: string
  status: string
  enabled: boolean
  createdAt: Date | undefined
}

/** Raised when a partition returns a user whose sub lacks the partition's prefix. */
export class FilterNotHonoredError extends Error {
  constructor(prefix: string, sub: string | undefined) {
    super(`Cognito answered the filter sub ^= "${prefix}" with a user whose sub is ${sub ?? 'missing'}`)
    this.name = 'FilterNotHonoredError'
  }
}

export function toScannedUser(user: UserType): ScannedUser {
  const attribute = (name: string): string | undefined => user.Attributes?.find((a) => a.Name === name)?.Value
  const created = user.UserCreateDate
  return {
    username: user.Username ?? '',
    sub: attribute('sub'),
    email: attribute('email') ?? null,
    tierValue: attribute(TIER_ATTRIBUTE) ?? '',
    status: user.UserStatus ?? 'UNKNOWN',
    enabled: user.Enabled !== false,
    createdAt: created instanceof Date ? created : created === undefined ? undefined : new Date(created as unknown as string)
  }
}

export interface PageRequest {
  filter?: string
  token?: string
  limit?: number
  /** The rate limiter's rank for this request (lower goes first); see RateLimiter.acquire. */
  priority?: number
}

export interface Page<U = ScannedUser> {
  users: U[]
  next: string | undefined
  /** How long Cognito took to answer, without the wait for the rate limiter. */
  latencyMs: number
}

/** One ListUsers page. */
export async function listPage(gateway: CognitoGateway, request: PageRequest, signal: AbortSignal): Promise<Page> {
  const page = await listRawPage(gateway, request, signal)
  return { ...page, users: page.users.map(toScannedUser) }
}

/** One ListUsers page as Cognito sent it: the export needs every attribute, the scan only a few. */
export async function listRawPage(gateway: CognitoGateway, request: PageRequest, signal: AbortSignal): Promise<Page<UserType>> {
  // AttributesToGet is left out on purpose: naming a custom attribute fails when a user lacks it.
  const command = new ListUsersCommand({
    UserPoolId: gateway.userPoolId,
    Limit: request.limit ?? LIST_USERS_PAGE_SIZE,
    ...(request.filter ? { Filter: request.filter } : {}),
    ...(request.token ? { PaginationToken: request.token } : {})
  })
  let latencyMs = 0
  const output = await gateway.send<ListUsersCommandOutput>(command, {
    signal,
    patience: 'long',
    priority: request.priority,
    onAnswered: (ms) => (latencyMs = ms)
  })
  return { users: output.Users ?? [], next: output.PaginationToken || undefined, latencyMs }
}

const subOf = (user: UserType): string | undefined => user.Attributes?.find((a) => a.Name === 'sub')?.Value

export const subPrefixFilter = (prefix: string): string => `sub ^= "${prefix}"`

/** What a partition reader is told about each page besides its users, e.g. for SparsePageGuard. */
export interface PageFacts {
  latencyMs: number
  /** The partition's last page, which is partly filled in any pool. */
  lastPage: boolean
}

/**
 * Reads one partition to its end.
 * @param onPage called with each page's users, in order, before the next page is requested
 * @returns the number of pages read
 */
export function scanPartition(
  gateway: CognitoGateway,
  prefix: string,
  signal: AbortSignal,
  onPage: (users: ScannedUser[], facts: PageFacts) => Promise<void> | void,
  priority?: number
): Promise<number> {
  return scanRawPartition(gateway, prefix, signal, (users, facts) => onPage(users.map(toScannedUser), facts), priority)
}

/** scanPartition with the users as Cognito sent them. */
export async function scanRawPartition(
  gateway: CognitoGateway,
  prefix: string,
  signal: AbortSignal,
  onPage: (users: UserType[], facts: PageFacts) => Promise<void> | void,
  /** The partition's rank at the rate limiter: a scan finishes its partitions in this order. */
  priority?: number
): Promise<number> {
  const filter = prefix === '' ? undefined : subPrefixFilter(prefix)
  let token: string | undefined
  let pages = 0
  do {
    const page = await listRawPage(gateway, { filter, token, priority }, signal)
    if (prefix !== '') {
      const stray = page.users.find((user) => !subOf(user)?.startsWith(prefix))
      if (stray) throw new FilterNotHonoredError(prefix, subOf(stray))
    }
    pages++
    await onPage(page.users, { latencyMs: page.latencyMs, lastPage: page.next === undefined })
    token = page.next
  } while (token)
  return pages
}
