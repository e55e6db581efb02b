/**
 * May the operator's credentials make, change and list tier returns? Like the Cognito probes, each
 * Scheduler action that can be tried harmlessly is tried on a schedule name no schedule has, in the
 * app's group: IAM decides before Scheduler looks for it, so ResourceNotFoundException means allowed
 * and AccessDeniedException means not. CreateSchedule, CreateScheduleGroup and iam:PassRole have no
 * such request (each would create something), so IAM's policy simulator is asked about the caller.
 */
import { GetRoleCommand, type IAMClient } from '@aws-sdk/client-iam'
import {
  DeleteScheduleCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListSchedulesCommand,
  UpdateScheduleCommand,
  type SchedulerClient
} from '@aws-sdk/client-scheduler'
import type { DoctorCheck } from '../../shared/doctor'
import { TIER_RETURN_GROUP } from '../../shared/tierReturns'
import { nameOf } from '../cognito/retryPolicy'
import { probeUsername } from './clientChecks'
import { decisionWords, simulate } from './policySimulation'
import { returnTargetArn } from '../tierReturns/scheduleShape'
import { groupArnOf, SCHEDULER_SERVICE, scheduleArnOf, type ReturnSetting } from './schedulerPolicies'
import { isAccessDenied } from './target'

type Probe = (scheduler: SchedulerClient, name: string, setting: ReturnSetting) => Promise<unknown>

/** A date no return is set for, so the update could never have run even if the schedule existed. */
const FAR_FUTURE = 'at(2099-01-01T00:00:00)'

const PROBES: { action: string; send: Probe }[] = [
  { action: 'GetSchedule', send: (s, name) => s.send(new GetScheduleCommand({ Name: name, GroupName: TIER_RETURN_GROUP })) },
  {
    action: 'UpdateSchedule',
    send: (s, name, setting) =>
      s.send(
        new UpdateScheduleCommand({
          Name: name,
          GroupName: TIER_RETURN_GROUP,
          ScheduleExpression: FAR_FUTURE,
          FlexibleTimeWindow: { Mode: 'OFF' },
          Target: { Arn: returnTargetArn(setting.partition), RoleArn: setting.roleArn, Input: '{}' }
        })
      )
  },
  { action: 'DeleteSchedule', send: (s, name) => s.send(new DeleteScheduleCommand({ Name: name, GroupName: TIER_RETURN_GROUP })) },
  { action: 'ListSchedules', send: (s) => s.send(new ListSchedulesCommand({ GroupName: TIER_RETURN_GROUP, MaxResults: 1 })) }
]

export const RIGHTS_IDS = ['GetScheduleGroup', ...PROBES.map((p) => p.action), 'CreateSchedule', 'CreateScheduleGroup'].map((a) => `returns:scheduler:${a}`)
const titleOf = (action: string) => `May call scheduler:${action} in ${TIER_RETURN_GROUP}`
const PASS_ROLE_TITLE = `May pass the scheduler role to ${SCHEDULER_SERVICE} (iam:PassRole)`

export async function checkSchedulerRights(scheduler: SchedulerClient, iam: IAMClient, setting: ReturnSetting, callerArn?: string): Promise<DoctorCheck[]> {
  const checks = [await groupCheck(scheduler)]
  const name = probeUsername()
  for (const probe of PROBES) checks.push(await runProbe(probe.action, () => probe.send(scheduler, name, setting)))
  const principal = callerArn ? await principalOf(iam, callerArn) : null
  const simulated: [string, string, string, string][] = [
    ['returns:scheduler:CreateSchedule', titleOf('CreateSchedule'), 'scheduler:CreateSchedule', scheduleArnOf(setting, name)],
    ['returns:scheduler:CreateScheduleGroup', titleOf('CreateScheduleGroup'), 'scheduler:CreateScheduleGroup', groupArnOf(setting)],
    ['returns:pass-role', PASS_ROLE_TITLE, 'iam:PassRole', setting.roleArn]
  ]
  for (const [id, title, action, resource] of simulated) checks.push(await simulatedCheck({ id, title }, iam, principal, action, resource, callerArn))
  return checks
}

