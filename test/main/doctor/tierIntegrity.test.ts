/**
 * Tier integrity on the Cognito simulator: a pool with four app clients (this app's, with a secret;
 * a public web client that may write the tier; a mobile client whose write list names every
 * attribute, the tier included; a back-office client with no write list). The doctor names the two
 * that let customers make themselves premium, its fix makes both read-only without touching any
 * other setting, and SignUp with premium through the public client is refused afterwards.
 */
import { DescribeUserPoolClientCommand, SignUpCommand, type UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTierReadOnly } from '../../../src/main/doctor/clientFix'
import { runDoctor } from '../../../src/main/doctor/runDoctor'
import { readOnlyConfirmation, type DoctorReport } from '../../../src/shared/doctor'
import { failureOf, SIM_PASSWORD, simSdkClient, startCognitoSim, type CognitoSim, type SimClientSeed } from '../../support/cognitoSim'
import { simDoctorTarget } from '../../support/simDoctorTarget'

const TIER = 'custom:user_tier'
const app: SimClientSeed = {
  ClientName: 'tier-admin',
  ClientId: 'tieradminclient0000000001',
  ClientSecret: 'app-secret',
  WriteAttributes: ['email', TIER]
}
const web: SimClientSeed = {
  ClientName: 'public web',
  ClientId: 'publicwebclient0000000002',
  ReadAttributes: ['email', 'email_verified', 'name', TIER],
  WriteAttributes: ['email', 'name', TIER],
  ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  AccessTokenValidity: 2,
  IdTokenValidity: 90,
  RefreshTokenValidity: 10,
  TokenValidityUnits: { AccessToken: 'hours', IdToken: 'minutes', RefreshToken: 'days' },
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: false,
  AuthSessionValidity: 7,
  SupportedIdentityProviders: ['COGNITO'],
  CallbackURLs: ['https://shop.example.com/callback'],
  LogoutURLs: ['https://shop.example.com/bye'],
  DefaultRedirectURI: 'https://shop.example.com/callback',
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid', 'email'],
  AllowedOAuthFlowsUserPoolClient: true,
  AnalyticsConfiguration: { ApplicationId: 'pinpoint-app', RoleArn: 'arn:aws:iam::123456789012:role/analytics', UserDataShared: true },
  RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 }
}
const mobile: SimClientSeed = {
  ClientName: 'mobile',
  ClientId: 'mobileclient0000000000003',
  ClientSecret: 'mobile-secret',
  WriteAttributes: ['address', 'birthdate', 'email', 'family_name', 'given_name', 'locale', 'name', 'phone_number', 'picture', TIER, 'website'],
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  EnablePropagateAdditionalUserContextData: true
}
const backOffice: SimClientSeed = { ClientName: 'back office', ClientId: 'backofficeclient000000004' }

let sim: CognitoSim | undefined
afterEach(async () => {
  await sim?.stop()
  sim = undefined
})

async function open(production: boolean) {
  sim = await startCognitoSim({ detailedUsers: [], clients: [app, web, mobile, backOffice] })
  return { sim, ...simDoctorTarget(sim, { clientId: app.ClientId!, clientSecret: app.ClientSecret, production }) }
}

const integrity = (report: DoctorReport) => report.checks.filter((c) => c.id.startsWith('tier-integrity'))
const statusOf = (report: DoctorReport, client: SimClientSeed) => report.checks.find((c) => c.id === `tier-integrity:${client.ClientId}`)

async function describeClient(s: CognitoSim, clientId: string): Promise<UserPoolClientType> {
  return (await simSdkClient(s).send(new DescribeUserPoolClientCommand({ UserPoolId: s.userPoolId, ClientId: clientId }))).UserPoolClient!
}

