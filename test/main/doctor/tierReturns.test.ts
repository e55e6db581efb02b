/**
 * The doctor's tier-return checks against IAM and EventBridge Scheduler simulated on the wire (awsSim:
 * awsQuery XML and restJson1, authorized against the account's policies), beside the faked pool: a
 * role that is fine passes; a missing role, one Scheduler may not assume, one without the Cognito
 * write, and credentials without the Scheduler rights each fail with the documents to create.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runDoctor } from '../../../src/main/doctor/runDoctor'
import { operatorPolicy, rolePermissionsPolicy, trustPolicy, type ReturnSetting } from '../../../src/main/doctor/schedulerPolicies'
import type { DoctorCheck, DoctorReport } from '../../../src/shared/doctor'
import { TIER_RETURN_GROUP } from '../../../src/shared/tierReturns'
import { startAwsSim, PolicyWorld, type AwsSim } from '../../support/awsSim'
import { fakeDoctorPool, type PoolSituation } from '../../support/fakeDoctorPool'

const ACCOUNT = '123456789012'
const POOL_ARN = `arn:aws:cognito-idp:eu-west-1:${ACCOUNT}:userpool/eu-west-1_Doctor1`
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/tier-admin-tier-returns`
const SETTING: ReturnSetting = { partition: 'aws', region: 'eu-west-1', account: ACCOUNT, userPoolId: 'eu-west-1_Doctor1', roleArn: ROLE_ARN }
/** What the operator may need beyond the documents: the policy simulator on their own user, for the checks IAM cannot probe. */
const SELF_SIMULATE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'iam:SimulatePrincipalPolicy', Resource: `arn:aws:iam::${ACCOUNT}:user/operator` }]
})

let sim: AwsSim
let world: PolicyWorld
beforeAll(async () => {
  sim = await startAwsSim()
})
afterAll(() => sim.stop())
/** An account set up as the documents say: the role, its policies, the group, and the operator's rights. */
beforeEach(() => {
  world = sim.world
  world.roles.clear()
  world.groups.clear()
  world.requests.length = 0
  world.addRole({ name: 'tier-admin-tier-returns', trust: trustPolicy(SETTING), policies: [rolePermissionsPolicy(SETTING)] })
  world.groups.add(TIER_RETURN_GROUP)
  world.callerPolicies = [operatorPolicy(SETTING), SELF_SIMULATE]
})

const run = (situation: PoolSituation = {}) => runDoctor(fakeDoctorPool({ schedulerRoleArn: ROLE_ARN, aws: () => sim.clients(), ...situation }).target)
const returns = (report: DoctorReport) => report.checks.filter((c) => c.id === 'returns' || c.id.startsWith('returns:'))
const check = (report: DoctorReport, id: string): DoctorCheck => {
  const found = report.checks.find((c) => c.id === id)
  expect(found, `no check ${id}`).toBeDefined()
  return found!
}
const documentsOf = (line: DoctorCheck) => (line.documents ?? []).map((d) => JSON.parse(d.text) as { Statement: Record<string, unknown>[] })

