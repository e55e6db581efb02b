/**
 * The operations the sandbox adds to cognito-local or corrects, through the real SDK against a real
 * sandbox in a temp folder: each answers as Cognito documents for a pool like the sandbox's (no
 * threat protection, no remembered devices).
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableProviderForUserCommand,
  AdminForgetDeviceCommand,
  AdminGetUserCommand,
  AdminListDevicesCommand,
  AdminListUserAuthEventsCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateAuthEventFeedbackCommand,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  UpdateUserPoolClientCommand,
  type CognitoIdentityProviderClient
} from '@aws-sdk/client-cognito-identity-provider'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSandbox, type Sandbox } from '../../../src/main/sandbox/sandbox'
import { provisioningClient } from '../../../src/main/sandbox/sandboxPool'
import { failureOf } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-sandbox-extra-')
let sandbox: Sandbox
let client: CognitoIdentityProviderClient
let UserPoolId: string

beforeAll(async () => {
  sandbox = await openSandbox(temp.dir, { processLabel: 'the sandbox test' })
  client = provisioningClient(sandbox.endpoint(), sandbox.credential())
  UserPoolId = sandbox.userPoolId
  const create = (Username: string, attributes: Record<string, string>) =>
    client.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username,
        MessageAction: 'SUPPRESS',
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }))
      })
    )
  await create('ada', { email: 'ada@example.com', phone_number: '+15550100', 'custom:user_tier': 'premium' })
  await create('bob', {})
  const linked = JSON.stringify([
    { userId: 'g-1', providerName: 'Google', providerType: 'Google', issuer: null, primary: 'true', dateCreated: '1700000000000' },
    { userId: 'f-1', providerName: 'Facebook', providerType: 'Facebook', issuer: null, primary: 'false', dateCreated: '1700000000000' }
  ])
  await create('cy', { email: 'cy@example.com' })
  // Cognito writes identities only when it links a federated sign-in, which the sandbox has no IdP for:
  // the linked user is written into the stopped sandbox's pool file, as cognito-local stores users.
  client.destroy()
  await sandbox.stop()
  const file = join(temp.dir, 'sandbox', 'db', `${UserPoolId}.json`)
  const data = JSON.parse(readFileSync(file, 'utf8')) as { Users: Record<string, { Attributes: { Name: string; Value: string }[] }> }
  data.Users.cy!.Attributes.push({ Name: 'identities', Value: linked })
  writeFileSync(file, JSON.stringify(data))
  await sandbox.restart()
  client = provisioningClient(sandbox.endpoint(), sandbox.credential())
})

afterAll(async () => {
  client.destroy()
  await sandbox.stop()
  temp.remove()
})

describe('AdminSetUserMFAPreference', () => {
  it('stores the preference, which AdminGetUser then shows', async () => {
    await client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'ada', SMSMfaSettings: { Enabled: true, PreferredMfa: true } }))
    const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'ada' }))
    expect(user).toMatchObject({
      UserMFASettingList: ['SMS_MFA'],
      PreferredMfaSetting: 'SMS_MFA',
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]
    })
    await client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'ada', SMSMfaSettings: { Enabled: false } }))
    const after = await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'ada' }))
    expect(after.UserMFASettingList).toBeUndefined()
    expect(after.PreferredMfaSetting).toBeUndefined()
  })

  it('refuses a method the user has no delivery for, and an unknown user', async () => {
    expect(await failureOf(client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'bob', SMSMfaSettings: { Enabled: true } })))).toEqual({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SMS_MFA'
    })
    expect(
      (await failureOf(client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'ada', SoftwareTokenMfaSettings: { Enabled: true } })))).message
    ).toBe('User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA')
    expect((await failureOf(client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'zed', SMSMfaSettings: { Enabled: false } })))).name).toBe(
      'UserNotFoundException'
    )
  })
})

describe('devices and auth events', () => {
  it('lists no devices (the sandbox remembers none) and answers ResourceNotFoundException for one to forget', async () => {
    expect(await client.send(new AdminListDevicesCommand({ UserPoolId, Username: 'ada' }))).toMatchObject({ Devices: [] })
    expect((await failureOf(client.send(new AdminListDevicesCommand({ UserPoolId, Username: 'ada', Limit: 61 })))).name).toBe('InvalidParameterException')
    expect((await failureOf(client.send(new AdminListDevicesCommand({ UserPoolId, Username: 'zed' })))).name).toBe('UserNotFoundException')
    const key = 'us-east-1_0a1b2c3d-0000-4000-8000-000000000000'
    expect(await failureOf(client.send(new AdminForgetDeviceCommand({ UserPoolId, Username: 'ada', DeviceKey: key })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Device not found.'
    })
  })

  it('answers UserPoolAddOnNotEnabledException, the sandbox pool having no threat protection', async () => {
    expect((await failureOf(client.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username: 'ada' })))).name).toBe('UserPoolAddOnNotEnabledException')
    expect(
      (await failureOf(client.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId, Username: 'ada', EventId: 'e-1', FeedbackValue: 'Valid' })))).name
    ).toBe('UserPoolAddOnNotEnabledException')
  })
})

describe('user operations corrected', () => {
  it("AdminSetUserPassword checks the pool's policy and sets the status Permanent asks for", async () => {
    const set = (Password: string, Permanent: boolean) => client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'bob', Password, Permanent }))
    expect(await failureOf(set('weak', true))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough'
    })
    await set('Strong-Passw0rd!', true)
    expect((await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'bob' }))).UserStatus).toBe('CONFIRMED')
    await set('Temp-Passw0rd!', false)
    expect((await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'bob' }))).UserStatus).toBe('FORCE_CHANGE_PASSWORD')
  })

  it('AdminDeleteUserAttributes answers an unknown user and an unknown attribute as Cognito does', async () => {
    expect((await failureOf(client.send(new AdminDeleteUserAttributesCommand({ UserPoolId, Username: 'zed', UserAttributeNames: ['name'] })))).name).toBe(
      'UserNotFoundException'
    )
    expect(
      (await failureOf(client.send(new AdminDeleteUserAttributesCommand({ UserPoolId, Username: 'ada', UserAttributeNames: ['custom:nope'] })))).name
    ).toBe('InvalidParameterException')
    await client.send(new AdminDeleteUserAttributesCommand({ UserPoolId, Username: 'ada', UserAttributeNames: ['custom:user_tier'] }))
    const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'ada' }))
    expect(user.UserAttributes?.map((a) => a.Name)).not.toContain('custom:user_tier')
  })

  it("AdminDisableProviderForUser removes a provider's link from identities", async () => {
    const disable = (ProviderName: string, ProviderAttributeValue: string) =>
      client.send(
        new AdminDisableProviderForUserCommand({ UserPoolId, User: { ProviderName, ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue } })
      )
    await disable('Google', 'g-1')
    const identities = async () =>
      (await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'cy' }))).UserAttributes?.find((a) => a.Name === 'identities')?.Value
    expect(JSON.parse((await identities())!).map((i: { providerName: string }) => i.providerName)).toEqual(['Facebook'])
    await disable('Facebook', 'f-1')
    expect(await identities()).toBeUndefined()
    expect((await failureOf(disable('Google', 'g-9'))).name).toBe('UserNotFoundException')
  })
})

describe('app clients', () => {
  it('ListUserPoolClients returns short entries, paged; DescribeUserPoolClient shows the defaults and the secret', async () => {
    await client.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'second' }))
    const first = await client.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 1 }))
    expect(first.UserPoolClients).toEqual([{ ClientId: sandbox.clientId, ClientName: 'tier-admin', UserPoolId }])
    const rest = await client.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 1, NextToken: first.NextToken }))
    expect(rest.UserPoolClients?.map((c) => c.ClientName)).toEqual(['second'])
    expect(rest.NextToken).toBeUndefined()
    expect((await failureOf(client.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 61 })))).name).toBe('InvalidParameterException')

    const { UserPoolClient } = await client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: sandbox.clientId }))
    expect(UserPoolClient).toMatchObject({
      ClientName: 'tier-admin',
      ClientSecret: sandbox.clientSecret,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      PreventUserExistenceErrors: 'LEGACY'
    })
    expect(UserPoolClient?.WriteAttributes).toBeUndefined()
    expect(await failureOf(client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: 'nope' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nope does not exist.'
    })
  })

  it('UpdateUserPoolClient resets every setting it is not given, as Cognito does', async () => {
    const { UserPoolClients } = await client.send(new ListUserPoolClientsCommand({ UserPoolId }))
    const second = UserPoolClients!.find((c) => c.ClientName === 'second')!.ClientId!
    await client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId,
        ClientId: second,
        WriteAttributes: ['email', 'custom:user_tier'],
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH']
      })
    )
    const { UserPoolClient } = await client.send(new UpdateUserPoolClientCommand({ UserPoolId, ClientId: second, IdTokenValidity: 30 }))
    expect(UserPoolClient).toMatchObject({
      ClientName: 'second',
      IdTokenValidity: 30,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']
    })
    expect(UserPoolClient?.WriteAttributes).toBeUndefined()
    const described = await client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: second }))
    expect(described.UserPoolClient?.WriteAttributes).toBeUndefined()
  })
})
