/**
 * A user's sign-in security on the detailed simulated pool through the real SDK: MFA preferences,
 * remembered devices, the threat-protection event log (and its refusal when threat protection is off),
 * event feedback, and unlinking an external identity provider.
 */
import {
  AdminDisableProviderForUserCommand,
  AdminForgetDeviceCommand,
  AdminGetUserCommand,
  AdminListDevicesCommand,
  AdminListUserAuthEventsCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateAuthEventFeedbackCommand
} from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { failureOf, identitiesOf, simSdkClient, startCognitoSim, type CognitoSim, type CognitoSimOptions, type SimUserSeed } from '..'

let sim: CognitoSim | undefined
afterEach(async () => {
  await sim?.stop()
  sim = undefined
})

const DEVICE = 'us-east-1_0a1b2c3d-0000-4000-8000-00000000000'
const devices = Array.from({ length: 5 }, (_, i) => ({
  key: `${DEVICE}${i}`,
  name: `Phone ${i}`,
  remembered: i !== 4,
  lastIp: `192.0.2.${i}`,
  createdAt: new Date(Date.UTC(2024, 5, i + 1)),
  lastAuthenticatedAt: new Date(Date.UTC(2024, 6, i + 1))
}))
const events = [
  { id: 'evt-old', createdAt: new Date('2024-05-01T08:00:00Z'), response: 'Pass' as const, context: { ip: '192.0.2.9', city: 'Lyon', country: 'France' } },
  {
    id: 'evt-new',
    type: 'SignIn' as const,
    createdAt: new Date('2024-06-01T08:00:00Z'),
    response: 'Fail' as const,
    risk: { decision: 'AccountTakeover' as const, level: 'High' as const, compromisedCredentials: true },
    challenges: [{ name: 'Password' as const, response: 'Failure' as const }],
    context: { ip: '198.51.100.7', deviceName: 'Chrome, Windows', timezone: '+02:00', city: 'Oslo', country: 'Norway' }
  }
]
const users: SimUserSeed[] = [
  { username: 'ada', attributes: { email: 'ada@example.com', phone_number: '+15550100' }, devices, authEvents: events, mfa: { totpAssociated: true } },
  { username: 'bob', attributes: {} }
]

async function open(options: Partial<CognitoSimOptions> = {}) {
  sim = await startCognitoSim({ detailedUsers: users, ...options })
  return { sim, client: simSdkClient(sim), UserPoolId: sim.userPoolId }
}

describe('AdminSetUserMFAPreference', () => {
  it('stores the methods and the preferred one, which AdminGetUser then shows', async () => {
    const { client, UserPoolId } = await open()
    await client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId,
        Username: 'ada',
        SMSMfaSettings: { Enabled: true },
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true }
      })
    )
    const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'ada' }))
    expect(user).toMatchObject({ UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' })
    await client.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'ada', SoftwareTokenMfaSettings: { Enabled: false }, SMSMfaSettings: { Enabled: false } })
    )
    const after = await client.send(new AdminGetUserCommand({ UserPoolId, Username: 'ada' }))
    expect(after.UserMFASettingList).toBeUndefined()
    expect(after.PreferredMfaSetting).toBeUndefined()
  })

  it('refuses a method the user has no delivery for, as Cognito words it', async () => {
    const { client, UserPoolId } = await open()
    const set = (settings: object) => client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: 'bob', ...settings }))
    expect(await failureOf(set({ SoftwareTokenMfaSettings: { Enabled: true } }))).toEqual({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA'
    })
    expect((await failureOf(set({ SMSMfaSettings: { Enabled: true } }))).message).toBe('User does not have delivery config set to turn on SMS_MFA')
    expect((await failureOf(set({ EmailMfaSettings: { Enabled: true } }))).message).toBe('User does not have delivery config set to turn on EMAIL_OTP')
  })
})

