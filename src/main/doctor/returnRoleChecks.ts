/**
 * The role the profile names for tier returns: it exists (GetRole), it trusts EventBridge Scheduler
 * for this account's group, and IAM's simulator says it may call AdminUpdateUserAttributes on this
 * pool. Each failure names the document to create, with this pool's ARN and account filled in.
 */
import { GetRoleCommand, type IAMClient, type Role } from '@aws-sdk/client-iam'
import type { DoctorCheck } from '../../shared/doctor'
import { nameOf } from '../cognito/retryPolicy'
import { decisionWords, simulate } from './policySimulation'
import { groupArnOf, permissionsDocument, poolArnOf, RETURN_ACTION, SCHEDULER_SERVICE, trustDocument, type ReturnSetting } from './schedulerPolicies'
import { isAccessDenied } from './target'
import { judgeTrust } from './trustPolicy'

const isNoSuchEntity = (error: unknown): boolean => ['NoSuchEntity', 'NoSuchEntityException'].includes(nameOf(error))

export const ROLE_TITLES = {
  role: 'The scheduler role for tier returns exists',
  trust: `The scheduler role trusts ${SCHEDULER_SERVICE}`,
  cognito: `The scheduler role may call ${RETURN_ACTION} on this pool`
}

export async function checkReturnRole(iam: IAMClient, setting: ReturnSetting, roleName: string): Promise<DoctorCheck[]> {
  const [role, readable] = await readRole(iam, setting, roleName)
  const checks = [role]
  if (readable) checks.push(trustCheck(readable, setting))
  else checks.push({ id: 'returns:trust', title: ROLE_TITLES.trust, status: 'skipped', detail: 'Skipped: the role could not be read.' })
  checks.push(role.status === 'fail' ? skippedCognito() : await cognitoCheck(iam, setting))
  return checks
}

async function readRole(iam: IAMClient, setting: ReturnSetting, roleName: string): Promise<[DoctorCheck, Role | null]> {
  const base = { id: 'returns:role', title: ROLE_TITLES.role }
  try {
    const output = await iam.send(new GetRoleCommand({ RoleName: roleName }))
    const role = output.Role ?? null
    if (role?.Arn && role.Arn !== setting.roleArn) {
      const detail = `The profile names ${setting.roleArn}, but the role ${roleName} is ${role.Arn}.`
      return [{ ...base, status: 'fail', detail, fix: `Set the profile's scheduler role to ${role.Arn}.` }, null]
    }
    return [{ ...base, status: 'pass', detail: `Found ${setting.roleArn}.` }, role]
  } catch (error) {
    if (isNoSuchEntity(error)) {
      return [
        {
          ...base,
          status: 'fail',
          detail: `There is no role ${roleName} in account ${setting.account}: no return could run.`,
          fix: `Create the role ${roleName} (IAM console: Roles → Create role → Custom trust policy) with the trust policy below, and attach the permissions policy below to it.`,
          documents: [trustDocument(setting), permissionsDocument(setting)]
        },
        null
      ]
    }
    return [unreadable(base, error, 'iam:GetRole'), null]
  }
}

function trustCheck(role: Role, setting: ReturnSetting): DoctorCheck {
  const base = { id: 'returns:trust', title: ROLE_TITLES.trust }
  const verdict = judgeTrust(role.AssumeRolePolicyDocument ?? '', setting.account, groupArnOf(setting))
  if (verdict.ok) return { ...base, status: 'pass', detail: verdict.detail }
  return {
    ...base,
    status: 'fail',
    detail: `${verdict.detail} EventBridge Scheduler could not assume it, so every return would fail when due.`,
    fix: "Replace the role's trust policy with the one below (IAM console: the role → Trust relationships → Edit trust policy).",
    documents: [trustDocument(setting)]
  }
}

async function cognitoCheck(iam: IAMClient, setting: ReturnSetting): Promise<DoctorCheck> {
  const base = { id: 'returns:cognito', title: ROLE_TITLES.cognito }
  const poolArn = poolArnOf(setting)
  try {
    const decision = await simulate(iam, setting.roleArn, RETURN_ACTION, poolArn)
    if (decision === 'allowed') return { ...base, status: 'pass', detail: `IAM's policy simulator allows it on ${poolArn}.` }
    return {
      ...base,
      status: 'fail',
      detail: `IAM's policy simulator says ${decisionWords(decision)} on ${poolArn}: a due return would be refused by Cognito.`,
      fix: 'Attach the permissions policy below to the role (IAM console: the role → Add permissions → Create inline policy → JSON).',
      documents: [permissionsDocument(setting)]
    }
  } catch (error) {
    return unreadable(base, error, 'iam:SimulatePrincipalPolicy')
  }
}

const skippedCognito = (): DoctorCheck => ({ id: 'returns:cognito', title: ROLE_TITLES.cognito, status: 'skipped', detail: 'Skipped: the role is not there.' })

/** The credentials may not read or simulate the role: the role may well be right, the doctor cannot tell. */
function unreadable(base: { id: string; title: string }, error: unknown, action: string): DoctorCheck {
  if (isAccessDenied(error)) {
    return {
      ...base,
      status: 'warn',
      detail: `Could not be checked: the credentials may not call ${action} on the role (${nameOf(error)}).`,
      fix: `Allow iam:GetRole and iam:SimulatePrincipalPolicy on the role (the last statement of the operator policy) so the doctor can check it.`
    }
  }
  return { ...base, status: 'warn', detail: `Could not be checked (${nameOf(error)}).`, fix: 'Run the doctor again.' }
}
