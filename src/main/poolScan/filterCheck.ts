/**
 * AWS does not document `sub ^=`, so before partitioning on it the scan checks it on this pool: a
 * known user's full sub must find that user, and a prefix the user lacks must return only users with
 * that prefix (a filter that is silently ignored would otherwise count everyone 16 times).
 *
 * Only Cognito's own answer is a verdict. A fault on the way (a dropped connection, a timeout, an
 * outage the gateway's retries could not ride out) says nothing about the filter, so it is thrown:
 * the scan stops as failed, keeping its finished partitions, instead of silently going sequential.
 */
import type { CognitoGateway } from '../cognito/gateway'
import { LIST_USERS_PAGE_SIZE } from '../cognito/quotas'
import { nameOf } from '../cognito/retryPolicy'
import { listPage, subPrefixFilter, type ScannedUser } from './listPages'

export type FilterCheck = { kind: 'empty' } | { kind: 'partitioned' } | { kind: 'sequential'; reason: string }

const HEX = '0123456789abcdef'

/**
 * An empty page with a token is legal (a backend may filter after it reads a page), so this many pages
 * are followed before an answer counts as "nothing".
 */
const PAGES_FOLLOWED = 5

const SEQUENTIAL = 'so the pool is read in one sequential pass'

export async function checkSubPrefixFilter(gateway: CognitoGateway, signal: AbortSignal): Promise<FilterCheck> {
  const first = await firstMatch(gateway, undefined, 1, signal)
  if (first === null) return { kind: 'empty' }
  const sub = first.sub
  if (!sub || !/^[0-9a-f]/.test(sub))
    return { kind: 'sequential', reason: `The first user's sub (${sub ?? 'missing'}) is not a lowercase hex UUID, so the pool cannot be split by sub prefix.` }
  try {
    const own = await firstMatch(gateway, subPrefixFilter(sub), LIST_USERS_PAGE_SIZE, signal)
    if (own?.sub !== sub) {
      const answered = own === null ? 'returned nothing' : `returned ${own.username} (sub ${own.sub ?? 'missing'}) instead`
      return { kind: 'sequential', reason: `Cognito ${answered} for the filter sub ^= "${sub}", the sub of ${first.username}, ${SEQUENTIAL}.` }
    }
    const other = HEX[(HEX.indexOf(sub[0]!) + 1) % 16]!
    const others = await listPage(gateway, { filter: subPrefixFilter(other), limit: LIST_USERS_PAGE_SIZE }, signal)
    const stray = others.users.find((user) => !user.sub?.startsWith(other))
    if (stray) {
      return {
        kind: 'sequential',
        reason: `Cognito ignored the filter sub ^= "${other}": it returned ${stray.username}, whose sub is ${stray.sub ?? 'missing'}, ${SEQUENTIAL}.`
      }
    }
  } catch (error) {
    if (nameOf(error) !== 'InvalidParameterException' || signal.aborted) throw error
    return { kind: 'sequential', reason: `Cognito rejected the filter sub ^= "…" (InvalidParameterException: ${(error as Error).message}), ${SEQUENTIAL}.` }
  }
  return { kind: 'partitioned' }
}

/** The first user a filter (or none) lists, following up to PAGES_FOLLOWED pages; null if none. */
async function firstMatch(gateway: CognitoGateway, filter: string | undefined, limit: number, signal: AbortSignal): Promise<ScannedUser | null> {
  let token: string | undefined
  for (let i = 0; i < PAGES_FOLLOWED; i++) {
    const page = await listPage(gateway, { filter, limit, token }, signal)
    if (page.users[0]) return page.users[0]
    token = page.next
    if (!token) return null
  }
  return null
}
