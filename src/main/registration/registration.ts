import type { ParsedRequestOf } from '../../shared/contract'
import type { CodeDelivery, PoolInfo, RegisterResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { unmetPasswordRules } from '../../shared/passwordPolicy'
import { TIER_ATTRIBUTE, tierEcho } from '../../shared/tiers'
import type { Connection } from '../cognito/connection'
import { secretHashField } from '../cognito/secretHash'
import { normalizeExtraAttributes } from './attributes'
import { signUpWithTier } from './signUpWithTier'
import type { PoolSchemaService } from '../cognito/poolSchema'
import { parseTier } from '../../shared/tiers'

/**
 * Registers a user with a tier (in SignUp, or right after it as an administrator when the client may
 * not write the tier: signUpWithTier.ts). Everything that can be checked before the request is checked first
 * (tier, attribute names against the pool's schema, the pool's password policy), so a refused
 * registration writes nothing.
 */
export async function registerUser(connection: Connection, schema: PoolSchemaService, input: ParsedRequestOf<'register'>): Promise<RegisterResult> {
  const tier = parseTier(input.tier, { allowOmitted: true })
  const extras = normalizeExtraAttributes(input.attributes)
  const pool = await schema.assertAttributesExist([TIER_ATTRIBUTE, ...extras.map((attribute) => attribute.Name)])
  assertUsernameFitsAliases(input.username, pool)
  const unmet = unmetPasswordRules(input.password, pool.passwordPolicy)
  if (unmet.length) {
    throw new AppError('PASSWORD_POLICY', `The password does not meet the pool's policy: it needs ${unmet.join(', ')}.`, {
      password: `Needs ${unmet.join(', ')}`
    })
  }
  const output = await signUpWithTier(connection, {
    ClientId: connection.clientId,
    Username: input.username,
    Password: input.password,
    ...secretHashField(input.username, connection.clientId, connection.clientSecret),
    UserAttributes: [{ Name: 'email', Value: input.email }, { Name: TIER_ATTRIBUTE, Value: tier }, ...extras]
  })
  const taken = input.tier === undefined ? null : tierEcho(input.tier, tier)
  return {
    username: input.username,
    tier,
    ...(taken ? { taken } : {}),
    userSub: output.UserSub ?? '',
    confirmed: output.UserConfirmed ?? false,
    delivery: toDelivery(output.CodeDeliveryDetails)
  }
}

/**
 * A pool that lets users sign in with their email (or phone) as an alias refuses usernames in that
 * form, since one sign-in name could then mean two users. Said before anything is written.
 */
function assertUsernameFitsAliases(username: string, pool: PoolInfo): void {
  if (pool.aliasAttributes.includes('email') && /^[^@\s]+@[^@\s]+$/.test(username)) {
    throw new AppError(
      'VALIDATION',
      'This pool lets people sign in with their email too, so a username cannot be an email address. Choose a username without "@"; the email goes in {emailField}.',
      {
        username: 'Cannot be an email address in this pool'
      }
    )
  }
  if (pool.aliasAttributes.includes('phone_number') && /^\+\d{6,}$/.test(username)) {
    throw new AppError(
      'VALIDATION',
      'This pool lets people sign in with their phone number too, so a username cannot be a phone number. Choose another username.',
      {
        username: 'Cannot be a phone number in this pool'
      }
    )
  }
}

export function toDelivery(details: { Destination?: string; DeliveryMedium?: string; AttributeName?: string } | undefined): CodeDelivery | null {
  if (!details?.Destination) return null
  return { destination: details.Destination, medium: details.DeliveryMedium ?? 'EMAIL', attribute: details.AttributeName ?? 'email' }
}
