/**
 * The support desk's actions on one user:
 *  - AdminSetUserPassword: the pool's policy checked (InvalidPasswordException); Permanent true makes
 *    the user CONFIRMED, false FORCE_CHANGE_PASSWORD with a new temporary password ("If the password is
 *    temporary, the user's Status becomes FORCE_CHANGE_PASSWORD… if you set a permanent password, their
 *    status becomes Confirmed"); a federated user becomes CONFIRMED too.
 *  - AdminResetUserPassword: needs a verified email or phone number, else InvalidParameterException
 *    "Cannot reset password for the user as there is no registered/verified email or phone_number";
 *    the user becomes RESET_REQUIRED and gets a code.
 *  - AdminEnableUser / AdminDisableUser ("Deactivates a user profile and revokes all access tokens"),
 *    AdminUserGlobalSignOut (tokens revoked), AdminDeleteUser.
 *  - AdminDisableProviderForUser: ProviderName Cognito stops password sign-in for a local user;
 *    otherwise the link is removed from every linked user's `identities`, and a federated user of that
 *    provider and subject (never linked) is removed, since "when the external user signs in again… the
 *    user must create a new user account".
 */
import { SimError } from '../wire'
import { deliver, type PoolContext } from './context'
import { checkPolicy } from './pool'
import { verified } from './userStore'

export function adminSetUserPassword(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const user = ctx.users.get(body.Username)
  user.password = checkPolicy(body.Password, 'password', ctx.pool.passwordPolicy)
  user.status = body.Permanent === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD'
  user.passwordSetAt = ctx.now()
  user.modifiedAt = user.passwordSetAt
  return {}
}

export function adminResetUserPassword(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const user = ctx.users.get(body.Username)
  const destination = (['email', 'phone_number'] as const).find((a) => user.attributes.get(a) && verified(user, a))
  if (!destination)
    throw new SimError('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number')
  user.status = 'RESET_REQUIRED'
  user.modifiedAt = ctx.now()
  deliver(ctx, 'AdminResetUserPassword', user, destination, user.attributes.get(destination)!, 'reset-password')
  return {}
}

export function adminSetEnabled(ctx: PoolContext, body: Record<string, unknown>, enabled: boolean): Record<string, unknown> {
  const user = ctx.users.get(body.Username)
  user.enabled = enabled
  user.modifiedAt = ctx.now()
  if (!enabled) user.tokensRevokedAt = ctx.now()
  return {}
}

export function adminUserGlobalSignOut(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  ctx.users.get(body.Username).tokensRevokedAt = ctx.now()
  return {}
}

export function adminDeleteUser(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const user = ctx.users.get(body.Username)
  user.tokensRevokedAt = ctx.now()
  ctx.users.remove(user)
  return {}
}

interface Identity {
  providerName: string
  userId: string
}

function identitiesOf(value: string | undefined): Identity[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]')
    return Array.isArray(parsed) ? (parsed as Identity[]) : []
  } catch {
    return []
  }
}

/** The username Cognito gives a federated user: `<ProviderName>_<subject>`. */
export const federatedUsername = (provider: string, subject: string): string => `${provider}_${subject}`

export function adminDisableProviderForUser(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const target = (body.User ?? {}) as { ProviderName?: unknown; ProviderAttributeName?: unknown; ProviderAttributeValue?: unknown }
  const provider = typeof target.ProviderName === 'string' ? target.ProviderName : ''
  const subject = typeof target.ProviderAttributeValue === 'string' ? target.ProviderAttributeValue : ''
  if (!provider || !subject) throw new SimError('InvalidParameterException', 'User ProviderName and ProviderAttributeValue are required.')
  if (provider === 'Cognito') {
    if (target.ProviderAttributeName !== 'Cognito_Subject')
      throw new SimError('InvalidParameterException', 'ProviderAttributeName must be Cognito_Subject for Cognito.')
    const user = ctx.users.get(subject)
    user.passwordSignInDisabled = true
    user.modifiedAt = ctx.now()
    return {}
  }
  let found = false
  for (const user of [...ctx.users.all()]) {
    if (user.status === 'EXTERNAL_PROVIDER' && user.username === federatedUsername(provider, subject)) {
      ctx.users.remove(user)
      found = true
      continue
    }
    const identities = identitiesOf(user.attributes.get('identities'))
    const kept = identities.filter((i) => !(i.providerName === provider && i.userId === subject))
    if (kept.length === identities.length) continue
    found = true
    if (kept.length) user.attributes.set('identities', JSON.stringify(kept))
    else user.attributes.delete('identities')
    user.modifiedAt = ctx.now()
  }
  if (!found) throw new SimError('UserNotFoundException', 'User does not exist.')
  return {}
}
