/**
 * App clients on the detailed simulated pool through the real SDK, for tier-integrity checks:
 * ListUserPoolClients' short entries and paging, DescribeUserPoolClient's defaults (with the secret),
 * UpdateUserPoolClient resetting every setting it is not given, SignUp held to the client's write
 * list, and the self-service path by which a user changes their own tier.
 */
import {
  DescribeUserPoolClientCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  UpdateUserPoolClientCommand,
  AdminUserGlobalSignOutCommand
} from '@aws-sdk/client-cognito-identity-provider'
import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { failureOf, SIM_PASSWORD, simSdkClient, startCognitoSim, type CognitoSim, type CognitoSimOptions, type SimClientSeed } from '..'

let sim: CognitoSim | undefined
afterEach(async () => {
  await sim?.stop()
  sim = undefined
})

const web: SimClientSeed = {
  ClientName: 'web',
  ClientId: 'webclient0000000000000001',
  ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  ReadAttributes: ['email', 'email_verified', 'name', 'custom:user_tier'],
  WriteAttributes: ['email', 'name', 'custom:user_tier'],
  AccessTokenValidity: 2,
  TokenValidityUnits: { AccessToken: 'hours' }
}
const mobile: SimClientSeed = {
  ClientName: 'mobile',
  ClientId: 'mobileclient0000000000002',
  ClientSecret: 'mobile-secret',
  ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH']
}
const backend: SimClientSeed = { ClientName: 'backend', ClientId: 'backendclient000000000003' }

async function open(options: Partial<CognitoSimOptions> = {}) {
  sim = await startCognitoSim({
    detailedUsers: [{ username: 'ada', attributes: { email: 'ada@example.com', email_verified: 'true', 'custom:user_tier': 'standard' } }],
    clients: [web, mobile, backend],
    ...options
  })
  return { sim, client: simSdkClient(sim), UserPoolId: sim.userPoolId }
}

const hash = (secret: string, username: string, clientId: string) =>
  createHmac('sha256', secret)
    .update(username + clientId)
    .digest('base64')

describe('the pool clients', () => {
  it('ListUserPoolClients returns ClientId, ClientName and UserPoolId only, paged by MaxResults 1–60', async () => {
    const { client, UserPoolId } = await open()
    const first = await client.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 2 }))
    expect(first.UserPoolClients).toEqual([
      { ClientId: web.ClientId, ClientName: 'web', UserPoolId },
      { ClientId: mobile.ClientId, ClientName: 'mobile', UserPoolId }
    ])
    const rest = await client.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 2, NextToken: first.NextToken }))
    expect(rest.UserPoolClients?.map((c) => c.ClientName)).toEqual(['backend'])
    expect(rest.NextToken).toBeUndefined()
    expect((await failureOf(client.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 61 })))).name).toBe('InvalidParameterException')
    expect((await failureOf(client.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 0 })))).name).toBe('InvalidParameterException')
  })

  it("DescribeUserPoolClient shows Cognito's defaults, omits default read and write lists, and returns the secret", async () => {
    const { client, UserPoolId } = await open()
    const { UserPoolClient } = await client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: backend.ClientId }))
    expect(UserPoolClient).toMatchObject({
      ClientName: 'backend',
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      PreventUserExistenceErrors: 'LEGACY',
      EnableTokenRevocation: true,
      AuthSessionValidity: 3
    })
    expect(UserPoolClient?.ReadAttributes).toBeUndefined()
    expect(UserPoolClient?.WriteAttributes).toBeUndefined()
    expect(UserPoolClient?.ClientSecret).toBeUndefined()
    const withSecret = await client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: mobile.ClientId }))
    expect(withSecret.UserPoolClient?.ClientSecret).toBe('mobile-secret')
    expect(await failureOf(client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: 'nope' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nope does not exist.'
    })
  })

  it('UpdateUserPoolClient resets every setting the request leaves out to its default, as Cognito does', async () => {
    const { client, UserPoolId, sim } = await open()
    const { UserPoolClient } = await client.send(new UpdateUserPoolClientCommand({ UserPoolId, ClientId: web.ClientId, RefreshTokenValidity: 7 }))
    expect(UserPoolClient).toMatchObject({ ClientName: 'web', RefreshTokenValidity: 7, AccessTokenValidity: 60 })
    // The write list, the auth flows and the token units were not sent, so they are gone.
    expect(UserPoolClient?.WriteAttributes).toBeUndefined()
    expect(UserPoolClient?.ReadAttributes).toBeUndefined()
    expect(UserPoolClient?.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'])
    expect(sim.detailed!.client(web.ClientId!)).toMatchObject({ RefreshTokenValidity: 7, TokenValidityUnits: { AccessToken: 'minutes' } })
    expect(sim.writes).toEqual([{ operation: 'UpdateUserPoolClient', username: '', outcome: 'ok', clientId: web.ClientId }])
    expect(
      (await failureOf(client.send(new UpdateUserPoolClientCommand({ UserPoolId, ClientId: web.ClientId, WriteAttributes: ['custom:unknown'] })))).message
    ).toBe('Invalid write attributes specified while updating a client')
  })
})

