/**
 * How users come into the detailed pool and get confirmed: AdminCreateUser (with MessageAction
 * RESEND for a user still waiting to set a password), SignUp through an app client (its secret hash
 * and its write list checked), AdminConfirmSignUp and ResendConfirmationCode.
 *  - A pool with UsernameAttributes takes an email (or phone) as the username and stores the user
 *    under a generated UUID, the address becoming the attribute.
 *  - A client without write access to an attribute in SignUp: NotAuthorizedException "A client
 *    attempted to write unauthorized attribute" (the wording Cognito answers; aws-sdk-js#1319).
 *  - AdminCreateUserConfig.AllowAdminCreateUserOnly refuses SignUp.
 */
import { randomUUID } from 'node:crypto'
import { checkUsername } from '../rules'
import { SimError } from '../wire'
import { checkSignInValues } from './attributeWrites'
import { codeDestination, deliver, type PoolContext } from './context'
import { checkPolicy } from './pool'
import { isEmail } from './schema'
import { SIM_PASSWORD } from './seeds'
import { userTypeShape, type DetailedUser } from './userStore'

/** The stored username and attributes for a new user, as the pool's username settings make them. */
function identify(ctx: PoolContext, requested: string, attributes: Map<string, string>): string {
  const [asUsername] = ctx.pool.usernameAttributes
  if (!asUsername) return requested
  if (asUsername === 'email' && !isEmail(requested)) throw new SimError('InvalidParameterException', 'Username should be an email.')
  if (asUsername === 'phone_number' && !/^\+[1-9]\d{1,14}$/.test(requested))
    throw new SimError('InvalidParameterException', 'Username should be a phone number.')
  attributes.set(asUsername, attributes.get(asUsername) ?? requested)
  return randomUUID()
}

function newUser(
  ctx: PoolContext,
  username: string,
  attributes: Map<string, string>,
  status: string,
  password: string,
  origin: DetailedUser['origin']
): DetailedUser {
  const now = ctx.now()
  for (const name of ctx.pool.schema.required()) {
    if (!attributes.get(name)) throw new SimError('InvalidParameterException', `Attributes did not conform to the schema: ${name}: The attribute is required`)
  }
  const user: DetailedUser = {
    username,
    sub: username.length === 36 && /^[0-9a-f-]+$/.test(username) ? username : randomUUID(),
    status,
    enabled: true,
    createdAt: now,
    modifiedAt: now,
    attributes,
    pending: new Map(),
    password,
    passwordSetAt: now,
    mfa: { enabled: new Set(), totpAssociated: false },
    groups: new Set(),
    devices: [],
    events: [],
    passwordSignInDisabled: false,
    tokensRevokedAt: 0,
    origin
  }
  return user
}

function taken(ctx: PoolContext, requested: string): boolean {
  return ctx.users.byUsername(requested) !== null || ctx.users.all().some((u) => ctx.pool.usernameAttributes.some((a) => u.attributes.get(a) === requested))
}

export function adminCreateUser(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const requested = checkUsername(body.Username)
  const action = body.MessageAction
  if (action !== undefined && action !== 'SUPPRESS' && action !== 'RESEND') {
    throw new SimError(
      'InvalidParameterException',
      `1 validation error detected: Value '${String(action)}' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]`
    )
  }
  if (action === 'RESEND') return resendInvitation(ctx, body)
  const password = body.TemporaryPassword === undefined ? SIM_PASSWORD : checkPolicy(body.TemporaryPassword, 'temporaryPassword', ctx.pool.passwordPolicy)
  const attributes = ctx.pool.schema.check(body.UserAttributes, true)
  if (taken(ctx, requested)) throw new SimError('UsernameExistsException', 'User account already exists')
  const user = newUser(ctx, identify(ctx, requested, attributes), attributes, 'FORCE_CHANGE_PASSWORD', password, 'admin-create')
  if (body.ForceAliasCreation === true) releaseAliases(ctx, user)
  // Checked as a change from no attributes, so a verified alias another user holds is refused.
  user.attributes = new Map()
  checkSignInValues(ctx, user, attributes)
  user.attributes = attributes
  ctx.users.add(user)
  if (action !== 'SUPPRESS') invite(ctx, 'AdminCreateUser', user, body.DesiredDeliveryMediums)
  return { User: userTypeShape(user) }
}