describe('devices', () => {
  it('lists devices with the attributes Cognito names, paged by Limit ≤ 60, and forgets one', async () => {
    const { client, UserPoolId } = await open()
    const first = await client.send(new AdminListDevicesCommand({ UserPoolId, Username: 'ada', Limit: 3 }))
    expect(first.Devices).toHaveLength(3)
    expect(first.Devices?.[0]).toEqual({
      DeviceKey: `${DEVICE}0`,
      DeviceAttributes: [
        { Name: 'device_status', Value: 'valid' },
        { Name: 'device_name', Value: 'Phone 0' },
        { Name: 'last_ip_used', Value: '192.0.2.0' },
        { Name: 'dev:device_remembered_status', Value: 'remembered' }
      ],
      DeviceCreateDate: new Date(Date.UTC(2024, 5, 1)),
      DeviceLastModifiedDate: new Date(Date.UTC(2024, 5, 1)),
      DeviceLastAuthenticatedDate: new Date(Date.UTC(2024, 6, 1))
    })
    const rest = await client.send(new AdminListDevicesCommand({ UserPoolId, Username: 'ada', Limit: 3, PaginationToken: first.PaginationToken }))
    expect(rest.Devices?.map((d) => d.DeviceKey)).toEqual([`${DEVICE}3`, `${DEVICE}4`])
    expect(rest.Devices?.[1]?.DeviceAttributes).toContainEqual({ Name: 'dev:device_remembered_status', Value: 'not_remembered' })
    expect(rest.PaginationToken).toBeUndefined()
    expect((await failureOf(client.send(new AdminListDevicesCommand({ UserPoolId, Username: 'ada', Limit: 61 })))).name).toBe('InvalidParameterException')
    expect(await client.send(new AdminListDevicesCommand({ UserPoolId, Username: 'bob' }))).toMatchObject({ Devices: [] })

    await client.send(new AdminForgetDeviceCommand({ UserPoolId, Username: 'ada', DeviceKey: `${DEVICE}0` }))
    expect(sim!.detailed!.user('ada')!.devices).toHaveLength(4)
    expect(await failureOf(client.send(new AdminForgetDeviceCommand({ UserPoolId, Username: 'ada', DeviceKey: `${DEVICE}0` })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Device not found.'
    })
    expect((await failureOf(client.send(new AdminForgetDeviceCommand({ UserPoolId, Username: 'ada', DeviceKey: 'not a key' })))).name).toBe(
      'InvalidParameterException'
    )
  })
})

describe('auth events', () => {
  it('answer UserPoolAddOnNotEnabledException while threat protection is off', async () => {
    const { client, UserPoolId } = await open()
    expect((await failureOf(client.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username: 'ada' })))).name).toBe('UserPoolAddOnNotEnabledException')
    expect(
      (await failureOf(client.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId, Username: 'ada', EventId: 'evt-new', FeedbackValue: 'Valid' })))).name
    ).toBe('UserPoolAddOnNotEnabledException')
  })

  it('list newest first with risk, challenges and context, page by MaxResults, and take feedback', async () => {
    const { client, UserPoolId } = await open({ pool: { AdvancedSecurityMode: 'AUDIT' } })
    const first = await client.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username: 'ada', MaxResults: 1 }))
    expect(first.AuthEvents).toEqual([
      {
        EventId: 'evt-new',
        EventType: 'SignIn',
        CreationDate: new Date('2024-06-01T08:00:00Z'),
        EventResponse: 'Fail',
        EventRisk: { RiskDecision: 'AccountTakeover', RiskLevel: 'High', CompromisedCredentialsDetected: true },
        ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }],
        EventContextData: { IpAddress: '198.51.100.7', DeviceName: 'Chrome, Windows', Timezone: '+02:00', City: 'Oslo', Country: 'Norway' }
      }
    ])
    const second = await client.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username: 'ada', MaxResults: 1, NextToken: first.NextToken }))
    expect(second.AuthEvents?.map((e) => e.EventId)).toEqual(['evt-old'])
    expect(second.NextToken).toBeUndefined()
    expect((await failureOf(client.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username: 'ada', MaxResults: 61 })))).name).toBe(
      'InvalidParameterException'
    )

    await client.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId, Username: 'ada', EventId: 'evt-new', FeedbackValue: 'Invalid' }))
    const { AuthEvents } = await client.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username: 'ada' }))
    expect(AuthEvents?.[0]?.EventFeedback).toEqual({ FeedbackValue: 'Invalid', Provider: 'Admin', FeedbackDate: expect.any(Date) })
    expect(
      (await failureOf(client.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId, Username: 'ada', EventId: 'nope', FeedbackValue: 'Valid' })))).name
    ).toBe('ResourceNotFoundException')
  })
})

describe('AdminDisableProviderForUser', () => {
  it("removes the link from a linked user's identities, deletes an unlinked federated user, and stops a local user's password sign-in", async () => {
    const linked = identitiesOf([
      { providerName: 'Google', userId: 'g-1' },
      { providerName: 'Facebook', userId: 'f-1', primary: false }
    ])
    const { client, UserPoolId } = await open({
      detailedUsers: [
        { username: 'ada', attributes: { email: 'ada@example.com', identities: linked } },
        { username: 'Google_g-2', status: 'EXTERNAL_PROVIDER', attributes: { identities: identitiesOf([{ providerName: 'Google', userId: 'g-2' }]) } }
      ]
    })
    const disable = (ProviderName: string, ProviderAttributeValue: string) =>
      client.send(
        new AdminDisableProviderForUserCommand({ UserPoolId, User: { ProviderName, ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue } })
      )
    await disable('Google', 'g-1')
    const left = JSON.parse(sim!.detailed!.user('ada')!.attributes.identities!)
    expect(left.map((i: { providerName: string }) => i.providerName)).toEqual(['Facebook'])
    await disable('Facebook', 'f-1')
    expect(sim!.detailed!.user('ada')!.attributes).not.toHaveProperty('identities')
    await disable('Google', 'g-2')
    expect(sim!.detailed!.user('Google_g-2')).toBeNull()
    expect((await failureOf(disable('Google', 'g-9'))).name).toBe('UserNotFoundException')
    await disable('Cognito', 'ada')
    expect(sim!.detailed!.user('ada')!.passwordSignInDisabled).toBe(true)
    expect(sim!.writes.map((w) => w.username)).toEqual(['Google_g-1', 'Facebook_f-1', 'Google_g-2', 'Google_g-9', 'ada'])
  })
})
