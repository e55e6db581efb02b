/**
 * Operations cognito-local lacks or answers differently from Cognito, made to behave as Cognito
 * documents so the app's code (written for real Cognito) works the same on the sandbox:
 *  - ResendConfirmationCode, AdminResetUserPassword, AdminUserGlobalSignOut: missing;
 *  - AdminCreateUser with MessageAction RESEND: unsupported;
 *  - ConfirmSignUp: answers a confirmed user with "code expired" (Cognito: NotAuthorizedException,
 *    "Current status is CONFIRMED"), an unknown user with NotAuthorized (Cognito: UserNotFoundException),
 *    and leaves an auto-verified email unverified;
 *  - AdminConfirmSignUp: answers an unknown user with NotAuthorized (Cognito: UserNotFoundException);
 *  - AdminUpdateUserAttributes: refuses email_verified without email in the same request (Cognito takes it),
 *    and lets two users hold one verified sign-in alias (Cognito: AliasExistsException);
 *  - ListUsers: `status = "Enabled"` compared the stored true/false with the word, so found nobody;
 *  - AdminSetUserMFAPreference, AdminListDevices, AdminForgetDevice, AdminListUserAuthEvents,
 *    AdminUpdateAuthEventFeedback: missing (securityTargets.ts says what each answers);
 *  - AdminSetUserPassword: no password policy check; AdminDeleteUserAttributes: an unknown user answered
 *    NotAuthorized and unknown or immutable attributes removed; AdminDisableProviderForUser: missing
 *    (userTargets.ts);
 *  - ListUserPoolClients: whole clients with secrets, unpaged; DescribeUserPoolClient: defaults left
 *    out; UpdateUserPoolClient: omitted settings kept instead of reset (clientTargets.ts).
 */
import { InvalidParameterError, NotAuthorizedError, CognitoError } from 'cognito-local/lib/errors'
import type { Services } from 'cognito-local/lib/services'
import { selectAppropriateDeliveryMethod } from 'cognito-local/lib/services/messageDelivery/deliveryMethod'
import { userToResponseObject } from 'cognito-local/lib/targets/responses'
import { CLIENT_TARGETS } from './clientTargets'
import { resendConfirmationCodeTarget } from './resendConfirmationCode'
import { SECURITY_TARGETS } from './securityTargets'
import { attribute, poolAndUser, type Extra, type Route, type Request } from './targetKit'
import { USER_TARGETS } from './userTargets'

const adminResetUserPassword: Extra = (services) =>
  (async (ctx: never, request: Request) => {
    const { pool, user } = await poolAndUser(services, ctx, request)
    const verified = attribute(user, 'email_verified') === 'true' || attribute(user, 'phone_number_verified') === 'true'
    if (!verified) throw new InvalidParameterError('Cannot reset password for the user as there is no registered/verified email or phone_number')
    const details = selectAppropriateDeliveryMethod(['email', 'phone_number'], user)
    const code = services.otp()
    await pool.saveUser(ctx, { ...user, UserStatus: 'RESET_REQUIRED', ConfirmationCode: code, UserLastModifiedDate: services.clock.get() })
    if (details) await services.messages.deliver(ctx, 'ForgotPassword', null, pool.options.Id, user, code, undefined, details)
    return {}
  }) as Route

const adminUserGlobalSignOut: Extra = (services) =>
  (async (ctx: never, request: Request) => {
    const { pool, user } = await poolAndUser(services, ctx, request)
    await pool.saveUser(ctx, { ...user, RefreshTokens: [], UserLastModifiedDate: services.clock.get() })
    return {}
  }) as Route

const adminCreateUser: Extra = (services, original) =>
  (async (ctx: never, request: Request) => {
    if (request.MessageAction !== 'RESEND') return original('AdminCreateUser')(ctx, request as never)
    const { pool, user } = await poolAndUser(services, ctx, request)
    if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD') throw new CognitoError('UnsupportedUserStateException', 'User is not in FORCE_CHANGE_PASSWORD state.')
    const temporaryPassword = services.otp()
    const updated = { ...user, Password: temporaryPassword, UserLastModifiedDate: services.clock.get() }
    await pool.saveUser(ctx, updated)
    const details = selectAppropriateDeliveryMethod(['email', 'phone_number'], user)
    if (details) await services.messages.deliver(ctx, 'AdminCreateUser', null, pool.options.Id, user, temporaryPassword, undefined, details)
    return { User: userToResponseObject(updated) }
  }) as Route

