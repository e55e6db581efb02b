/**
 * The support desk's account actions on the detailed simulated pool through the real SDK: setting and
 * resetting passwords, the invitation sent again, confirming sign-up and resending its code, enabling,
 * disabling, signing out and deleting users, and group membership with paging.
 */
import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  ListGroupsCommand,
  ResendConfirmationCodeCommand
} from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { failureOf, simSdkClient, startCognitoSim, type CognitoSim, type SimUserSeed } from '..'

let sim: CognitoSim | undefined
afterEach(async () => {
  await sim?.stop()
  sim = undefined
})

const users: SimUserSeed[] = [
  { username: 'ada', attributes: { email: 'ada@example.com', email_verified: 'true' }, groups: ['support'] },
  { username: 'bob', attributes: { email: 'bob@example.com', email_verified: 'false', phone_number: '+15550100' } },
  { username: 'cy', status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'cy@example.com' } },
  { username: 'dee', status: 'UNCONFIRMED', attributes: { email: 'dee@example.com' } }
]

async function open(seeds: SimUserSeed[] = users) {
  sim = await startCognitoSim({ detailedUsers: seeds, groups: [{ GroupName: 'support', Description: 'Support desk', Precedence: 1 }] })
  return { sim, client: simSdkClient(sim), UserPoolId: sim.userPoolId, state: (name: string) => sim!.detailed!.user(name)! }
}

describe('passwords', () => {
  it('AdminSetUserPassword checks the policy; Permanent decides between CONFIRMED and FORCE_CHANGE_PASSWORD', async () => {
    const { client, UserPoolId, state } = await open()
    const set = (Username: string, Password: string, Permanent: boolean) =>
      client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password, Permanent }))
    expect(await failureOf(set('ada', 'short', true))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough'
    })
    await set('cy', 'New-Passw0rd!', true)
    expect(state('cy')).toMatchObject({ status: 'CONFIRMED', password: 'New-Passw0rd!' })
    await set('ada', 'Temp-Passw0rd!', false)
    expect(state('ada').status).toBe('FORCE_CHANGE_PASSWORD')
  })

  it('AdminResetUserPassword needs a verified email or phone, and leaves the user RESET_REQUIRED with a code sent', async () => {
    const { client, UserPoolId, state, sim } = await open()
    const reset = (Username: string) => client.send(new AdminResetUserPasswordCommand({ UserPoolId, Username, ClientMetadata: { by: 'desk' } }))
    expect(await failureOf(reset('bob'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number'
    })
    await reset('ada')
    expect(state('ada').status).toBe('RESET_REQUIRED')
    expect(sim.detailed!.messages).toEqual([
      { operation: 'AdminResetUserPassword', username: 'ada', medium: 'EMAIL', destination: 'ada@example.com', reason: 'reset-password' }
    ])
    expect(sim.writes.at(-1)).toEqual({ operation: 'AdminResetUserPassword', username: 'ada', outcome: 'ok', clientMetadata: { by: 'desk' } })
  })
})

describe('invitations and confirmation', () => {
  it('AdminCreateUser RESEND sends a new temporary password only to a user waiting to set one', async () => {
    const old = new Date('2024-01-01T00:00:00Z')
    const { client, UserPoolId, state, sim } = await open([
      { username: 'cy', status: 'FORCE_CHANGE_PASSWORD', passwordSetAt: old, attributes: { email: 'cy@example.com' } },
      users[0]!
    ])
    const resend = (Username: string) => client.send(new AdminCreateUserCommand({ UserPoolId, Username, MessageAction: 'RESEND' }))
    const { User } = await resend('cy')
    expect(User).toMatchObject({ Username: 'cy', UserStatus: 'FORCE_CHANGE_PASSWORD' })
    expect(state('cy').passwordSetAt.getTime()).toBeGreaterThan(old.getTime())
    expect(sim.detailed!.messages.map((m) => [m.username, m.reason])).toEqual([['cy', 'invitation']])
    expect(await failureOf(resend('ada'))).toEqual({
      name: 'UnsupportedUserStateException',
      message: 'Resend not possible. User status is not FORCE_CHANGE_PASSWORD'
    })
    expect((await failureOf(resend('nobody'))).name).toBe('UserNotFoundException')
  })

  it('AdminConfirmSignUp confirms an unconfirmed user once; ResendConfirmationCode goes to the auto-verified email', async () => {
    const { client, UserPoolId, state, sim } = await open()
    const { CodeDeliveryDetails } = await client.send(new ResendConfirmationCodeCommand({ ClientId: sim.clientId, Username: 'dee' }))
    expect(CodeDeliveryDetails).toEqual({ Destination: 'd***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' })
    await client.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: 'dee' }))
    expect(state('dee').status).toBe('CONFIRMED')
    expect(await failureOf(client.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: 'dee' })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED'
    })
    expect(await failureOf(client.send(new ResendConfirmationCodeCommand({ ClientId: sim.clientId, Username: 'dee' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'User is already confirmed.'
    })
  })
})

describe('access', () => {
  it('disabling, global sign-out and deleting revoke tokens; enabling restores the user', async () => {
    const { client, UserPoolId, state } = await open()
    await client.send(new AdminDisableUserCommand({ UserPoolId, Username: 'ada' }))
    expect(state('ada')).toMatchObject({ enabled: false, tokensRevokedAt: expect.any(Date) })
    await client.send(new AdminEnableUserCommand({ UserPoolId, Username: 'ada' }))
    expect(state('ada').enabled).toBe(true)
    await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: 'bob' }))
    expect(state('bob').tokensRevokedAt).toBeInstanceOf(Date)
    await client.send(new AdminDeleteUserCommand({ UserPoolId, Username: 'bob' }))
    expect(sim!.detailed!.user('bob')).toBeNull()
    expect((await failureOf(client.send(new AdminDeleteUserCommand({ UserPoolId, Username: 'bob' })))).name).toBe('UserNotFoundException')
  })
})

describe('groups', () => {
  it('lists groups and memberships, pages them, and adds and removes members', async () => {
    const { client, UserPoolId, state } = await open()
    const { Groups } = await client.send(new ListGroupsCommand({ UserPoolId }))
    expect(Groups).toEqual([
      { GroupName: 'support', UserPoolId, Description: 'Support desk', Precedence: 1, CreationDate: expect.any(Date), LastModifiedDate: expect.any(Date) }
    ])
    const mine = await client.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: 'ada' }))
    expect(mine.Groups?.map((g) => g.GroupName)).toEqual(['support'])
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'bob', GroupName: 'support' }))
    expect(state('bob').groups).toEqual(['support'])
    await client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: 'ada', GroupName: 'support' }))
    expect(state('ada').groups).toEqual([])
    expect(await failureOf(client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'bob', GroupName: 'admins' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Group not found.'
    })
    const paged = await client.send(new ListGroupsCommand({ UserPoolId, Limit: 1 }))
    expect(paged.NextToken).toBeUndefined()
    expect((await failureOf(client.send(new ListGroupsCommand({ UserPoolId, Limit: 61 })))).name).toBe('InvalidParameterException')
  })
})
