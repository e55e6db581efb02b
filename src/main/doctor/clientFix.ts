/**
 * The doctor's fix for an app client that lets its users set their own tier: its write list without
 * custom:user_tier. UpdateUserPoolClient resets every setting it is not given to its default ("If you
 * don't provide a value for an attribute, Amazon Cognito sets it to its default value"), so the
 * request carries every setting the client has now, as DescribeUserPoolClient shows it, with only the
 * write list changed.
 */
import { UpdateUserPoolClientCommand, type UpdateUserPoolClientCommandInput, type UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider'
import { AppError } from '../../shared/errors'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import { describeClient, mayWriteTier, nameOfClient, writeListOf } from './poolClients'
import type { DoctorTarget } from './target'

export interface ReadOnlyTierRequest {
  clientId: string
  /** The write list the operator saw in the confirmation. */
  expectedWriteAttributes: string[]
}

/**
 * Every setting UpdateUserPoolClient takes, mapped to true: a key missing here, or one the SDK adds
 * later, fails to compile, so no setting can be left out and silently reset.
 */
const CARRIED: { [K in Exclude<keyof UpdateUserPoolClientCommandInput, 'UserPoolId' | 'ClientId'>]-?: true } = {
  ClientName: true,
  RefreshTokenValidity: true,
  AccessTokenValidity: true,
  IdTokenValidity: true,
  TokenValidityUnits: true,
  ReadAttributes: true,
  WriteAttributes: true,
  ExplicitAuthFlows: true,
  SupportedIdentityProviders: true,
  CallbackURLs: true,
  LogoutURLs: true,
  DefaultRedirectURI: true,
  AllowedOAuthFlows: true,
  AllowedOAuthScopes: true,
  AllowedOAuthFlowsUserPoolClient: true,
  AnalyticsConfiguration: true,
  PreventUserExistenceErrors: true,
  EnableTokenRevocation: true,
  EnablePropagateAdditionalUserContextData: true,
  AuthSessionValidity: true,
  RefreshTokenRotation: true
}

/** The update that gives the client back every setting it has, with `writeAttributes` as its write list. */
export function updateKeepingSettings(userPoolId: string, client: UserPoolClientType, writeAttributes: string[]): UpdateUserPoolClientCommandInput {
  const input: Record<string, unknown> = { UserPoolId: userPoolId, ClientId: client.ClientId }
  for (const field of Object.keys(CARRIED) as (keyof UserPoolClientType)[]) {
    if (client[field] !== undefined) input[field] = structuredClone(client[field])
  }
  input.WriteAttributes = writeAttributes
  return input as unknown as UpdateUserPoolClientCommandInput
}

/** Sent through the gateway: audited ahead, with the write list before → after on the trail. */
export async function makeTierReadOnly(target: DoctorTarget, request: ReadOnlyTierRequest): Promise<void> {
  // Read afresh, not from the report the operator saw: the settings sent back must be the client's own now.
  const client = await describeClient(target, request.clientId)
  const name = nameOfClient(client)
  if (!mayWriteTier(client)) throw new AppError('VALIDATION', `App client "${name}" may no longer write ${TIER_ATTRIBUTE}; nothing was changed.`)
  const before = writeListOf(client)!
  if (before.join('\n') !== request.expectedWriteAttributes.join('\n')) {
    throw new AppError(
      'CLIENT_CHANGED',
      `The write list of app client "${name}" changed since the doctor ran (now ${before.join(', ')}); nothing was changed. Run the doctor again and confirm what it shows.`
    )
  }
  const after = before.filter((attribute) => attribute !== TIER_ATTRIBUTE)
  if (!after.length) throw new AppError('VALIDATION', `App client "${name}" writes only ${TIER_ATTRIBUTE}; choose what it keeps in the Cognito console.`)
  await target.send(new UpdateUserPoolClientCommand(updateKeepingSettings(target.userPoolId, client, after)), {
    previous: { client: request.clientId, writeAttributes: before.join(', ') }
  })
}
