/**
 * The user page's verdict on the simulator's detailed pool: each reason a person cannot sign in, read
 * from Cognito's real shapes (status, enabled, attributes, MFA, identities, the pool's settings and
 * its threat-protection log), and the temporary password counted from when this desk last set one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setPassword } from '../../../src/main/support/password'
import { readUserPage } from '../../../src/main/support/userPage'
import { identitiesOf, type SimUserSeed } from '../../support/cognitoSim'
import { openSupportSim, type SupportSim } from './supportSim'

const DAY = 86_400_000
const daysAgo = (days: number) => new Date(Date.now() - days * DAY)

const users: SimUserSeed[] = [
  {
    username: 'ok',
    attributes: { email: 'ok@example.com', email_verified: 'true' },
    mfa: { enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA', totpAssociated: true }
  },
  { username: 'off', enabled: false, attributes: { email: 'off@example.com' } },
  { username: 'new', status: 'UNCONFIRMED', attributes: { email: 'new@example.com' } },
  { username: 'invited', status: 'FORCE_CHANGE_PASSWORD', createdAt: daysAgo(30), attributes: { email: 'invited@example.com' } },
  { username: 'fresh', status: 'FORCE_CHANGE_PASSWORD', createdAt: daysAgo(2), attributes: { email: 'fresh@example.com' } },
  { username: 'reset', status: 'RESET_REQUIRED', attributes: { email: 'reset@example.com', email_verified: 'false' } },
  {
    username: 'Google_1234',
    status: 'EXTERNAL_PROVIDER',
    attributes: { email: 'g@example.com', identities: identitiesOf([{ providerName: 'Google', userId: '1234' }]) }
  },
  // SMS without a phone number: the method cannot reach them, and the pool offers only an authenticator app.
  { username: 'lost', attributes: { email: 'lost@example.com' }, mfa: { enabled: ['SMS_MFA'], preferred: 'SMS_MFA' } },
  {
    username: 'attacked',
    attributes: { email: 'attacked@example.com' },
    mfa: { enabled: ['SOFTWARE_TOKEN_MFA'], totpAssociated: true },
    authEvents: [
      { id: 'e1', type: 'SignIn', response: 'Fail', createdAt: new Date(Date.now() - 3_600_000) },
      { id: 'e2', type: 'SignIn', response: 'Pass', risk: { decision: 'Block' }, createdAt: new Date(Date.now() - 7_200_000) },
      { id: 'e3', type: 'SignIn', response: 'Fail', createdAt: daysAgo(3) }
    ]
  }
]

describe('the sign-in verdict', () => {
  let sim: SupportSim
  beforeAll(async () => {
    sim = await openSupportSim(users, { MfaConfiguration: 'ON', AdvancedSecurityMode: 'AUDIT', PasswordPolicy: { TemporaryPasswordValidityDays: 7 } })
  })
  afterAll(() => sim.close())

  const verdict = async (username: string) => (await readUserPage(sim.deps, username)).verdict!

  it('reads MFA and the linked identities from AdminGetUser', async () => {
    const ok = await readUserPage(sim.deps, 'ok')
    expect(ok.mfa).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' })
    expect(ok.verdict).toMatchObject({ canSignIn: true, reason: 'ok', headline: 'Can sign in' })
    const google = await readUserPage(sim.deps, 'Google_1234')
    expect(google.identities).toEqual([
      { providerName: 'Google', providerType: 'Google', userId: '1234', primary: true, dateCreated: '2024-01-01T00:00:00.000Z' }
    ])
    expect(google.verdict).toMatchObject({ canSignIn: true, reason: 'external-provider', headline: 'Signs in through Google', fixes: [] })
  })

  it('names what stops each person, with what fixes it', async () => {
    expect(await verdict('off')).toMatchObject({ canSignIn: false, reason: 'disabled', fixes: ['enable'] })
    expect(await verdict('new')).toMatchObject({ canSignIn: false, reason: 'unconfirmed', fixes: ['confirm-with-code', 'resend-code', 'admin-confirm'] })
    expect(await verdict('reset')).toMatchObject({ canSignIn: false, reason: 'reset-required-no-contact', fixes: ['mark-email-verified', 'set-password'] })
    expect(await verdict('lost')).toMatchObject({ canSignIn: false, reason: 'mfa-required-no-method', fixes: ['reset-mfa'] })
    const attacked = await verdict('attacked')
    // Two in the last day (a failure and a block); the one three days ago does not count.
    expect(attacked).toMatchObject({ canSignIn: true, reason: 'recent-failures', headline: 'Can sign in; 2 failed or blocked sign-ins in the last day' })
  })

  it('counts a temporary password from the creation date, or from when this desk last set one', async () => {
    const expired = await verdict('invited')
    expect(expired.reason).toBe('temporary-password-expired')
    expect(expired.headline).toMatch(/^Cannot sign in: the temporary password expired on \d{1,2} \w{3} \d{4}$/)
    expect(await verdict('fresh')).toMatchObject({ canSignIn: true, reason: 'temporary-password' })

    await setPassword(sim.deps, {}, { username: 'invited', permanent: false, password: 'Temp-Passw0rd!' })
    const renewed = await verdict('invited')
    expect(renewed.reason).toBe('temporary-password')
    expect(renewed.headline).toContain('Can sign in with the temporary password until')
  })
})
