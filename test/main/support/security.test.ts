/**
 * A person's sign-in security on the simulator's detailed pool: resetting MFA (and what the pool then
 * asks at sign-in), remembered devices paged and forgotten, sign-in events with their feedback, the
 * answer of a pool without threat protection, and unlinking an external identity.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { summarize } from '../../../src/main/audit/summary'
import { forgetDevice, listDevices } from '../../../src/main/support/devices'
import { unlinkIdentity } from '../../../src/main/support/identities'
import { resetMfa } from '../../../src/main/support/mfa'
import { eventFeedback } from '../../../src/main/support/eventFeedback'
import { listSignInEvents } from '../../../src/main/support/signInEvents'
import { identitiesOf, type SimPoolSettings, type SimUserSeed } from '../../support/cognitoSim'
import { openSupportSim, type SupportSim } from './supportSim'

const KEY = 'us-east-1_0a1b2c3d-0000-4000-8000-0000000000'
const devices = Array.from({ length: 65 }, (_, i) => ({
  key: `${KEY}${String(i).padStart(2, '0')}`,
  name: `Phone ${i}`,
  remembered: i !== 1,
  lastIp: '192.0.2.1',
  createdAt: new Date(Date.UTC(2024, 5, 1)),
  lastAuthenticatedAt: new Date(Date.UTC(2024, 6, 1))
}))
const users: SimUserSeed[] = [
  {
    username: 'ada',
    attributes: { email: 'ada@example.com', phone_number: '+15550100' },
    mfa: { enabled: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA', totpAssociated: true },
    devices,
    authEvents: [
      {
        id: 'evt-1',
        type: 'SignIn',
        createdAt: new Date('2024-06-01T08:00:00Z'),
        response: 'Fail',
        risk: { decision: 'AccountTakeover', level: 'High', compromisedCredentials: true },
        challenges: [{ name: 'Password', response: 'Failure' }],
        context: { ip: '198.51.100.7', deviceName: 'Chrome, Windows', city: 'Oslo', country: 'Norway' }
      }
    ]
  },
  {
    username: 'lin',
    attributes: {
      email: 'lin@example.com',
      identities: identitiesOf([
        { providerName: 'Google', userId: 'g-42' },
        { providerName: 'Okta', providerType: 'SAML', userId: 'o-7', primary: false }
      ])
    }
  }
]

let sim: SupportSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})
const open = async (pool: SimPoolSettings = {}) => (sim = await openSupportSim(users, pool))

describe('MFA', () => {
  it('resets every method and says the pool will ask them to set one up again', async () => {
    const { deps, sim: pool, audit } = await open({ MfaConfiguration: 'ON' })
    const result = await resetMfa(deps, 'ada')
    expect(result.message).toBe(
      "ada's MFA is reset (turned off: text message, authenticator app). This pool requires MFA: at the next sign-in they are asked to set up a method again (authenticator app) before they get in."
    )
    expect(pool.detailed!.user('ada')!.mfa.enabled).toEqual([])
    expect(result.user?.mfa).toEqual({ enabled: [], preferred: null })
    expect(summarize(audit.entries.at(-1)!)).toBe('MFA reset')
    // Nothing left to reset: nothing is sent.
    expect((await resetMfa(deps, 'ada')).message).toContain('has no MFA method turned on; nothing was changed.')
  })

  it('on a pool where MFA is optional, says they sign in with the password alone', async () => {
    const { deps } = await open({ MfaConfiguration: 'OPTIONAL' })
    expect((await resetMfa(deps, 'ada')).message).toContain('MFA is optional on this pool: they sign in with their password alone')
  })
})

describe('devices', () => {
  it('lists them a page at a time and forgets one', async () => {
    const { deps, sim: pool, audit } = await open()
    const first = await listDevices(deps.gateway, 'ada')
    expect(first.devices).toHaveLength(60)
    expect(first.devices[1]).toEqual({
      key: `${KEY}01`,
      name: 'Phone 1',
      remembered: false,
      lastIp: '192.0.2.1',
      createdAt: '2024-06-01T00:00:00.000Z',
      lastAuthenticatedAt: '2024-07-01T00:00:00.000Z'
    })
    const second = await listDevices(deps.gateway, 'ada', first.nextToken)
    expect(second.devices).toHaveLength(5)
    expect(second.nextToken).toBeUndefined()
    const result = await forgetDevice(deps, 'ada', `${KEY}00`)
    expect(result.message).toContain('The device is forgotten')
    expect(pool.detailed!.user('ada')!.devices).toHaveLength(64)
    expect(audit.entries.at(-1)).toMatchObject({ operation: 'AdminForgetDevice', username: 'ada', changes: { device: `${KEY}00` }, outcome: 'ok' })
    await expect(forgetDevice(deps, 'ada', `${KEY}00`)).rejects.toMatchObject({ code: 'VALIDATION', fields: { deviceKey: 'No such device' } })
  })
})

describe('sign-in events', () => {
  it('says where the pool records none and what turns them on, never an error code', async () => {
    const { deps } = await open({ AdvancedSecurityMode: 'OFF' })
    const page = await listSignInEvents(deps.gateway, 'ada')
    expect(page).toEqual({ recorded: false, why: expect.stringContaining('threat protection (advanced security) is off') })
    expect(JSON.stringify(page)).not.toMatch(/Exception|[A-Z]{2,}_[A-Z]/)
    await expect(eventFeedback(deps, { username: 'ada', eventId: 'evt-1', feedback: 'Valid' })).rejects.toMatchObject({ code: 'USER_STATE' })
  })

  it("lists the events threat protection recorded, and takes the operator's verdict on one", async () => {
    const { deps, sim: pool, audit } = await open({ AdvancedSecurityMode: 'AUDIT' })
    expect(await listSignInEvents(deps.gateway, 'ada')).toEqual({
      recorded: true,
      events: [
        {
          id: 'evt-1',
          at: '2024-06-01T08:00:00.000Z',
          type: 'SignIn',
          outcome: 'Fail',
          risk: { decision: 'AccountTakeover', level: 'High', compromisedCredentials: true },
          where: { ip: '198.51.100.7', city: 'Oslo', country: 'Norway', device: 'Chrome, Windows' },
          challenges: ['Password: Failure'],
          feedback: null
        }
      ]
    })
    const result = await eventFeedback(deps, { username: 'ada', eventId: 'evt-1', feedback: 'Invalid' })
    expect(result.message).toContain('marked not valid')
    expect(pool.detailed!.user('ada')!.authEvents[0]!.feedback).toBe('Invalid')
    expect(summarize(audit.entries.at(-1)!)).toBe('Sign-in event marked not valid')
    const events = await listSignInEvents(deps.gateway, 'ada')
    expect(events.recorded && events.events[0]!.feedback).toBe('Invalid')
  })
})

describe('linked identities', () => {
  it('unlinks one provider, says what the person loses, and keeps the other', async () => {
    const { deps, sim: pool, audit } = await open()
    await expect(unlinkIdentity(deps, { username: 'lin', providerName: 'Google', providerUserId: 'nope' })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(audit.entries).toHaveLength(0)
    const result = await unlinkIdentity(deps, { username: 'lin', providerName: 'Google', providerUserId: 'g-42' })
    expect(result.message).toContain('lin can no longer sign in through Google; their other ways in stay.')
    expect(result.user?.identities.map((identity) => identity.providerName)).toEqual(['Okta'])
    expect(JSON.parse(pool.detailed!.user('lin')!.attributes.identities!)).toHaveLength(1)
    expect(audit.entries.at(-1)).toMatchObject({ operation: 'AdminDisableProviderForUser', username: 'lin', changes: { provider: 'Google' } })
    expect(summarize(audit.entries.at(-1)!)).toBe('Unlinked Google')
  })
})