describe('SignUp through a client', () => {
  it("refuses an attribute outside the client's write list; a client without one may write standard attributes only", async () => {
    const { client } = await open({ pool: { CustomAttributes: [{ Name: 'user_tier' }] } })
    const signUp = (ClientId: string, Username: string, attributes: Record<string, string>, SecretHash?: string) =>
      client.send(
        new SignUpCommand({
          ClientId,
          Username,
          Password: SIM_PASSWORD,
          SecretHash,
          UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }))
        })
      )
    expect(await failureOf(signUp(backend.ClientId!, 'eve', { email: 'eve@example.com', 'custom:user_tier': 'premium' }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute'
    })
    expect((await failureOf(signUp(backend.ClientId!, 'eve', { email_verified: 'true' }))).name).toBe('NotAuthorizedException')
    await signUp(backend.ClientId!, 'eve', { email: 'eve@example.com' })
    await signUp(web.ClientId!, 'fay', { email: 'fay@example.com', 'custom:user_tier': 'premium' })
    expect(await failureOf(signUp(mobile.ClientId!, 'gus', {}, 'wrong'))).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${mobile.ClientId}`
    })
    await signUp(mobile.ClientId!, 'gus', {}, hash('mobile-secret', 'gus', mobile.ClientId!))
    expect(sim!.created().map((u) => [u.username, u.status, u.tier])).toEqual([
      ['eve', 'UNCONFIRMED', undefined],
      ['fay', 'UNCONFIRMED', 'premium'],
      ['gus', 'UNCONFIRMED', undefined]
    ])
  })

  it('is refused in a pool where only administrators create users', async () => {
    const { client } = await open({ pool: { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } } })
    expect(await failureOf(client.send(new SignUpCommand({ ClientId: backend.ClientId, Username: 'eve', Password: SIM_PASSWORD })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'SignUp is not permitted for this user pool'
    })
  })
})

describe('a user changing their own tier', () => {
  const signIn = (client: ReturnType<typeof simSdkClient>, ClientId: string, USERNAME: string, PASSWORD = SIM_PASSWORD, SECRET_HASH?: string) =>
    client.send(
      new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD, ...(SECRET_HASH ? { SECRET_HASH } : {}) } })
    )

  it('succeeds through a client whose write list has the tier, and is refused through one whose list lacks it', async () => {
    const { client, sim } = await open({ clients: [web, { ...mobile, WriteAttributes: ['name'] }] })
    const { AuthenticationResult } = await signIn(client, web.ClientId!, 'ada')
    expect(AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 7200 })
    await client.send(
      new UpdateUserAttributesCommand({ AccessToken: AuthenticationResult!.AccessToken, UserAttributes: [{ Name: 'custom:user_tier', Value: 'premium' }] })
    )
    expect(sim.tierOf('ada')).toBe('premium')
    expect(sim.writes.at(-1)).toEqual({ operation: 'UpdateUserAttributes', username: 'ada', outcome: 'ok' })
    const me = await client.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken }))
    expect(me.UserAttributes?.map((a) => a.Name)).toEqual(['sub', 'email', 'email_verified', 'custom:user_tier'])

    const viaMobile = await signIn(client, mobile.ClientId!, 'ada', SIM_PASSWORD, hash('mobile-secret', 'ada', mobile.ClientId!))
    expect(
      await failureOf(
        client.send(
          new UpdateUserAttributesCommand({
            AccessToken: viaMobile.AuthenticationResult!.AccessToken,
            UserAttributes: [{ Name: 'custom:user_tier', Value: 'gold' }]
          })
        )
      )
    ).toEqual({ name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' })
    expect(sim.tierOf('ada')).toBe('premium')
  })

  it('answers sign-in refusals as Cognito does, including an expired temporary password', async () => {
    const long = new Date(Date.now() - 8 * 86400_000)
    const { client, UserPoolId } = await open({
      detailedUsers: [
        { username: 'ada', attributes: {} },
        { username: 'old', status: 'FORCE_CHANGE_PASSWORD', passwordSetAt: long },
        { username: 'new', status: 'FORCE_CHANGE_PASSWORD', passwordSetAt: new Date() },
        { username: 'off', enabled: false },
        { username: 'unc', status: 'UNCONFIRMED' },
        { username: 'rst', status: 'RESET_REQUIRED' }
      ]
    })
    const refusal = (name: string, password = SIM_PASSWORD) => failureOf(signIn(client, web.ClientId!, name, password))
    expect(await refusal('old')).toEqual({ name: 'NotAuthorizedException', message: 'Temporary password has expired and must be reset by an administrator.' })
    expect((await signIn(client, web.ClientId!, 'new')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
    expect(await refusal('ada', 'wrong')).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' })
    expect(await refusal('off')).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' })
    expect((await refusal('unc')).name).toBe('UserNotConfirmedException')
    expect((await refusal('rst')).name).toBe('PasswordResetRequiredException')
    expect((await refusal('nobody')).name).toBe('UserNotFoundException')
    expect(await failureOf(signIn(client, backend.ClientId!, 'ada'))).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client'
    })
    expect((await failureOf(signIn(client, mobile.ClientId!, 'ada'))).message).toBe(`Unable to verify secret hash for client ${mobile.ClientId}`)

    const { AuthenticationResult } = await signIn(client, web.ClientId!, 'ada')
    await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: 'ada' }))
    expect(await failureOf(client.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked'
    })
  })
})
