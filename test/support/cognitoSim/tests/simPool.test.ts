/**
 * The detailed simulated pool through the real SDK: DescribeUserPool's settings and their defaults,
 * AdminGetUser's full shape (MFA, federated identities), and ListUsers over detailed users with
 * Cognito's searchable attributes, `=` and `^=`, case rules and paging.
 */
import { AdminGetUserCommand, DescribeUserPoolCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { failureOf, identitiesOf, simSdkClient, startCognitoSim, type CognitoSim, type CognitoSimOptions, type SimUserSeed } from '..'

let sim: CognitoSim | undefined
afterEach(async () => {
  await sim?.stop()
  sim = undefined
})

async function open(options: Partial<CognitoSimOptions>) {
  sim = await startCognitoSim({ detailedUsers: [], ...options })
  return { sim, client: simSdkClient(sim), pool: sim.userPoolId }
}

const ada = {
  username: 'ada',
  createdAt: new Date('2024-03-01T10:00:00Z'),
  modifiedAt: new Date('2024-04-01T10:00:00Z'),
  attributes: {
    email: 'ada@example.com',
    email_verified: 'true',
    phone_number: '+15550100',
    phone_number_verified: 'false',
    name: 'Ada Lovelace',
    given_name: 'Ada',
    'custom:user_tier': 'premium'
  },
  mfa: { enabled: ['SMS_MFA' as const, 'SOFTWARE_TOKEN_MFA' as const], preferred: 'SOFTWARE_TOKEN_MFA' as const, totpAssociated: true }
}

describe('DescribeUserPool', () => {
  it("tells a new pool's defaults", async () => {
    const { client, pool } = await open({ detailedUsers: [ada] })
    const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: pool }))
    expect(UserPool).toMatchObject({
      Id: pool,
      EstimatedNumberOfUsers: 1,
      MfaConfiguration: 'OFF',
      UserPoolAddOns: { AdvancedSecurityMode: 'OFF' },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 7
        }
      },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false }
    })
    expect(UserPool?.UsernameAttributes).toBeUndefined()
    const schema = new Map(UserPool?.SchemaAttributes?.map((a) => [a.Name, a]))
    expect(schema.get('sub')).toMatchObject({ Mutable: false, Required: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' } })
    expect(schema.get('email_verified')).toMatchObject({ AttributeDataType: 'Boolean', Mutable: true })
    expect(schema.get('custom:user_tier')).toMatchObject({
      AttributeDataType: 'String',
      Mutable: true,
      StringAttributeConstraints: { MinLength: '0', MaxLength: '256' }
    })
  })

  it('tells the settings a test gives', async () => {
    const { client, pool } = await open({
      pool: {
        MfaConfiguration: 'OPTIONAL',
        AdvancedSecurityMode: 'AUDIT',
        AutoVerifiedAttributes: ['email', 'phone_number'],
        AttributesRequireVerificationBeforeUpdate: ['email'],
        UsernameAttributes: ['email'],
        PasswordPolicy: { MinimumLength: 12, RequireSymbols: false, TemporaryPasswordValidityDays: 3 },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true },
        CustomAttributes: [{ Name: 'user_tier', Mutable: false }, { Name: 'company' }]
      }
    })
    const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: pool }))
    expect(UserPool).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      UsernameAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false, RequireNumbers: true, TemporaryPasswordValidityDays: 3 } },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false }
    })
    expect(UserPool?.SchemaAttributes?.find((a) => a.Name === 'custom:user_tier')?.Mutable).toBe(false)
    expect(UserPool?.SchemaAttributes?.map((a) => a.Name)).toContain('custom:company')
  })

  it('refuses a setting CreateUserPool refuses: verification before update of an attribute Cognito does not verify', async () => {
    await expect(
      startCognitoSim({ detailedUsers: [], pool: { AutoVerifiedAttributes: [], AttributesRequireVerificationBeforeUpdate: ['email'] } })
    ).rejects.toThrow(/AutoVerifiedAttributes/)
  })
})

