import { AdminGetUserCommand, ListUsersCommand, type AdminGetUserCommandOutput, type ListUsersCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import type { SearchResult, TierChangeResult, UserDetail } from '../../shared/domain'
import { AppError, type AppErrorShape } from '../../shared/errors'
import { allowedMatch, type SearchField, type SearchMatch } from '../../shared/searchFields'
import { parseTier, storedTierValue, TIER_ATTRIBUTE, tierEcho, tierLabel, tierStateOf } from '../../shared/tiers'
import { toAppError } from '../cognito/errorMapping'
import type { CognitoGateway, SendOptions } from '../cognito/gateway'
import { LIST_USERS_PAGE_SIZE } from '../cognito/quotas'
import type { PoolSchemaService } from '../cognito/poolSchema'
import { TierReturns } from '../tierReturns/tierReturns'
import { returnToCancel, writeTierCancellingReturn } from '../tierReturns/tierWrite'
import { takesEffect } from './takesEffect'
import { fromAdminGetUser, fromListedUser } from './userDetail'

/** The user as AdminGetUser has them, MFA included (no verdict: that is the user page's, see support/userPage.ts). */
export async function getUser(gateway: CognitoGateway, username: string, options?: SendOptions): Promise<UserDetail> {
  const output = await gateway.send<AdminGetUserCommandOutput>(new AdminGetUserCommand({ UserPoolId: gateway.userPoolId, Username: username }), options)
  return fromAdminGetUser(output, username)
}

/**
 * Cognito applies a filter after it reads a page, so a filtered page can come back empty with a token
 * for more. Up to this many such pages are followed in one search so "no users" is not shown too early.
 */
const EMPTY_PAGES_FOLLOWED = 5

export interface SearchRequest {
  query: string
  by: SearchField
  match: SearchMatch
  nextToken?: string
}

/** The next users whose field starts with (or equals) the query: a page, or several when pages are empty. */
export async function searchUsers(gateway: CognitoGateway, request: SearchRequest): Promise<SearchResult> {
  const operator = allowedMatch(request.by, request.match) === 'exact' ? '=' : '^='
  let token = request.nextToken
  for (let page = 1; ; page++) {
    const output = await gateway.send<ListUsersCommandOutput>(
      new ListUsersCommand({
        UserPoolId: gateway.userPoolId,
        Filter: `${request.by} ${operator} "${escapeFilterValue(request.query)}"`,
        Limit: LIST_USERS_PAGE_SIZE,
        ...(token ? { PaginationToken: token } : {})
      })
    )
    token = output.PaginationToken || undefined
    const users = (output.Users ?? []).map(fromListedUser)
    if (users.length > 0 || !token || page >= EMPTY_PAGES_FOLLOWED) return { users, ...(token ? { nextToken: token } : {}) }
  }
}

export interface TierChangeRequest {
  username: string
  tier: string
  /** The tier value the operator was shown ("" for none); undefined skips the check (the CLI's plain set-tier). */
  expected?: string
  overwrite?: boolean
  /** Grant until this instant, then return to `then` (standard when omitted): a one-time schedule (see tierReturns/). */
  until?: string
  then?: string
}

/**
 * Changes the tier. The user is read first: a tier that changed since the operator saw it (another
 * operator, another tool) is reported, not overwritten, unless the operator chose to overwrite. The
 * audit trail gets the old and new tier. A change Cognito applied is never reported as failed: when
 * the read-back fails, the result says so beside the saved change. A pending return is cancelled
 * first (or moved, for a grant with `until`) under the same audit intent as the tier (tierReturns/tierWrite.ts).
 */
export async function setTier(
  gateway: CognitoGateway,
  schema: PoolSchemaService,
  request: TierChangeRequest,
  read?: (username: string) => Promise<UserDetail>,
  returns: TierReturns | null = null
): Promise<TierChangeResult> {
  const tier = parseTier(request.tier, { allowOmitted: false })
  // The role, the date and the return tier are checked before anything is read or written.
  const plan =
    request.until === undefined ? undefined : (returns ?? new TierReturns(gateway, undefined)).plan(request.username, tier, request.until, request.then)
  await schema.assertAttributesExist([TIER_ATTRIBUTE])
  const before = await getUser(gateway, request.username)
  const current = storedTierValue(before.tier)
  if (request.expected !== undefined && request.expected !== current && !request.overwrite) {
    throw new AppError(
      'TIER_CHANGED',
      `The tier of ${before.username} changed since it was shown: it was ${tierLabel(tierStateOf(request.expected))}, it is now ${tierLabel(before.tier)} (another operator or tool changed it). Check the user, then save again to overwrite it with ${tier}.`
    )
  }
  const taken = tierEcho(request.tier, tier)
  const said = { username: before.username, from: before.tier, to: tier, ...(taken ? { taken } : {}) }
  const existing = await returnToCancel(returns, before.username)
  // The tier it already has and no return to schedule or cancel: a write would only fill the trail with "premium → premium".
  if (current === tier && !plan && !existing) return { ...said, unchanged: true, user: before }
  const done = await writeTierCancellingReturn(gateway, returns, {
    username: before.username,
    tier,
    current,
    existing,
    ...(plan ? { plan: { ...plan, username: before.username } } : {})
  })
  const returnsDone = { ...(done.scheduled ? { pendingReturn: done.scheduled } : {}), ...(done.cancelled ? { cancelledReturn: done.cancelled } : {}) }
  const tierSent = current === tier ? {} : { takesEffect: await takesEffect(gateway) }
  return { ...said, ...returnsDone, ...(await readBack(gateway, before.username, read)), ...tierSent }
}

/** The user as Cognito has them after a write; a failed read is reported beside the write, never instead of it. */
export async function readBack(
  gateway: CognitoGateway,
  username: string,
  read: (username: string) => Promise<UserDetail> = (name) => getUser(gateway, name)
): Promise<{ user: UserDetail | null; refreshError?: AppErrorShape }> {
  try {
    return { user: await read(username) }
  } catch (error) {
    const shown = toAppError(error, { operation: 'getUser' })
    return {
      user: null,
      refreshError: { code: shown.code, message: `The change was saved, but the user could not be read again to show it: ${shown.message}` }
    }
  }
}

/** Cognito's filter language quotes values in double quotes; a quote or backslash in the query must be escaped. */
export function escapeFilterValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
}
