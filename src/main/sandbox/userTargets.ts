/**
 * Admin operations on one user where cognito-local answers unlike Cognito, or not at all:
 *  - AdminSetUserPassword: cognito-local sets any password; Cognito checks the pool's password policy
 *    (InvalidPasswordException, "Password did not conform with policy: …"). The status change
 *    (Permanent → CONFIRMED, otherwise FORCE_CHANGE_PASSWORD) is cognito-local's and already Cognito's.
 *  - AdminDeleteUserAttributes: cognito-local answers an unknown user NotAuthorizedException (Cognito:
 *    UserNotFoundException) and removes names the schema does not have or cannot change (Cognito:
 *    InvalidParameterException).
 *  - AdminDisableProviderForUser: missing. ProviderName Cognito stops a local user's password sign-in
 *    (recorded on the user, which the sandbox's sign-in does not read); any other provider's link is
 *    removed from every user's `identities`, and a federated user of that provider and subject
 *    (`<Provider>_<subject>`, status EXTERNAL_PROVIDER) is removed: "the user must create a new user account".
 */
import { InvalidParameterError, InvalidPasswordError, UserNotFoundError } from 'cognito-local/lib/errors'
import { USER_POOL_AWS_DEFAULTS } from 'cognito-local/lib/services/cognitoService'
import { passwordPolicyFault, type PasswordPolicy } from './awsRules'
import { attribute, poolAndUser, type Extra, type Request, type Route } from './targetKit'

type Schema = { Name?: string; Mutable?: boolean; Required?: boolean }[]

const adminSetUserPassword: Extra = (services, original) =>
  (async (ctx: never, request: Request) => {
    const pool = await services.cognito.getUserPool(ctx, request.UserPoolId as string)
    const policy = (pool.options.Policies?.PasswordPolicy ?? USER_POOL_AWS_DEFAULTS.Policies?.PasswordPolicy ?? {}) as PasswordPolicy
    const fault = typeof request.Password === 'string' ? passwordPolicyFault(request.Password, policy) : 'Password not long enough'
    if (fault) {
      const error = new InvalidPasswordError()
      error.message = `Password did not conform with policy: ${fault}`
      throw error
    }
    return original('AdminSetUserPassword')(ctx, request as never)
  }) as Route

const adminDeleteUserAttributes: Extra = (services, original) =>
  (async (ctx: never, request: Request) => {
    const { pool } = await poolAndUser(services, ctx, request)
    const schema = (pool.options.SchemaAttributes ?? USER_POOL_AWS_DEFAULTS.SchemaAttributes ?? []) as Schema
    for (const name of (request.UserAttributeNames ?? []) as string[]) {
      const definition = schema.find((a) => a.Name === name)
      if (!definition) throw new InvalidParameterError(`Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`)
      if (definition.Mutable === false)
        throw new InvalidParameterError(`Attributes did not conform to the schema: ${name}: Attribute cannot be updated. (changing an immutable attribute)`)
      if (definition.Required) throw new InvalidParameterError(`Attributes did not conform to the schema: ${name}: The attribute is required`)
    }
    return original('AdminDeleteUserAttributes')(ctx, request as never)
  }) as Route

const adminDisableProviderForUser: Extra = (services) =>
  (async (ctx: never, request: Request) => {
    const target = (request.User ?? {}) as { ProviderName?: string; ProviderAttributeName?: string; ProviderAttributeValue?: string }
    const provider = target.ProviderName ?? ''
    const subject = target.ProviderAttributeValue ?? ''
    if (!provider || !subject) throw new InvalidParameterError('User ProviderName and ProviderAttributeValue are required.')
    const pool = await services.cognito.getUserPool(ctx, request.UserPoolId as string)
    const now = services.clock.get()
    if (provider === 'Cognito') {
      if (target.ProviderAttributeName !== 'Cognito_Subject') throw new InvalidParameterError('ProviderAttributeName must be Cognito_Subject for Cognito.')
      const { user } = await poolAndUser(services, ctx, { ...request, Username: subject })
      await pool.saveUser(ctx, { ...user, PasswordSignInDisabled: true, UserLastModifiedDate: now } as never)
      return {}
    }
    let found = false
    for (const user of await pool.listUsers(ctx)) {
      if (user.UserStatus === 'EXTERNAL_PROVIDER' && user.Username === `${provider}_${subject}`) {
        await pool.deleteUser(ctx, user)
        found = true
        continue
      }
      const identities = parseIdentities(attribute(user, 'identities'))
      const kept = identities.filter((i) => !(i.providerName === provider && i.userId === subject))
      if (kept.length === identities.length) continue
      found = true
      const others = (user.Attributes ?? []).filter((a) => a.Name !== 'identities')
      const attributes = kept.length ? [...others, { Name: 'identities', Value: JSON.stringify(kept) }] : others
      await pool.saveUser(ctx, { ...user, Attributes: attributes, UserLastModifiedDate: now })
    }
    if (!found) throw new UserNotFoundError('User does not exist.')
    return {}
  }) as Route

function parseIdentities(value: string | undefined): { providerName?: string; userId?: string }[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]')
    return Array.isArray(parsed) ? parsed : []
  } catch {
    return []
  }
}

/** The sandbox's user targets, by operation. */
export const USER_TARGETS: Record<string, Extra> = {
  AdminSetUserPassword: adminSetUserPassword,
  AdminDeleteUserAttributes: adminDeleteUserAttributes,
  AdminDisableProviderForUser: adminDisableProviderForUser
}
