/**
 * Reading the pool through ListUsers: one page at a time, whole partitions (`sub ^= "prefix"`), the
 * check that Cognito honours that filter, and running partitions side by side.
 *
 * Every request goes through CognitoGateway.send, so the one UserList limiter paces all partitions
 * together and slows down on throttling. A page counts only once its response has arrived; a retry
 * asks again with the same pagination token, so a page is never skipped or counted twice.
 */
import { setMaxListeners } from 'node:events'
import { DescribeUserPoolCommand, ListUsersCommand, type ListUsersCommandOutput, type UserType } from '@aws-sdk/client-cognito-identity-provider'
import type { CognitoGateway } from '../cognito/gateway'
import { nameOf } from '../cognito/gateway'
import { abortableSleep } from '../cognito/rateLimiter'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { ScannedUser } from './tally'

/** ListUsers' largest page. */
export const PAGE_SIZE = 60

/** Raised when a partition returns a user whose sub lacks the partition's prefix. */
export class FilterNotHonoredError extends Error {
  constructor(prefix: string, sub: string | undefined) {
    super(`Cognito answered the filter sub ^= "${prefix}" with a user whose sub is ${sub ?? 'missing'}`)
    this.name = 'FilterNotHonoredError'
  }
}

// Failures worth asking the same page again for; the gateway has already retried throttling a few
// times, but a scan of a million users should ride out a longer storm or a dropped connection.
const RETRYABLE = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'InternalErrorException',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'TimeoutError',
  'RequestTimeout',
  'ServiceUnavailable'
])
const PAGE_ATTEMPTS = 8

function isRetryable(error: unknown): boolean {
  if (RETRYABLE.has(nameOf(error))) return true
  const cause = (error as { cause?: unknown } | null)?.cause
  if (cause && RETRYABLE.has(nameOf(cause))) return true
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode
  return typeof status === 'number' && status >= 500
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
}

export interface Page {
  users: ScannedUser[]
  next: string | undefined
}

/** One ListUsers page; transient failures are retried with the same token, with backoff. */
export async function listPage(gateway: CognitoGateway, request: PageRequest, signal: AbortSignal): Promise<Page> {
  // AttributesToGet is left out on purpose: naming a custom attribute fails when a user lacks it.
  const command = new ListUsersCommand({
    UserPoolId: gateway.userPoolId,
    Limit: request.limit ?? PAGE_SIZE,
    ...(request.filter ? { Filter: request.filter } : {}),
    ...(request.token ? { PaginationToken: request.token } : {})
  })
  for (let attempt = 1; ; attempt++) {
    try {
      const output = await gateway.send<ListUsersCommandOutput>(command, { signal })
      return { users: (output.Users ?? []).map(toScannedUser), next: output.PaginationToken || undefined }
    } catch (error) {
      if (signal.aborted) throw signal.reason
      if (!isRetryable(error) || attempt >= PAGE_ATTEMPTS) throw error
      await abortableSleep(Math.min(10_000, 500 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2), signal)
    }
  }
}

export const subPrefixFilter = (prefix: string): string => `sub ^= "${prefix}"`

/**
 * Reads one partition to its end.
 * @param onPage called with each page's users, in order, before the next page is requested
 * @returns the number of pages read
 */
export async function scanPartition(
  gateway: CognitoGateway,
  prefix: string,
  signal: AbortSignal,
  onPage: (users: ScannedUser[]) => Promise<void> | void
): Promise<number> {
  const filter = prefix === '' ? undefined : subPrefixFilter(prefix)
  let token: string | undefined
  let pages = 0
  do {
    const page = await listPage(gateway, { filter, token }, signal)
    if (prefix !== '') {
      const stray = page.users.find((user) => !user.sub?.startsWith(prefix))
      if (stray) throw new FilterNotHonoredError(prefix, stray.sub)
    }
    pages++
    await onPage(page.users)
    token = page.next
  } while (token)
  return pages
}

export type FilterCheck = { kind: 'empty' } | { kind: 'partitioned' } | { kind: 'sequential'; reason: string }

const HEX = '0123456789abcdef'

/**
 * AWS does not document `sub ^=`, so before partitioning on it the scan checks it on this pool:
 * a known user's full sub must find exactly that user, and a prefix the user lacks must return only
 * users with that prefix (a filter that is silently ignored would otherwise count everyone 16 times).
 */