describe('tier integrity in the pool doctor', () => {
  it('names the public web and mobile clients on a production profile, and passes this app (it has a secret) and the client without a write list', async () => {
    const { target } = await open(true)
    const report = await runDoctor(target)
    expect(integrity(report)).toHaveLength(4)
    expect(statusOf(report, web)).toMatchObject({
      status: 'fail',
      detail:
        'Anyone signed in through "public web" can make themselves premium (UpdateUserAttributes with their own access token). ' +
        "Anyone can register as premium with this client's id: it has no secret, so SignUp asks for nothing more.",
      fixable: 'make-tier-read-only',
      clientFix: { clientId: web.ClientId, clientName: 'public web', before: ['email', 'name', TIER], after: ['email', 'name'] }
    })
    const mobileLine = statusOf(report, mobile)!
    expect(mobileLine).toMatchObject({ status: 'fail', fixable: 'make-tier-read-only' })
    expect(mobileLine.detail).toContain('Anyone signed in through "mobile" can make themselves premium')
    expect(mobileLine.detail).not.toContain('register')
    expect(statusOf(report, app)).toMatchObject({ status: 'pass', detail: expect.stringContaining('secret that only this app holds') })
    expect(statusOf(report, backOffice)).toMatchObject({ status: 'pass', detail: expect.stringContaining('standard attributes only') })
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([`tier-integrity:${web.ClientId}`, `tier-integrity:${mobile.ClientId}`])
    // The secret is compared with the client's own, and found right.
    expect(report.checks.find((c) => c.id === 'client-secret')).toMatchObject({ status: 'pass', detail: "The configured secret is the client's own." })
    expect(readOnlyConfirmation(mobileLine.clientFix!)).toContain(`${mobile.WriteAttributes!.join(', ')} → ${mobileLine.clientFix!.after.join(', ')}`)
  })

  it('warns rather than fails on a profile that is not production', async () => {
    const { target } = await open(false)
    const report = await runDoctor(target)
    expect(statusOf(report, web)?.status).toBe('warn')
    expect(statusOf(report, mobile)?.status).toBe('warn')
    expect(report.verdict).toBe('warn')
  })

  it('makes both read-only, changing no other field, audited with the write list before and after; then SignUp as premium through the public client is refused', async () => {
    const { sim: s, target, audit } = await open(true)
    const before = { web: await describeClient(s, web.ClientId!), mobile: await describeClient(s, mobile.ClientId!) }
    const signUp = (username: string) =>
      simSdkClient(s).send(
        new SignUpCommand({
          ClientId: web.ClientId,
          Username: username,
          Password: SIM_PASSWORD,
          UserAttributes: [
            { Name: 'email', Value: `${username}@example.com` },
            { Name: TIER, Value: 'premium' }
          ]
        })
      )
    // Before the fix, anyone with the public client's id registers as premium.
    await signUp('eve')
    expect(s.tierOf('eve')).toBe('premium')

    const report = await runDoctor(target)
    for (const line of report.checks.filter((c) => c.fixable === 'make-tier-read-only')) {
      await makeTierReadOnly(target, { clientId: line.clientFix!.clientId, expectedWriteAttributes: line.clientFix!.before })
    }
    for (const [seed, was] of [
      [web, before.web],
      [mobile, before.mobile]
    ] as const) {
      const now = await describeClient(s, seed.ClientId!)
      const changed = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter(
        (field) => JSON.stringify(was[field as keyof UserPoolClientType]) !== JSON.stringify(now[field as keyof UserPoolClientType])
      )
      expect(changed.sort(), seed.ClientName).toEqual(['LastModifiedDate', 'WriteAttributes'])
      expect(now.WriteAttributes).toEqual(seed.WriteAttributes!.filter((a) => a !== TIER))
    }
    expect(audit.entries.map((e) => [e.phase, e.operation, e.changes, e.previous, e.outcome])).toEqual([
      [
        'intent',
        'UpdateUserPoolClient',
        { client: web.ClientId, writeAttributes: 'email, name' },
        { client: web.ClientId, writeAttributes: `email, name, ${TIER}` },
        undefined
      ],
      [
        'result',
        'UpdateUserPoolClient',
        { client: web.ClientId, writeAttributes: 'email, name' },
        { client: web.ClientId, writeAttributes: `email, name, ${TIER}` },
        'ok'
      ],
      ['intent', 'UpdateUserPoolClient', expect.objectContaining({ client: mobile.ClientId }), expect.objectContaining({ client: mobile.ClientId }), undefined],
      ['result', 'UpdateUserPoolClient', expect.objectContaining({ client: mobile.ClientId }), expect.objectContaining({ client: mobile.ClientId }), 'ok']
    ])

    expect(await failureOf(signUp('mallory'))).toMatchObject({ name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' })
    expect(s.tierOf('mallory')).toBeNull()
    const after = await runDoctor(target)
    expect(integrity(after).every((c) => c.status === 'pass')).toBe(true)
    expect(after.verdict).toBe('pass')
  })

  it('refuses the fix when the write list changed since the doctor ran, sending nothing', async () => {
    const { target, audit } = await open(true)
    await expect(makeTierReadOnly(target, { clientId: web.ClientId!, expectedWriteAttributes: [TIER] })).rejects.toMatchObject({ code: 'CLIENT_CHANGED' })
    await expect(makeTierReadOnly(target, { clientId: backOffice.ClientId!, expectedWriteAttributes: [] })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(audit.entries).toEqual([])
  })
})