// ForceAliasCreation: "migrates the alias from the previous user to the newly-created user".
function releaseAliases(ctx: PoolContext, user: DetailedUser): void {
  for (const name of ctx.pool.aliasAttributes) {
    const value = user.attributes.get(name)
    if (value === undefined || user.attributes.get(`${name}_verified`) !== 'true') continue
    for (const other of ctx.users.all()) if (other.attributes.get(name) === value) other.attributes.set(`${name}_verified`, 'false')
  }
}

function invite(ctx: PoolContext, operation: string, user: DetailedUser, mediums: unknown): void {
  const wanted = Array.isArray(mediums) ? mediums : ['EMAIL']
  for (const [medium, attribute] of [
    ['EMAIL', 'email'],
    ['SMS', 'phone_number']
  ] as const) {
    const value = user.attributes.get(attribute)
    if (wanted.includes(medium) && value) deliver(ctx, operation, user, attribute, value, 'invitation')
  }
}

// Cognito sends the invitation again only to a user still waiting to set a password, with a new temporary password.
function resendInvitation(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const user = ctx.users.get(body.Username)
  if (user.status !== 'FORCE_CHANGE_PASSWORD')
    throw new SimError('UnsupportedUserStateException', 'Resend not possible. User status is not FORCE_CHANGE_PASSWORD')
  user.password = body.TemporaryPassword === undefined ? SIM_PASSWORD : checkPolicy(body.TemporaryPassword, 'temporaryPassword', ctx.pool.passwordPolicy)
  user.passwordSetAt = ctx.now()
  user.modifiedAt = user.passwordSetAt
  invite(ctx, 'AdminCreateUser', user, body.DesiredDeliveryMediums)
  return { User: userTypeShape(user) }
}

export function signUp(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const client = ctx.clients.get(body.ClientId)
  const requested = checkUsername(body.Username)
  ctx.clients.checkSecretHash(client, requested, body.SecretHash)
  if (ctx.pool.allowAdminCreateUserOnly) throw new SimError('NotAuthorizedException', 'SignUp is not permitted for this user pool')
  const attributes = ctx.pool.schema.check(body.UserAttributes, true)
  if ([...attributes.keys()].some((name) => !ctx.clients.mayWrite(client, name)))
    throw new SimError('NotAuthorizedException', 'A client attempted to write unauthorized attribute')
  const password = checkPolicy(body.Password, 'password', ctx.pool.passwordPolicy)
  if (taken(ctx, requested)) throw new SimError('UsernameExistsException', 'User already exists')
  const user = newUser(ctx, identify(ctx, requested, attributes), attributes, 'UNCONFIRMED', password, 'signup')
  ctx.users.add(user)
  const destination = codeDestination(ctx, user)
  return {
    UserConfirmed: false,
    UserSub: user.sub,
    ...(destination ? { CodeDeliveryDetails: deliver(ctx, 'SignUp', user, destination, user.attributes.get(destination)!, 'confirm-sign-up') } : {})
  }
}

export function adminConfirmSignUp(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const user = ctx.users.get(body.Username)
  if (user.status !== 'UNCONFIRMED') throw new SimError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`)
  user.status = 'CONFIRMED'
  user.modifiedAt = ctx.now()
  return {}
}

export function resendConfirmationCode(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const client = ctx.clients.get(body.ClientId)
  const user = ctx.users.get(body.Username)
  ctx.clients.checkSecretHash(client, String(body.Username), body.SecretHash)
  if (user.status === 'CONFIRMED') throw new SimError('InvalidParameterException', 'User is already confirmed.')
  const destination = codeDestination(ctx, user)
  if (!destination) throw new SimError('InvalidParameterException', 'Cannot resend codes. Auto verification not turned on.')
  return { CodeDeliveryDetails: deliver(ctx, 'ResendConfirmationCode', user, destination, user.attributes.get(destination)!, 'confirm-sign-up') }
}
