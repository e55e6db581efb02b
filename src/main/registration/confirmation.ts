import {
  AdminConfirmSignUpCommand,
  ConfirmSignUpCommand,
  ResendConfirmationCodeCommand,
  type ResendConfirmationCodeCommandOutput
} from '@aws-sdk/client-cognito-identity-provider'
import type { CodeDelivery } from '../../shared/domain'
import type { Connection } from '../cognito/connection'
import { secretHashField } from '../cognito/secretHash'
import { toDelivery } from './registration'

/** Confirms a sign-up with the code the user received. */
export async function confirmWithCode(connection: Connection, username: string, code: string): Promise<{ username: string }> {
  await connection.gateway.send(
    new ConfirmSignUpCommand({
      ClientId: connection.clientId,
      Username: username,
      ConfirmationCode: code,
      ...secretHashField(username, connection.clientId, connection.clientSecret)
    })
  )
  // The sandbox's outbox stops offering a code once it has been used.
  await connection.sandbox?.outbox.markUsed(username, code).catch(() => undefined)
  return { username }
}

/** Sends the user a new confirmation code. */
export async function resendCode(connection: Connection, username: string): Promise<{ delivery: CodeDelivery | null }> {
  const output = await connection.gateway.send<ResendConfirmationCodeCommandOutput>(
    new ResendConfirmationCodeCommand({
      ClientId: connection.clientId,
      Username: username,
      ...secretHashField(username, connection.clientId, connection.clientSecret)
    })
  )
  return { delivery: toDelivery(output.CodeDeliveryDetails) }
}

/** Confirms without a code, for a person the operator has verified another way. */
export async function adminConfirm(connection: Connection, username: string): Promise<{ username: string }> {
  await connection.gateway.send(new AdminConfirmSignUpCommand({ UserPoolId: connection.gateway.userPoolId, Username: username }))
  return { username }
}
