/**
 * The doctor's checks for tier returns ("premium until a date"): whether the profile names a scheduler
 * role, that role (returnRoleChecks) and the operator's rights to schedule with it (schedulerRights).
 * They need AWS itself: the sandbox and an emulator have no IAM or EventBridge Scheduler to ask.
 */
import type { DoctorCheck, DoctorDocument } from '../../shared/doctor'
import { TIER_RETURN_GROUP } from '../../shared/tierReturns'
import { checkReturnRole } from './returnRoleChecks'
import {
  ACCOUNT_PLACEHOLDER,
  operatorDocument,
  parseRoleArn,
  permissionsDocument,
  suggestedRoleArn,
  SUGGESTED_ROLE_NAME,
  trustDocument,
  type ReturnSetting
} from './schedulerPolicies'
import { checkSchedulerRights } from './schedulerRights'
import type { DoctorTarget } from './target'

export const RETURNS_TITLE = 'Tier returns (a tier granted until a date) are set up'

/** The account and partition of the caller STS named, when it did. */
const accountOf = (arn?: string) => {
  const match = arn ? /^arn:([\w-]+):(?:iam|sts)::(\d{12}):/.exec(arn) : null
  return match ? { partition: match[1]!, account: match[2]! } : null
}

export async function checkTierReturns(target: DoctorTarget, callerArn?: string): Promise<DoctorCheck[]> {
  const base = { id: 'returns', title: RETURNS_TITLE }
  if (target.mode === 'sandbox') {
    return [{ ...base, status: 'skipped', detail: 'Skipped (sandbox): the sandbox has no IAM or EventBridge Scheduler; these checks are for a pool in AWS.' }]
  }
  if (target.emulator) {
    return [{ ...base, status: 'skipped', detail: 'Skipped (emulator): an endpoint marked emulator has no IAM or EventBridge Scheduler behind it.' }]
  }
  const caller = accountOf(callerArn)
  const roleArn = target.schedulerRoleArn?.trim()
  if (!roleArn) {
    const partition = caller?.partition ?? 'aws'
    const account = caller?.account ?? ACCOUNT_PLACEHOLDER
    const setting = { partition, account, region: target.region, userPoolId: target.userPoolId, roleArn: suggestedRoleArn(partition, account) }
    return [
      {
        ...base,
        status: 'skipped',
        detail: 'Off: the profile names no scheduler role, so a tier cannot be granted until a date.',
        fix:
          `To turn them on, create the role ${SUGGESTED_ROLE_NAME} with the trust and permissions policies below, give the operator's credentials ` +
          "the operator policy, and set the role's ARN as the profile's scheduler role (schedulerRoleArn).",
        documents: allDocuments(setting)
      }
    ]
  }
  const role = parseRoleArn(roleArn)
  if (!role) {
    const fix = `Set the profile's scheduler role to a role ARN such as arn:aws:iam::${caller?.account ?? ACCOUNT_PLACEHOLDER}:role/${SUGGESTED_ROLE_NAME}.`
    return [{ ...base, status: 'fail', detail: `The profile's scheduler role "${roleArn}" is not an IAM role ARN.`, fix }]
  }
  const setting: ReturnSetting = { partition: role.partition, account: role.account, region: target.region, userPoolId: target.userPoolId, roleArn }
  if (caller && caller.account !== role.account) {
    const own = { ...setting, account: caller.account, roleArn: suggestedRoleArn(caller.partition, caller.account) }
    return [
      {
        ...base,
        status: 'fail',
        detail: `The role is in account ${role.account}, the credentials in ${caller.account}: a schedule can only be given a role of its own account.`,
        fix: `Create the role in account ${caller.account} with the documents below and set its ARN as the profile's scheduler role.`,
        documents: allDocuments(own)
      }
    ]
  }
  if (!target.aws) return [{ ...base, status: 'skipped', detail: 'Skipped: this connection has no IAM or EventBridge Scheduler to ask.' }]
  const clients = target.aws()
  try {
    const checks: DoctorCheck[] = [{ ...base, status: 'pass', detail: `On: returns are scheduled in the group ${TIER_RETURN_GROUP} with the role ${roleArn}.` }]
    checks.push(...(await checkReturnRole(clients.iam, setting, role.roleName)))
    checks.push(...(await checkSchedulerRights(clients.scheduler, clients.iam, setting, callerArn)))
    return withOperatorDocument(checks, setting)
  } finally {
    clients.close()
  }
}

const allDocuments = (setting: ReturnSetting): DoctorDocument[] => [trustDocument(setting), permissionsDocument(setting), operatorDocument(setting)]

/** The operator policy once, under the first line whose fix points to it, rather than under each. */
function withOperatorDocument(checks: DoctorCheck[], setting: ReturnSetting): DoctorCheck[] {
  const first = checks.find((check) => check.status !== 'pass' && /operator policy/.test(check.fix ?? ''))
  if (first) first.documents = [...(first.documents ?? []), operatorDocument(setting)]
  return checks
}