async function groupCheck(scheduler: SchedulerClient): Promise<DoctorCheck> {
  const base = { id: 'returns:scheduler:GetScheduleGroup', title: titleOf('GetScheduleGroup') }
  try {
    await scheduler.send(new GetScheduleGroupCommand({ Name: TIER_RETURN_GROUP }))
    return { ...base, status: 'pass', detail: `Allowed; the group ${TIER_RETURN_GROUP} exists.` }
  } catch (error) {
    if (nameOf(error) !== 'ResourceNotFoundException') return denied(base, 'GetScheduleGroup', error)
    return {
      ...base,
      status: 'warn',
      detail: `Allowed, but the schedule group ${TIER_RETURN_GROUP} does not exist yet; returns are made in it.`,
      fix: `Create it once (\`aws scheduler create-schedule-group --name ${TIER_RETURN_GROUP}\` in the pool's region), or allow scheduler:CreateScheduleGroup on it.`
    }
  }
}

async function runProbe(action: string, send: () => Promise<unknown>): Promise<DoctorCheck> {
  const base = { id: `returns:scheduler:${action}`, title: titleOf(action) }
  try {
    await send()
    return { ...base, status: 'pass', detail: 'Allowed.' }
  } catch (error) {
    if (nameOf(error) === 'ResourceNotFoundException') return { ...base, status: 'pass', detail: 'Allowed (the probe schedule does not exist).' }
    return denied(base, action, error)
  }
}

function denied(base: { id: string; title: string }, action: string, error: unknown): DoctorCheck {
  if (!isAccessDenied(error)) return { ...base, status: 'warn', detail: `Could not tell (${nameOf(error)}).`, fix: 'Run the doctor again.' }
  const message = error instanceof Error && error.message ? `: ${error.message}` : ''
  return {
    ...base,
    status: 'fail',
    detail: `Denied (${nameOf(error)}${message}).`,
    fix: `Allow scheduler:${action} in the group ${TIER_RETURN_GROUP} (the operator policy below).`
  }
}

/**
 * The IAM principal the simulator can evaluate for the caller STS named: a user as it is; an assumed
 * role as its role (read for its path, else without one); "root" for the account's root, which IAM does
 * not restrict; null for what the simulator cannot evaluate (a federated user).
 */
async function principalOf(iam: IAMClient, callerArn: string): Promise<string | 'root' | null> {
  if (/^arn:[\w-]+:iam::\d{12}:root$/.test(callerArn)) return 'root'
  if (/^arn:[\w-]+:iam::\d{12}:user\//.test(callerArn)) return callerArn
  const assumed = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(callerArn)
  if (!assumed) return null
  const [, partition, account, roleName] = assumed
  try {
    const output = await iam.send(new GetRoleCommand({ RoleName: roleName }))
    if (output.Role?.Arn) return output.Role.Arn
  } catch {
    // Reading one's own role needs iam:GetRole on it; without, the path-less ARN is the best guess.
  }
  return `arn:${partition}:iam::${account}:role/${roleName}`
}

async function simulatedCheck(
  base: { id: string; title: string },
  iam: IAMClient,
  principal: string | null,
  action: string,
  resource: string,
  callerArn?: string
): Promise<DoctorCheck> {
  const notChecked = (why: string): DoctorCheck => ({
    ...base,
    status: 'warn',
    detail: `Could not be checked without creating something: ${why}. The first grant with a return will show it.`,
    fix: `Make sure the credentials' policy allows ${action} (the operator policy below).`
  })
  if (principal === 'root') return { ...base, status: 'pass', detail: "Allowed: these are the account root's credentials, which IAM does not restrict." }
  if (!callerArn) return notChecked('STS did not say whose the credentials are')
  if (!principal) return notChecked(`IAM's policy simulator cannot evaluate ${callerArn}`)
  const context =
    action === 'iam:PassRole' ? [{ ContextKeyName: 'iam:PassedToService', ContextKeyValues: [SCHEDULER_SERVICE], ContextKeyType: 'string' as const }] : []
  try {
    const decision = await simulate(iam, principal, action, resource, context)
    if (decision === 'allowed') return { ...base, status: 'pass', detail: `IAM's policy simulator allows it for ${principal}.` }
    return {
      ...base,
      status: 'fail',
      detail: `IAM's policy simulator says ${decisionWords(decision)} for ${principal} on ${resource}.`,
      fix: `Allow ${action} on ${resource}${action === 'iam:PassRole' ? ` with the condition iam:PassedToService = ${SCHEDULER_SERVICE}` : ''} (the operator policy below).`
    }
  } catch (error) {
    if (isAccessDenied(error)) return notChecked(`the credentials may not call iam:SimulatePrincipalPolicy on themselves (${nameOf(error)})`)
    return notChecked(`the policy simulator did not answer (${nameOf(error)})`)
  }
}