describe("the doctor's tier-return checks", () => {
  it('passes a role set up as the documents say, and creates nothing while it probes', async () => {
    const report = await run()
    expect(returns(report).filter((c) => c.status !== 'pass')).toEqual([])
    expect(returns(report).map((c) => c.id)).toEqual([
      'returns',
      'returns:role',
      'returns:trust',
      'returns:cognito',
      'returns:scheduler:GetScheduleGroup',
      'returns:scheduler:GetSchedule',
      'returns:scheduler:UpdateSchedule',
      'returns:scheduler:DeleteSchedule',
      'returns:scheduler:ListSchedules',
      'returns:scheduler:CreateSchedule',
      'returns:scheduler:CreateScheduleGroup',
      'returns:pass-role'
    ])
    expect(check(report, 'returns:trust').detail).toMatch(/for this account's schedule group \(aws:SourceAccount, aws:SourceArn\)/)
    expect(world.requests.filter((r) => /Create/.test(r))).toEqual([])
    expect(report.verdict).toBe('pass')
  })

  it('names a missing role and gives the trust and permissions policies to create it with, for this pool and account', async () => {
    world.roles.clear()
    const report = await run()
    const role = check(report, 'returns:role')
    expect(role).toMatchObject({ status: 'fail', detail: expect.stringContaining('There is no role tier-admin-tier-returns in account 123456789012') })
    expect(role.fix).toMatch(/Create the role tier-admin-tier-returns .*trust policy below.*permissions policy below/)
    const [trust, permissions] = documentsOf(role)
    expect(trust!.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'scheduler.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': `arn:aws:scheduler:eu-west-1:${ACCOUNT}:schedule-group/${TIER_RETURN_GROUP}` }
      }
    })
    expect(permissions!.Statement).toEqual([{ Effect: 'Allow', Action: 'cognito-idp:AdminUpdateUserAttributes', Resource: POOL_ARN }])
    expect(check(report, 'returns:trust').status).toBe('skipped')
    expect(check(report, 'returns:cognito').status).toBe('skipped')
  })

  it('fails a role whose trust policy does not name scheduler.amazonaws.com, with the trust policy to put instead', async () => {
    const lambdaTrust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'events.amazonaws.com'] }, Action: 'sts:AssumeRole' }]
    })
    world.addRole({ name: 'tier-admin-tier-returns', trust: lambdaTrust, policies: [rolePermissionsPolicy(SETTING)] })
    const report = await run()
    const trust = check(report, 'returns:trust')
    expect(trust).toMatchObject({ status: 'fail', detail: expect.stringContaining('does not let scheduler.amazonaws.com assume it') })
    expect(trust.fix).toMatch(/Trust relationships/)
    expect(trust.documents?.map((d) => d.text)).toEqual([trustPolicy(SETTING)])
    expect(check(report, 'returns:cognito').status).toBe('pass')
  })

  it("fails a trust policy that names Scheduler for another account's schedules", async () => {
    const other = trustPolicy({ ...SETTING, account: '999999999999' })
    world.addRole({ name: 'tier-admin-tier-returns', trust: other, policies: [rolePermissionsPolicy(SETTING)] })
    const trust = check(await run(), 'returns:trust')
    expect(trust.status).toBe('fail')
    expect(trust.detail).toContain('aws:SourceAccount is 999999999999, not 123456789012')
  })

  it('fails a role that may not call AdminUpdateUserAttributes on this pool, with the permissions policy to attach', async () => {
    const otherPool = rolePermissionsPolicy({ ...SETTING, userPoolId: 'eu-west-1_Other' })
    world.addRole({ name: 'tier-admin-tier-returns', trust: trustPolicy(SETTING), policies: [otherPool] })
    const report = await run()
    const cognito = check(report, 'returns:cognito')
    expect(cognito).toMatchObject({ status: 'fail', detail: expect.stringContaining(`no policy allows it (implicit deny) on ${POOL_ARN}`) })
    expect(cognito.fix).toMatch(/Attach the permissions policy below/)
    expect(documentsOf(cognito)[0]!.Statement).toEqual([{ Effect: 'Allow', Action: 'cognito-idp:AdminUpdateUserAttributes', Resource: POOL_ARN }])
    expect(check(report, 'returns:trust').status).toBe('pass')
  })

  it('says returns are off when the profile names no role, with everything to create and what to set', async () => {
    const report = await run({ schedulerRoleArn: undefined })
    expect(returns(report)).toHaveLength(1)
    const off = check(report, 'returns')
    expect(off).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/^Off: the profile names no scheduler role/) })
    expect(off.fix).toContain("set the role's ARN as the profile's scheduler role (schedulerRoleArn)")
    expect(off.documents?.map((d) => d.text)).toEqual([trustPolicy(SETTING), rolePermissionsPolicy(SETTING), operatorPolicy(SETTING)])
    expect(world.requests).toEqual([])
  })

  it('fails each Scheduler action the credentials may not call, and shows the operator policy once', async () => {
    // Only the doctor's own statement: the operator may read the role but not schedule.
    const doctorOnly = JSON.parse(operatorPolicy(SETTING)) as { Statement: { Sid: string }[] }
    doctorOnly.Statement = doctorOnly.Statement.filter((s) => s.Sid === 'TierReturnDoctor')
    world.callerPolicies = [JSON.stringify(doctorOnly), SELF_SIMULATE]
    const report = await run()
    const failing = returns(report).filter((c) => c.status === 'fail')
    expect(failing.map((c) => c.id)).toEqual([
      'returns:scheduler:GetScheduleGroup',
      'returns:scheduler:GetSchedule',
      'returns:scheduler:UpdateSchedule',
      'returns:scheduler:DeleteSchedule',
      'returns:scheduler:ListSchedules',
      'returns:scheduler:CreateSchedule',
      'returns:scheduler:CreateScheduleGroup',
      'returns:pass-role'
    ])
    expect(failing[0]!.detail).toMatch(/^Denied \(AccessDeniedException: User: arn:aws:iam::123456789012:user\/operator is not authorized/)
    expect(failing[0]!.documents?.map((d) => d.text)).toEqual([operatorPolicy(SETTING)])
    expect(failing.slice(1).every((c) => !c.documents)).toBe(true)
    expect(check(report, 'returns:pass-role').fix).toContain('iam:PassedToService = scheduler.amazonaws.com')
    expect(check(report, 'returns:role').status).toBe('pass')
  })

  it('says what it could not check when the credentials may not simulate their own policies or read the role', async () => {
    world.callerPolicies = [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'scheduler:*', Resource: '*' }] })]
    const report = await run()
    expect(check(report, 'returns:role')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/^Could not be checked: the credentials may not call iam:GetRole/)
    })
    expect(check(report, 'returns:pass-role')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/^Could not be checked without creating something/)
    })
    expect(check(report, 'returns:scheduler:GetSchedule').status).toBe('pass')
  })

  it('warns when the schedule group does not exist yet', async () => {
    world.groups.clear()
    const group = check(await run(), 'returns:scheduler:GetScheduleGroup')
    expect(group).toMatchObject({ status: 'warn', fix: expect.stringContaining(`aws scheduler create-schedule-group --name ${TIER_RETURN_GROUP}`) })
  })

  it('refuses a scheduler role that is not a role ARN, or one of another account', async () => {
    expect(check(await run({ schedulerRoleArn: 'arn:aws:iam::123456789012:user/bob' }), 'returns').status).toBe('fail')
    const elsewhere = check(await run({ schedulerRoleArn: 'arn:aws:iam::999999999999:role/tier-admin-tier-returns' }), 'returns')
    expect(elsewhere).toMatchObject({ status: 'fail', detail: expect.stringContaining('The role is in account 999999999999, the credentials in 123456789012') })
  })

  it('skips them on the sandbox and an emulator, which have no IAM or Scheduler', async () => {
    const sandbox = await run({ mode: 'sandbox' })
    expect(returns(sandbox)).toEqual([
      expect.objectContaining({ status: 'skipped', detail: expect.stringMatching(/^Skipped \(sandbox\): the sandbox has no IAM/) })
    ])
    const emulator = await run({ mode: 'endpoint', emulator: true })
    expect(returns(emulator)).toEqual([expect.objectContaining({ status: 'skipped', detail: expect.stringMatching(/^Skipped \(emulator\)/) })])
    expect(world.requests).toEqual([])
  })
})