describe('AdminGetUser', () => {
  it("shows a user's full state: dates, attributes, MFA settings and the legacy MFAOptions for SMS", async () => {
    const { client, pool } = await open({ detailedUsers: [ada] })
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: 'ada' }))
    expect(user).toMatchObject({
      Username: 'ada',
      Enabled: true,
      UserStatus: 'CONFIRMED',
      UserCreateDate: new Date('2024-03-01T10:00:00Z'),
      UserLastModifiedDate: new Date('2024-04-01T10:00:00Z'),
      UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]
    })
    expect(user.UserAttributes?.[0]?.Name).toBe('sub')
    expect(user.UserAttributes).toContainEqual({ Name: 'custom:user_tier', Value: 'premium' })
    expect(user.UserAttributes).toContainEqual({ Name: 'phone_number_verified', Value: 'false' })
  })

  it('shows a federated user with its identities as Cognito stores them, and finds a user by sub or verified alias', async () => {
    const identities = identitiesOf([{ providerName: 'Google', userId: '1045' }])
    const { client, pool } = await open({
      pool: { AliasAttributes: ['email'] },
      detailedUsers: [ada, { username: 'Google_1045', status: 'EXTERNAL_PROVIDER', attributes: { email: 'g@example.com', identities } }]
    })
    const federated = await client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: 'Google_1045' }))
    expect(federated.UserStatus).toBe('EXTERNAL_PROVIDER')
    expect(federated.UserMFASettingList).toBeUndefined()
    const stored = JSON.parse(federated.UserAttributes!.find((a) => a.Name === 'identities')!.Value!)
    expect(stored).toEqual([
      { dateCreated: expect.stringMatching(/^\d+$/), userId: '1045', providerName: 'Google', providerType: 'Google', issuer: null, primary: 'true' }
    ])
    const sub = sim!.detailed!.user('ada')!.sub
    expect((await client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: sub }))).Username).toBe('ada')
    expect((await client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: 'ada@example.com' }))).Username).toBe('ada')
    // An unverified email is no alias.
    expect((await failureOf(client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: 'g@example.com' })))).name).toBe('UserNotFoundException')
    expect(await failureOf(client.send(new AdminGetUserCommand({ UserPoolId: 'us-east-1_Other', Username: 'ada' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Other does not exist.'
    })
  })
})

describe('ListUsers over detailed users', () => {
  const users: SimUserSeed[] = [
    ada,
    { username: 'bob', attributes: { email: 'bob@example.com', family_name: 'Builder', preferred_username: 'bobby' }, status: 'UNCONFIRMED' as const },
    { username: 'Bea', enabled: false, attributes: { email: 'bea@example.org', phone_number: '+15550199', given_name: 'Bea' } },
    ...Array.from({ length: 7 }, (_, i) => ({ username: `user${i}`, attributes: { email: `user${i}@example.net` } }))
  ]

  it('filters on each searchable attribute with = and ^=, as case-sensitive as Cognito', async () => {
    const { client, pool } = await open({ detailedUsers: users })
    const names = async (Filter: string) => (await client.send(new ListUsersCommand({ UserPoolId: pool, Filter }))).Users?.map((u) => u.Username)
    expect(await names('email = "bob@example.com"')).toEqual(['bob'])
    expect(await names('email ^= "user"')).toHaveLength(7)
    expect(await names('phone_number ^= "+1555"')).toEqual(['ada', 'Bea'])
    expect(await names('name = "Ada Lovelace"')).toEqual(['ada'])
    expect(await names('given_name = "Bea"')).toEqual(['Bea'])
    expect(await names('family_name ^= "Build"')).toEqual(['bob'])
    expect(await names('preferred_username = "bobby"')).toEqual(['bob'])
    expect(await names('status = "Disabled"')).toEqual(['Bea'])
    expect(await names('cognito:user_status = "unconfirmed"')).toEqual(['bob'])
    expect(await names(`sub = "${sim!.detailed!.user('ada')!.sub}"`)).toEqual(['ada'])
    // username is case-sensitive in a filter.
    expect(await names('username = "bea"')).toEqual([])
    expect(await names('username ^= "B"')).toEqual(['Bea'])
    expect((await failureOf(client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'custom:user_tier = "premium"' })))).name).toBe(
      'InvalidParameterException'
    )
  })

  it('pages with Limit ≤ 60 and a token tied to its filter, and returns only AttributesToGet', async () => {
    const { client, pool } = await open({ detailedUsers: users })
    const first = await client.send(new ListUsersCommand({ UserPoolId: pool, Limit: 4 }))
    expect(first.Users?.map((u) => u.Username)).toEqual(['ada', 'bob', 'Bea', 'user0'])
    const second = await client.send(new ListUsersCommand({ UserPoolId: pool, Limit: 4, PaginationToken: first.PaginationToken }))
    const third = await client.send(new ListUsersCommand({ UserPoolId: pool, Limit: 4, PaginationToken: second.PaginationToken }))
    expect(third.Users).toHaveLength(2)
    expect(third.PaginationToken).toBeUndefined()
    expect(
      (await failureOf(client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'email ^= "u"', PaginationToken: first.PaginationToken })))).name
    ).toBe('InvalidParameterException')
    expect((await failureOf(client.send(new ListUsersCommand({ UserPoolId: pool, Limit: 61 })))).name).toBe('InvalidParameterException')
    const only = await client.send(new ListUsersCommand({ UserPoolId: pool, Limit: 1, AttributesToGet: ['email'] }))
    expect(only.Users?.[0]?.Attributes).toEqual([{ Name: 'email', Value: 'ada@example.com' }])
    expect(only.Users?.[0]?.MFAOptions).toEqual([{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }])
  })
})
