import { SignUpCommand, type SignUpCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import type { ParsedRequestOf } from '../../shared/contract'
import type { CodeDelivery, RegisterResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { unmetPasswordRules } from '../../shared/passwordPolicy'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { Connection } from '../cognito/connection'
import { secretHashField } from '../cognito/secretHash'
import { normalizeExtraAttributes } from './attributes'
import type { PoolSchemaService } from './poolSchema'
import { parseTier } from './tierInput'

/**
 * Registers a user with a tier. Everything that can be checked before the request is checked first
 * (tier, attribute names against the pool's schema, the pool's password policy), so a refused
 * registration writes nothing.
 */
export async function registerUser(connection: Connection, schema: PoolSchemaService, input: ParsedRequestOf<'register'>): Promise<RegisterResult> {
  const tier = parseTier(input.tier, { allowOmitted: true })
  const extras = normalizeExtraAttributes(input.attributes)
  const pool = await schema.assertAttributesExist([TIER_ATTRIBUTE, ...extras.map((attribute) => attribute.Name)])
  const unmet = unmetPasswordRules(input.password, pool.passwordPolicy)
  if (unmet.length) {
    throw new AppError('PASSWORD_POLICY', `The password does not meet the pool's policy: it needs ${unmet.join(', ')}.`, {
      password: `Needs ${unmet.join(', ')}`
    })
  }
  const output = await connection.gateway.send<SignUpCommandOutput>(
    new SignUpCommand({
      ClientId: connection.clientId,
      Username: input.username,
      Password: input.password,
      ...secretHashField(input.username, connection.clientId, connection.clientSecret),
      UserAttributes: [{ Name: 'email', Value: input.email }, { Name: TIER_ATTRIBUTE, Value: tier }, ...extras]
    })
  )
  return {
    username: input.username,
    userSub: output.UserSub ?? '',
    confirmed: output.UserConfirmed ?? false,
    delivery: toDelivery(output.CodeDeliveryDetails)
  }
}

export function toDelivery(details: { Destination?: string; DeliveryMedium?: string; AttributeName?: string } | undefined): CodeDelivery | null {
  if (!details?.Destination) return null
  return { destination: details.Destination, medium: details.DeliveryMedium ?? 'EMAIL', attribute: details.AttributeName ?? 'email' }
}
