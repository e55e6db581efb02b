/**
 * The pool doctor against a pool faked at the SDK level (see fakeDoctorPool for the Cognito behaviour
 * each answer stands for): all green on a healthy pool, and for each thing that can be wrong, its own
 * failing line with what to do, the rest skipped rather than failed when they cannot run.
 */
import { describe, expect, it } from 'vitest'
import { runDoctor } from '../../../src/main/doctor/runDoctor'
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
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([])
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

  it('fails on a wrong client secret, from the probe', async () => {
    const report = await run({ configuredSecret: 'not-the-secret' })
    expect(failing(report)).toEqual(['client-secret'])
    expect(check(report, 'client-secret').detail).toMatch(/secret is wrong/)
    expect(check(report, 'client-secret').fix).toMatch(/COGNITO_CLIENT_SECRET/)
  })

  it('fails when a secret is configured but the client has none, and the other way round', async () => {
    const noClientSecret = await run({ clientSecret: undefined })
    expect(failing(noClientSecret)).toEqual(['client-secret-set'])
    expect(check(noClientSecret, 'client-secret-set').fix).toMatch(/Remove COGNITO_CLIENT_SECRET/)
    const noConfigured = await run({ configuredSecret: undefined })
    expect(failing(noConfigured)).toEqual(['client-secret-set', 'client-secret'])
    expect(check(noConfigured, 'client-secret-set').fix).toMatch(/Set COGNITO_CLIENT_SECRET/)
  })

  it('names each missing IAM action', async () => {
    const report = await run({ denied: ['AdminDeleteUser', 'ListGroups'] })
    expect(failing(report)).toEqual(['iam:AdminDeleteUser', 'iam:ListGroups'])
    expect(check(report, 'iam:AdminDeleteUser').fix).toContain('cognito-idp:AdminDeleteUser')
  })

  it('fails on a client that may not write the tier, and warns when it may not read it', async () => {
    const noWrite = await run({ writeAttributes: ['email'] })
    expect(failing(noWrite)).toEqual(['client-attributes'])
    const noRead = await run({ readAttributes: ['email'] })
    expect(noRead.verdict).toBe('warn')
    expect(check(noRead, 'client-attributes').status).toBe('warn')
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
    for (const id of ['credentials', 'client-secret', 'iam:AdminGetUser']) expect(check(report, id).detail).toMatch(/^Skipped \(sandbox\)/)
    expect(pool.sent.map((s) => s.name)).toEqual(['DescribeUserPool', 'DescribeUserPoolClient'])
  })
})
