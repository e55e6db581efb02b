import {
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  ListUsersCommand,
  type AdminGetUserCommandOutput,
  type AttributeType,
  type ListUsersCommandOutput,
  type UserType
} from '@aws-sdk/client-cognito-identity-provider'
import type { SearchResult, UserDetail } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { TIER_ATTRIBUTE, tierStateOf, type TierState } from '../../shared/tiers'
import type { CognitoGateway } from '../cognito/gateway'
import type { PoolSchemaService } from './poolSchema'
import { parseTier } from './tierInput'

/** ListUsers returns at most 60 users a page. */
export const LIST_USERS_PAGE_SIZE = 60

export async function getUser(gateway: CognitoGateway, username: string): Promise<UserDetail> {
  const output = await gateway.send<AdminGetUserCommandOutput>(new AdminGetUserCommand({ UserPoolId: gateway.userPoolId, Username: username }))
  return toUserDetail({
    username: output.Username ?? username,
    attributes: output.UserAttributes,
    status: output.UserStatus,
    enabled: output.Enabled,
    created: output.UserCreateDate,
    modified: output.UserLastModifiedDate
  })
}

/**
 * Cognito applies a filter after it reads a page, so a filtered page can come back empty with a token
 * for more. Up to this many such pages are followed in one search so "no users" is not shown too early.
 */
const EMPTY_PAGES_FOLLOWED = 5

/** The next users whose username or email starts with the query (a page, or several when pages are empty). */
export async function searchUsers(gateway: CognitoGateway, query: string, by: 'username' | 'email', nextToken?: string): Promise<SearchResult> {
  let token = nextToken
  for (let request = 1; ; request++) {
    const output = await gateway.send<ListUsersCommandOutput>(
      new ListUsersCommand({
        UserPoolId: gateway.userPoolId,
        Filter: `${by} ^= "${escapeFilterValue(query)}"`,
        Limit: LIST_USERS_PAGE_SIZE,
        ...(token ? { PaginationToken: token } : {})
      })
    )
    token = output.PaginationToken || undefined
    const users = (output.Users ?? []).map(fromListedUser)
    if (users.length > 0 || !token || request >= EMPTY_PAGES_FOLLOWED) return { users, ...(token ? { nextToken: token } : {}) }
  }
}

/** Changes the tier and returns the user as Cognito now has them; the audit trail gets the old and new tier. */
export async function setTier(gateway: CognitoGateway, schema: PoolSchemaService, username: string, tierInput: string): Promise<UserDetail> {
  const tier = parseTier(tierInput, { allowOmitted: false })
  await schema.assertAttributesExist([TIER_ATTRIBUTE])
  const before = await getUser(gateway, username)
  await gateway.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: gateway.userPoolId,
      Username: before.username,
      UserAttributes: [{ Name: TIER_ATTRIBUTE, Value: tier }]
    }),
    { previous: { [TIER_ATTRIBUTE]: storedTierValue(before.tier) } }
  )
  const updated = await getUser(gateway, before.username)
  if (updated.tier.kind !== 'tier' || updated.tier.tier !== tier) {
    throw new AppError('INTERNAL', `Cognito accepted the change but ${username} still shows another tier. Reload the user and try again.`)
  }
  return updated
}

/** The tier attribute's raw value as stored ("" when missing), for the audit trail. */
function storedTierValue(state: TierState): string {
  return state.kind === 'tier' ? state.tier : state.kind === 'invalid' ? state.value : ''
}

/** Cognito's filter language quotes values in double quotes; a quote or backslash in the query must be escaped. */
export function escapeFilterValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
}

export function fromListedUser(user: UserType): UserDetail {
  return toUserDetail({
    username: user.Username ?? '',
    attributes: user.Attributes,
    status: user.UserStatus,
    enabled: user.Enabled,
    created: user.UserCreateDate,
    modified: user.UserLastModifiedDate
  })
}

interface RawUser {
  username: string
  attributes: AttributeType[] | undefined
  status: string | undefined
  enabled: boolean | undefined
  created: Date | undefined
  modified: Date | undefined
}

function toUserDetail(raw: RawUser): UserDetail {
  const attributes = (raw.attributes ?? []).map((attribute) => ({ name: attribute.Name ?? '', value: attribute.Value ?? '' }))
  const valueOf = (name: string): string | undefined => attributes.find((attribute) => attribute.name === name)?.value
  return {
    username: raw.username,
    sub: valueOf('sub') ?? '',
    status: raw.status ?? 'UNKNOWN',
    enabled: raw.enabled ?? true,
    createdAt: raw.created ? new Date(raw.created).toISOString() : null,
    modifiedAt: raw.modified ? new Date(raw.modified).toISOString() : null,
    email: valueOf('email') ?? null,
    emailVerified: valueOf('email_verified') === 'true',
    tier: tierStateOf(valueOf(TIER_ATTRIBUTE)),
    attributes
  }
}