export async function checkSubPrefixFilter(gateway: CognitoGateway, signal: AbortSignal): Promise<FilterCheck> {
  const first = await firstUser(gateway, signal)
  if (first === null) return { kind: 'empty' }
  const sub = first.sub
  if (!sub || !/^[0-9a-f]/.test(sub))
    return { kind: 'sequential', reason: `The first user's sub (${sub ?? 'missing'}) is not a lowercase hex UUID, so the pool cannot be split by sub prefix.` }
  try {
    const own = await listPage(gateway, { filter: subPrefixFilter(sub), limit: 1 }, signal)
    if (!own.users.some((user) => user.sub === sub)) {
      return {
        kind: 'sequential',
        reason: `The filter sub ^= "…" returned nothing for a user known to exist (${first.username}), so the pool is read in one sequential pass.`
      }
    }
    const other = HEX[(HEX.indexOf(sub[0]!) + 1) % 16]!
    const others = await listPage(gateway, { filter: subPrefixFilter(other), limit: PAGE_SIZE }, signal)
    if (others.users.some((user) => !user.sub?.startsWith(other))) {
      return {
        kind: 'sequential',
        reason: 'Cognito ignored the filter sub ^= "…" (it returned users without the prefix), so the pool is read in one sequential pass.'
      }
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason
    return {
      kind: 'sequential',
      reason: `Cognito rejected the filter sub ^= "…" (${nameOf(error)}: ${(error as Error).message}), so the pool is read in one sequential pass.`
    }
  }
  return { kind: 'partitioned' }
}

async function firstUser(gateway: CognitoGateway, signal: AbortSignal): Promise<ScannedUser | null> {
  let token: string | undefined
  // An empty first page with a token is legal, so a few pages are followed before calling the pool empty.
  for (let i = 0; i < 5; i++) {
    const page = await listPage(gateway, { limit: 1, token }, signal)
    if (page.users[0]) return page.users[0]
    token = page.next
    if (!token) return null
  }
  return null
}

/** Cognito's own estimate of the pool's size (UserPoolRead quota, not UserList); undefined if unavailable. */
export async function estimatedUserCount(gateway: CognitoGateway, signal: AbortSignal): Promise<number | undefined> {
  try {
    const output = await gateway.send<{ UserPool?: { EstimatedNumberOfUsers?: number } }>(new DescribeUserPoolCommand({ UserPoolId: gateway.userPoolId }), {
      signal,
      maxAttempts: 2
    })
    return output.UserPool?.EstimatedNumberOfUsers
  } catch {
    if (signal.aborted) throw signal.reason
    return undefined
  }
}

/**
 * How a pool of this size is split. Small pools: 16 partitions. Larger ones: the sub space under "0"
 * and "1" in 32 fine partitions, read first, and the rest in 14 coarse ones. The fine partitions finish
 * early and one after another, which is what the running estimate needs; the coarse ones waste few
 * half-empty last pages (each partition ends on one), which is what speed needs — 256 equal partitions
 * of a 100k pool would spend 8% of the quota on half-empty pages.
 */
export function partitionPlan(estimatedUsers: number | undefined, digits?: 1 | 2): string[] {
  if (digits) return hexPrefixes(digits)
  if ((estimatedUsers ?? Infinity) < FINE_PARTITION_THRESHOLD) return hexPrefixes(1)
  const fine = hexPrefixes(2).filter((prefix) => prefix[0] === '0' || prefix[0] === '1')
  const coarse = hexPrefixes(1).filter((prefix) => prefix !== '0' && prefix !== '1')
  return [...fine, ...coarse]
}

/** Below this many users 16 partitions are enough; finer ones would mostly be near-empty requests. */
const FINE_PARTITION_THRESHOLD = 20_000

/** The share of the sub space a prefix covers: 1/16 per hex digit. */
export function prefixFraction(prefix: string): number {
  return 16 ** -prefix.length
}

/** All prefixes of the given number of hex digits: "0".."f" or "00".."ff". */
export function hexPrefixes(digits: 1 | 2): string[] {
  const count = 16 ** digits
  return Array.from({ length: count }, (_, i) => i.toString(16).padStart(digits, '0'))
}

export interface PoolRunOptions {
  items: readonly string[]
  concurrency: number
  /** Delay between starting one worker and the next. */
  staggerMs: number
  signal: AbortSignal
  task: (item: string, signal: AbortSignal) => Promise<void>
}

/**
 * Runs tasks with a fixed number of workers. Staggering the workers' starts spreads partitions'
 * finishing times, which would otherwise come in waves of `concurrency` at once. The first failure
 * stops the other workers and is rethrown.
 */
export async function runWorkers(options: PoolRunOptions): Promise<void> {
  const inner = new AbortController()
  const forward = (): void => inner.abort(options.signal.reason)
  if (options.signal.aborted) forward()
  else options.signal.addEventListener('abort', forward, { once: true })
  // Every worker's pending request and sleep listens on the signal; that is expected, not a leak.
  setMaxListeners(Math.max(10, options.concurrency * 4), inner.signal)
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async (index: number): Promise<void> => {
    if (index > 0 && options.staggerMs > 0) await abortableSleep(index * options.staggerMs, inner.signal)
    while (next < options.items.length && !inner.signal.aborted) await options.task(options.items[next++]!, inner.signal)
  }
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, options.items.length)) }, (_, i) =>
    worker(i).catch((error: unknown) => {
      if (failure) return
      failure = { error }
      inner.abort(error)
    })
  )
  try {
    await Promise.all(workers)
  } finally {
    options.signal.removeEventListener('abort', forward)
  }
  if (failure) throw (failure as { error: unknown }).error
  options.signal.throwIfAborted()
}
