/**
 * Unlinking an external sign-in (AdminDisableProviderForUser, the link named by the provider and the
 * person's id there as `Cognito_Subject`): the person can no longer sign in to this user through that
 * provider; signing in through it again makes a separate, new user unless it is linked again.
 */
import { AdminDisableProviderForUserCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { AccountActionResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ServiceDeps } from '../app/deps'
import { getUser } from '../users/users'
import { readBackPage } from './userPage'

export interface UnlinkRequest {
  username: string
  providerName: string
  providerUserId: string
}

export async function unlinkIdentity(deps: ServiceDeps, request: UnlinkRequest): Promise<AccountActionResult> {
  const { gateway } = deps
  const user = await getUser(gateway, request.username)
  const link = user.identities.find((identity) => identity.providerName === request.providerName && identity.userId === request.providerUserId)
  if (!link) {
    const held = user.identities.map((identity) => `${identity.providerName} (${identity.userId})`).join(', ')
    throw new AppError(
      'VALIDATION',
      `${user.username} has no ${request.providerName} link with id ${request.providerUserId}. ${held ? `Their links: ${held}.` : 'They have no linked identities.'}`,
      {
        providerName: 'No such linked identity'
      }
    )
  }
  await gateway.send(
    new AdminDisableProviderForUserCommand({
      UserPoolId: gateway.userPoolId,
      User: { ProviderName: link.providerName, ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: link.userId }
    }),
    { username: user.username }
  )
  // A user made by the provider's sign-in (not a linked local user) has no other way in.
  const own = user.status === 'EXTERNAL_PROVIDER' && user.identities.length === 1
  const message = own
    ? `${user.username} came from ${link.providerName} and that link is removed: they can no longer sign in to this user. Signing in through ${link.providerName} again makes a new user, without this one's tier, groups or attributes.`
    : `${user.username} can no longer sign in through ${link.providerName}; their other ways in stay. Signing in through ${link.providerName} again makes a separate new user unless it is linked to this one again.`
  return { username: user.username, message, ...(await readBackPage(deps, user.username)) }
}