const confirmSignUp: Extra = (services, original) =>
  (async (ctx: never, request: Request) => {
    const { pool, user } = await poolAndUser(services, ctx, request)
    if (user.UserStatus === 'CONFIRMED') throw new NotAuthorizedError('User cannot be confirmed. Current status is CONFIRMED')
    const output = await original('ConfirmSignUp')(ctx, request as never)
    if ((pool.options.AutoVerifiedAttributes ?? []).includes('email') && attribute(user, 'email')) {
      const confirmed = await pool.getUserByUsername(ctx, user.Username)
      if (confirmed) {
        const attributes = [...(confirmed.Attributes ?? []).filter((a) => a.Name !== 'email_verified'), { Name: 'email_verified', Value: 'true' }]
        await pool.saveUser(ctx, { ...confirmed, Attributes: attributes })
      }
    }
    return output
  }) as Route

const adminConfirmSignUp: Extra = (services, original) =>
  (async (ctx: never, request: Request) => {
    await poolAndUser(services, ctx, request)
    return original('AdminConfirmSignUp')(ctx, request as never)
  }) as Route

/** A sign-in alias counts once verified: making a value verified that another user holds verified is refused. */
async function checkAliases(services: Parameters<Extra>[0], ctx: never, request: Request): Promise<void> {
  const attributes = (request.UserAttributes ?? []) as { Name: string; Value?: string }[]
  const { pool, user } = await poolAndUser(services, ctx, request)
  const signInNames = [...(pool.options.AliasAttributes ?? []), ...(pool.options.UsernameAttributes ?? [])]
  for (const name of ['email', 'phone_number'].filter((n) => signInNames.includes(n))) {
    if (attributes.find((a) => a.Name === `${name}_verified`)?.Value !== 'true') continue
    const value = attributes.find((a) => a.Name === name)?.Value ?? attribute(user, name)
    const others = (await pool.listUsers(ctx)).filter((other) => other.Username !== user.Username)
    if (value && others.some((other) => attribute(other, name) === value && attribute(other, `${name}_verified`) === 'true')) {
      throw new CognitoError('AliasExistsException', `An account with the given ${name} already exists.`)
    }
  }
}

const adminUpdateUserAttributes: Extra = (services, original) =>
  (async (ctx: never, request: Request) => {
    await checkAliases(services, ctx, request)
    const attributes = (request.UserAttributes ?? []) as { Name: string; Value?: string }[]
    if (!attributes.some((a) => a.Name === 'email_verified') || attributes.some((a) => a.Name === 'email')) {
      return original('AdminUpdateUserAttributes')(ctx, request as never)
    }
    const { user } = await poolAndUser(services, ctx, request)
    const email = attribute(user, 'email')
    const withEmail = email === undefined ? attributes : [{ Name: 'email', Value: email }, ...attributes]
    return original('AdminUpdateUserAttributes')(ctx, { ...request, UserAttributes: withEmail } as never)
  }) as Route

const listUsers: Extra = (services, original) =>
  (async (ctx: never, request: Request) => {
    const status = /^\s*status\s*\^?=\s*"(Enabled|Disabled)"\s*$/.exec(String(request.Filter ?? ''))
    if (!status) return original('ListUsers')(ctx, request as never)
    const pool = await services.cognito.getUserPool(ctx, request.UserPoolId as string)
    const enabled = status[1] === 'Enabled'
    const users = (await pool.listUsers(ctx)).filter((user) => (user.Enabled ?? true) === enabled)
    return { Users: users.map(userToResponseObject) }
  }) as Route

const EXTRA_TARGETS: Record<string, Extra> = {
  ListUsers: listUsers,
  AdminUpdateUserAttributes: adminUpdateUserAttributes,
  ResendConfirmationCode: (services) => resendConfirmationCodeTarget(services) as Route,
  AdminResetUserPassword: adminResetUserPassword,
  AdminUserGlobalSignOut: adminUserGlobalSignOut,
  AdminCreateUser: adminCreateUser,
  ConfirmSignUp: confirmSignUp,
  AdminConfirmSignUp: adminConfirmSignUp,
  ...SECURITY_TARGETS,
  ...USER_TARGETS,
  ...CLIENT_TARGETS
}

/** cognito-local's router with the sandbox's own targets in front. */
export function withExtraTargets<R extends (target: string) => Route>(services: Services, router: R): R {
  return ((target: string) => EXTRA_TARGETS[target]?.(services, router) ?? router(target)) as R
}
