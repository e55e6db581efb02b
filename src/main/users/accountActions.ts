/**
 * The account actions of the Users screen and the CLI. Each checks what it can before writing (so a
 * refusal says why in the operator's words), goes through the gateway (rate limit, write-ahead audit),
 * and returns the user as Cognito has them afterwards, or why that could not be read.
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminResetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand
} from '@aws-sdk/client-cognito-identity-provider'
import type { AccountActionResult, UserDetail } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { CognitoGateway } from '../cognito/gateway'
import { getUser, readBack } from './users'

/** How the user is read back after an action: AdminGetUser alone, or the user's page with its verdict (the operations layer's choice). */
export type ReadUser = (username: string) => Promise<UserDetail>

type Action = (gateway: CognitoGateway, username: string, read?: ReadUser) => Promise<AccountActionResult>

async function done(gateway: CognitoGateway, username: string, message: string, read?: ReadUser): Promise<AccountActionResult> {
  return { username, message, ...(await readBack(gateway, username, read)) }
}

export const enableUser: Action = async (gateway, username, read) => {
  await gateway.send(new AdminEnableUserCommand({ UserPoolId: gateway.userPoolId, Username: username }))
  return done(gateway, username, `${username} is enabled and can sign in again.`, read)
}

export const disableUser: Action = async (gateway, username, read) => {
  await gateway.send(new AdminDisableUserCommand({ UserPoolId: gateway.userPoolId, Username: username }))
  return done(gateway, username, `${username} is disabled: they cannot sign in until enabled again. Their data and tier are kept.`, read)
}

export const resetPassword: Action = async (gateway, username, read) => {
  await gateway.send(new AdminResetUserPasswordCommand({ UserPoolId: gateway.userPoolId, Username: username }))
  return done(
    gateway,
    username,
    `${username}'s password is reset: Cognito sent them a code, and they must choose a new password with it before they can sign in.`,
    read
  )
}

/** Only a user who was invited and has not yet set a password can be invited again (Cognito refuses others). */
export const resendInvite: Action = async (gateway, username, read) => {
  const user = await getUser(gateway, username)
  if (user.status !== 'FORCE_CHANGE_PASSWORD') {
    throw new AppError(
      'USER_STATE',
      `Only a user who has not yet signed in with their temporary password (status FORCE_CHANGE_PASSWORD) can be sent the invitation again; ${user.username} is ${user.status}. Use "Reset password" to let them choose a new one.`
    )
  }
  // Cognito sends by SMS unless told otherwise; send where the user can be reached.
  const mediums = [...(user.email ? (['EMAIL'] as const) : []), ...(user.attributes.some((a) => a.name === 'phone_number') ? (['SMS'] as const) : [])]
  await gateway.send(
    new AdminCreateUserCommand({ UserPoolId: gateway.userPoolId, Username: user.username, MessageAction: 'RESEND', DesiredDeliveryMediums: mediums })
  )
  return done(gateway, user.username, `A new invitation with a new temporary password was sent to ${user.username}.`, read)
}

export const signOutEverywhere: Action = async (gateway, username, read) => {
  await gateway.send(new AdminUserGlobalSignOutCommand({ UserPoolId: gateway.userPoolId, Username: username }))
  return done(
    gateway,
    username,
    `${username} is signed out on every device: their refresh tokens are revoked, so each app asks them to sign in again within the hour.`,
    read
  )
}

export const verifyEmail: Action = async (gateway, username, read) => {
  const user = await getUser(gateway, username)
  if (!user.email) throw new AppError('USER_STATE', `${user.username} has no email address to mark as verified. Add one first.`)
  if (user.emailVerified)
    return read
      ? done(gateway, user.username, `${user.email} is already verified; nothing was changed.`, read)
      : { username: user.username, message: `${user.email} is already verified; nothing was changed.`, user }
  await gateway.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: gateway.userPoolId,
      Username: user.username,
      UserAttributes: [{ Name: 'email_verified', Value: 'true' }]
    })
  )
  return done(gateway, user.username, `${user.username}'s email address ${user.email} is marked as verified.`, read)
}

/** Deleting cannot be undone, so the operator types the username to confirm it. */
export async function deleteUser(gateway: CognitoGateway, username: string, confirmUsername: string): Promise<AccountActionResult> {
  if (confirmUsername.trim() !== username) {
    throw new AppError('VALIDATION', `To delete, type the username exactly: ${username}.`, { confirmUsername: `Type ${username} to confirm` })
  }
  await gateway.send(new AdminDeleteUserCommand({ UserPoolId: gateway.userPoolId, Username: username }))
  return { username, message: `${username} is deleted from the pool. This cannot be undone.`, user: null }
}
