/**
 * The pool doctor against a pool faked at the SDK level (see fakeDoctorPool for the Cognito behaviour
 * each answer stands for): all green on a healthy pool, and for each thing that can be wrong, its own
 * failing line with what to do, the rest skipped rather than failed when they cannot run.
 */
import { describe, expect, it } from 'vitest'
import type { Connection } from '../../../src/main/cognito/connection'
import { runDoctor } from '../../../src/main/doctor/runDoctor'
import { doctorTargetOf } from '../../../src/main/doctor/target'
import { PROBES } from '../../../src/main/doctor/permissionProbes'
import type { DoctorReport } from '../../../src/shared/doctor'
import { AppError } from '../../../src/shared/errors'
import { fakeDoctorPool, type PoolSituation } from '../../support/fakeDoctorPool'

const run = (situation: PoolSituation = {}) => runDoctor(fakeDoctorPool(situation).target)
const check = (report: DoctorReport, id: string) => {
  const found = report.checks.find((c) => c.id === id)
  expect(found, `no check ${id}`).toBeDefined()
  return found!
}
const failing = (report: DoctorReport) => report.checks.filter((c) => c.status === 'fail').map((c) => c.id)

describe('the pool doctor', () => {
  it('passes every check on a healthy pool, naming whose credentials they are', async () => {
    const report = await run()
    expect(report.verdict).toBe('pass')
    // The profile names no scheduler role: tier returns are off, which is no fault (tierReturns.test.ts checks them).
    expect(report.checks.filter((c) => c.status !== 'pass' && c.id !== 'returns')).toEqual([])
    expect(check(report, 'returns').status).toBe('skipped')
    expect(check(report, 'credentials').detail).toContain('arn:aws:iam::123456789012:user/operator')
    expect(report.checks.map((c) => c.id)).toEqual(expect.arrayContaining(PROBES.map((p) => `iam:${p.action}`)))
  })

  it('probes with a random username and never sends a write that could find a user', async () => {
    const pool = fakeDoctorPool()
    await runDoctor(pool.target)
    const names = pool.sent.map((s) => s.name)
    expect(names).not.toContain('AddCustomAttributes')
    const usernames = pool.sent.map((s) => s.input.Username).filter(Boolean) as string[]
    expect(usernames.every((u) => /^tier-admin-doctor-probe-[0-9a-f-]{36}$/.test(u))).toBe(true)
    expect(pool.sent.find((s) => s.name === 'AdminCreateUser')?.input.MessageAction).toBe('RESEND')
    // Probes are not writes of the app: nothing goes to the audit trail.
    expect(pool.audit.entries).toEqual([])
  })

  it('fails on a pool without custom:user_tier and offers the fix', async () => {
    const report = await run({ tier: null })
    expect(failing(report)).toEqual(['tier-attribute'])
    expect(check(report, 'tier-attribute')).toMatchObject({ fixable: 'add-tier-attribute', fix: expect.stringContaining('The doctor can add it') })
  })

  it('fails on a tier attribute that is a Number or immutable, with no fix offered', async () => {
    for (const tier of [
      { Name: 'custom:user_tier', AttributeDataType: 'Number' as const, Mutable: true },
      { Name: 'custom:user_tier', AttributeDataType: 'String' as const, Mutable: false }
    ]) {
      const line = check(await run({ tier }), 'tier-attribute')
      expect(line.status).toBe('fail')
      expect(line.fixable).toBeUndefined()
      expect(line.fix).toMatch(/cannot change or remove/)
    }
  })

  it("fails on a wrong client secret, compared with the client's own without asking Cognito to check a hash", async () => {
    const pool = fakeDoctorPool({ configuredSecret: 'not-the-secret' })
    const report = await runDoctor(pool.target)
    expect(failing(report)).toEqual(['client-secret'])
    expect(check(report, 'client-secret').detail).toMatch(/not the client's/)
    expect(check(report, 'client-secret').fix).toMatch(/COGNITO_CLIENT_SECRET/)
    expect(pool.sent.map((s) => s.name)).not.toContain('ConfirmSignUp')
  })

  it('fails a wrong secret on an emulator too, where no hash is checked', async () => {
    const report = await run({ configuredSecret: 'not-the-secret', mode: 'endpoint', emulator: true })
    expect(failing(report)).toEqual(['client-secret'])
  })

  it('falls back to the SECRET_HASH probe only when it may not describe the client', async () => {
    const wrong = fakeDoctorPool({ configuredSecret: 'not-the-secret', denied: ['DescribeUserPoolClient'] })
    const report = await runDoctor(wrong.target)
    expect(check(report, 'client-secret')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/secret is wrong/) })
    expect(wrong.sent.map((s) => s.name)).toContain('ConfirmSignUp')
    // Against an emulator an accepted hash proves nothing.
    const unproven = await run({ denied: ['DescribeUserPoolClient'], mode: 'endpoint', emulator: true })
    expect(check(unproven, 'client-secret')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/^Not proven/) })
  })

  it('says in one line when a secret is configured but the client has none, and the other way round', async () => {
    const noClientSecret = await run({ clientSecret: undefined })
    expect(failing(noClientSecret)).toEqual(['client-secret'])
    expect(check(noClientSecret, 'client-secret').fix).toMatch(/Remove COGNITO_CLIENT_SECRET/)
    const noConfigured = await run({ configuredSecret: undefined })
    expect(failing(noConfigured)).toEqual(['client-secret'])
    expect(check(noConfigured, 'client-secret').detail).toBe('The client has a secret, but none is configured: registration and confirmation are refused.')
    expect(noConfigured.checks.map((c) => c.detail).join(' ')).not.toMatch(/asked for no secret/)
  })

  it('names each missing IAM action', async () => {
    const report = await run({ denied: ['AdminDeleteUser', 'ListGroups'] })
    expect(failing(report)).toEqual(['iam:AdminDeleteUser', 'iam:ListGroups'])
    expect(check(report, 'iam:AdminDeleteUser').fix).toContain('cognito-idp:AdminDeleteUser')
  })

  it('passes a client that may not write the tier (registration sets it as an administrator), and one with no write list', async () => {
    for (const writeAttributes of [['email'], []]) {
      const report = await run({ writeAttributes })
      expect(check(report, 'tier-integrity:doctorclient123').status).toBe('pass')
    }
  })

  it("passes this app's client that may write the tier only while it has a secret; without one, anyone can register as premium", async () => {
    const withSecret = await run({ writeAttributes: ['email', 'custom:user_tier'] })
    expect(check(withSecret, 'tier-integrity:doctorclient123').status).toBe('pass')
    const publicClient = await run({ writeAttributes: ['email', 'custom:user_tier'], clientSecret: undefined, configuredSecret: undefined, production: true })
    expect(check(publicClient, 'tier-integrity:doctorclient123')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining("Anyone can register as premium with this client's id"),
      fixable: 'make-tier-read-only'
    })
  })

  it("warns when the app clients cannot be listed, and still judges this app's client", async () => {
    const report = await run({
      denied: ['ListUserPoolClients'],
      writeAttributes: ['email', 'custom:user_tier'],
      clientSecret: undefined,
      configuredSecret: undefined
    })
    expect(check(report, 'tier-integrity')).toMatchObject({ status: 'warn', fix: expect.stringContaining('cognito-idp:ListUserPoolClients') })
    expect(check(report, 'tier-integrity:doctorclient123').status).toBe('warn')
  })

  it('asks STS nothing beside an endpoint marked emulator, as the audit trail does', async () => {
    const pool = fakeDoctorPool({ mode: 'endpoint' })
    const connection = {
      info: { mode: 'endpoint', label: 'emulator', region: 'eu-west-1', userPoolId: pool.target.userPoolId, clientId: 'c', hasClientSecret: false },
      gateway: { credentials: async () => ({ accessKeyId: 'emulator', secretAccessKey: 'emulator' }), probe: pool.target.probe, send: pool.target.send },
      clientId: 'c',
      emulator: true
    } as unknown as Connection
    const target = doctorTargetOf(connection, { production: false })
    expect(target.callerArn).toBeNull()
    const report = await runDoctor(target)
    expect(check(report, 'credentials')).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/^Skipped \(emulator\)/) })
    expect(doctorTargetOf({ ...connection, emulator: false } as Connection, { production: false }).callerArn).not.toBeNull()
  })

  it('fails on a pool that is not there, and skips what needs it', async () => {
    const report = await run({ poolExists: false })
    expect(failing(report)).toEqual(['pool'])
    expect(check(report, 'pool').fix).toMatch(/COGNITO_USER_POOL_ID and COGNITO_REGION/)
    expect(check(report, 'iam:AdminGetUser').status).toBe('skipped')
  })

  it('fails on an app client that is not there', async () => {
    const report = await run({ clientExists: false })
    expect(failing(report)).toEqual(['client'])
    expect(check(report, 'client').fix).toMatch(/COGNITO_CLIENT_ID/)
  })

  it('fails once without credentials, and skips every other check', async () => {
    const report = await run({ credentials: false })
    expect(failing(report)).toEqual(['credentials'])
    expect(check(report, 'credentials').fix).toMatch(/aws sso login/)
    expect(report.checks.slice(1).every((c) => c.status === 'skipped')).toBe(true)
  })

  it('passes on the command to run when an SSO session has expired', async () => {
    const pool = fakeDoctorPool()
    const expired = 'The AWS SSO session of profile "dev" has expired or was never started: run `aws sso login --profile dev`, then try again.'
    pool.target.callerArn = async () => Promise.reject(new AppError('NO_CREDENTIALS', expired))
    const report = await runDoctor(pool.target)
    expect(check(report, 'credentials')).toMatchObject({ status: 'fail', detail: expired })
  })

  it('says skipped (sandbox) for STS, the secret hash and IAM on the sandbox', async () => {
    const pool = fakeDoctorPool({ mode: 'sandbox' })
    const report = await runDoctor(pool.target)
    expect(report.verdict).toBe('pass')
    for (const id of ['credentials', 'iam:AdminGetUser']) expect(check(report, id).detail).toMatch(/^Skipped \(sandbox\)/)
    expect(check(report, 'client-secret').status).toBe('pass')
    expect(pool.sent.map((s) => s.name)).toEqual(['DescribeUserPool', 'DescribeUserPoolClient', 'ListUserPoolClients', 'DescribeUserPoolClient'])
  })
})
