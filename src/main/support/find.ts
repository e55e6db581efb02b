/**
 * The one find box: a ticket's email, sub, phone number or username, recognised by its form and
 * looked up exactly (ListUsers' filter, or AdminGetUser for a username). Cognito matches case by case,
 * so when nothing matches as typed the lower-cased value is tried and the answer says so. Part of an
 * email (a domain, "@acme.com") cannot be asked of Cognito, which matches only from the start of a
 * value: it is looked up in the last finished statistics scan's copy of the pool, labelled with its date.
 */
import type { FindResult, FoundBy, TierMember, UserDetail } from '../../shared/domain'
import { EMAIL_FORM, SUB_FORM, type SearchField } from '../../shared/searchFields'
import type { CognitoGateway } from '../cognito/gateway'
import { nameOf } from '../cognito/retryPolicy'
import type { StatsService } from '../stats/statsService'
import { getUser, searchUsers } from '../users/users'

/** A phone number as tickets write it: a plus, then digits with spaces, dots, dashes or brackets between. */
const PHONE = /^\+[\d\s().-]{6,24}$/
/** "@acme.com", "jane@", "acme.com": part of an address, not a whole one. */
const EMAIL_PART = /^@[^\s@]+$|^[^\s@]+@$|^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i

/** How many of the scan's matches are listed; a domain of thousands is narrowed by typing more. */
export const SCAN_MATCH_LIMIT = 200

/** A lowered retry's page token is marked, so the next page asks the same lowered filter. */
const LOWERED = 'lowered:'

export interface FindDeps {
  gateway: CognitoGateway
  stats: Pick<StatsService, 'findMembers'>
}

export function recognise(query: string): FoundBy {
  if (SUB_FORM.test(query)) return 'sub'
  if (EMAIL_FORM.test(query)) return 'email'
  if (PHONE.test(query) && query.replace(/\D/g, '').length <= 15) return 'phone'
  if (query.includes('@')) return 'email-part'
  return 'username'
}

export async function findUsers(deps: FindDeps, rawQuery: string, nextToken?: string): Promise<FindResult> {
  const query = rawQuery.trim()
  const foundBy = recognise(query)
  switch (foundBy) {
    case 'sub':
      return exact(deps.gateway, foundBy, 'sub', query, nextToken)
    case 'email':
      return exact(deps.gateway, foundBy, 'email', query, nextToken)
    case 'phone':
      return exact(deps.gateway, foundBy, 'phone_number', `+${query.replace(/\D/g, '')}`, nextToken)
    case 'email-part':
      return inLastScan(deps.stats, query)
    case 'username': {
      const found = await byUsername(deps.gateway, query, nextToken)
      // "acme.com" may be a username; when none has it, it is taken for part of an email.
      return !found.users.length && !nextToken && EMAIL_PART.test(query) ? inLastScan(deps.stats, query) : found
    }
  }
}

/** The field's exact value; when nothing matches as typed, the lower-cased value. */
async function exact(gateway: CognitoGateway, foundBy: FoundBy, by: SearchField, value: string, nextToken?: string): Promise<FindResult> {
  const lowered = value.toLowerCase()
  if (nextToken?.startsWith(LOWERED)) return page(gateway, foundBy, by, 'exact', lowered, nextToken.slice(LOWERED.length), true)
  const typed = await page(gateway, foundBy, by, 'exact', value, nextToken, false)
  if (typed.users.length || nextToken || lowered === value) return typed
  return page(gateway, foundBy, by, 'exact', lowered, undefined, true)
}

async function page(
  gateway: CognitoGateway,
  foundBy: FoundBy,
  by: SearchField,
  match: 'exact' | 'prefix',
  query: string,
  nextToken: string | undefined,
  loweredCase: boolean
): Promise<FindResult> {
  const { users, nextToken: next } = await searchUsers(gateway, { query, by, match, ...(nextToken ? { nextToken } : {}) })
  return {
    foundBy,
    users,
    ...(loweredCase && users.length ? { loweredCase: true } : {}),
    ...(next ? { nextToken: loweredCase ? `${LOWERED}${next}` : next } : {})
  }
}

/**
 * The username exactly (AdminGetUser, which also takes an alias), then usernames that start with it,
 * then, when none does, usernames that start with it lower-cased: "Alice" finds alice and alice_b.
 */
async function byUsername(gateway: CognitoGateway, query: string, nextToken?: string): Promise<FindResult> {
  const lowered = query.toLowerCase()
  if (nextToken) {
    const loweredPage = nextToken.startsWith(LOWERED)
    return page(
      gateway,
      'username',
      'username',
      'prefix',
      loweredPage ? lowered : query,
      loweredPage ? nextToken.slice(LOWERED.length) : nextToken,
      loweredPage
    )
  }
  const one = await exactUsername(gateway, query)
  if (one) return { foundBy: 'username', users: [one] }
  const typed = await page(gateway, 'username', 'username', 'prefix', query, undefined, false)
  if (typed.users.length || lowered === query) return typed
  return page(gateway, 'username', 'username', 'prefix', lowered, undefined, true)
}

async function exactUsername(gateway: CognitoGateway, username: string): Promise<UserDetail | null> {
  try {
    return await getUser(gateway, username)
  } catch (error) {
    if (nameOf(error) === 'UserNotFoundException') return null
    throw error
  }
}

/** Part of an email in the last finished scan's copy of the pool, without regard to case; null when no scan finished. */
async function inLastScan(stats: FindDeps['stats'], query: string): Promise<FindResult> {
  const part = query.toLowerCase()
  const matches = (member: TierMember): boolean => member.email !== null && member.email.toLowerCase().includes(part)
  return { foundBy: 'email-part', users: [], scan: await stats.findMembers(matches, SCAN_MATCH_LIMIT) }
}
