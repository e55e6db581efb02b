/**
 * The IAM documents tier returns need, built once for the doctor's fixes and the README alike: the
 * role's trust policy (EventBridge Scheduler may assume it, for this account's schedule group only),
 * the role's permissions policy (AdminUpdateUserAttributes on this pool only), and the statements the
 * operator's own credentials need (the app's Scheduler actions in its group, and passing the role to
 * the scheduler service only).
 */
import type { DoctorDocument } from '../../shared/doctor'
import { TIER_RETURN_GROUP } from '../../shared/tierReturns'

export const SCHEDULER_SERVICE = 'scheduler.amazonaws.com'
/** The action a return's universal target calls, as IAM names it. */
export const RETURN_ACTION = 'cognito-idp:AdminUpdateUserAttributes'
/** The name the documents give a role the operator has not created yet. */
export const SUGGESTED_ROLE_NAME = 'tier-admin-tier-returns'
/** Stands in for the account where the doctor could not learn it (no STS answer and no role ARN). */
export const ACCOUNT_PLACEHOLDER = 'ACCOUNT_ID'

/** The Scheduler actions the app sends for tier returns, by the resource IAM checks them on. */
export const SCHEDULE_ACTIONS = ['CreateSchedule', 'UpdateSchedule', 'DeleteSchedule', 'GetSchedule'] as const
export const GROUP_ACTIONS = ['GetScheduleGroup', 'CreateScheduleGroup'] as const
/** Authorized on no resource ("*" in the service authorization reference). */
export const UNSCOPED_ACTIONS = ['ListSchedules'] as const

/** Where the documents point: the pool's partition, region and account, and the role. */
export interface ReturnSetting {
  partition: string
  region: string
  account: string
  userPoolId: string
  /** The role the profile names, or the suggested one's ARN when it names none. */
  roleArn: string
}

const ROLE_ARN = /^arn:(aws[\w-]*):iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]{1,64})$/

/** The parts of a role ARN, or null for anything else (a user's ARN, a typo). */
export function parseRoleArn(arn: string): { partition: string; account: string; roleName: string } | null {
  const match = ROLE_ARN.exec(arn.trim())
  return match ? { partition: match[1]!, account: match[2]!, roleName: match[3]! } : null
}

export const suggestedRoleArn = (partition: string, account: string): string => `arn:${partition}:iam::${account}:role/${SUGGESTED_ROLE_NAME}`
export const poolArnOf = (s: Omit<ReturnSetting, 'roleArn'>): string => `arn:${s.partition}:cognito-idp:${s.region}:${s.account}:userpool/${s.userPoolId}`
export const groupArnOf = (s: Omit<ReturnSetting, 'roleArn'>): string =>
  `arn:${s.partition}:scheduler:${s.region}:${s.account}:schedule-group/${TIER_RETURN_GROUP}`
export const scheduleArnOf = (s: Omit<ReturnSetting, 'roleArn'>, name: string): string =>
  `arn:${s.partition}:scheduler:${s.region}:${s.account}:schedule/${TIER_RETURN_GROUP}/${name}`

const policy = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)

/** Scheduler may assume the role only for this account's schedule group, as AWS advises against the confused deputy. */
export function trustPolicy(s: ReturnSetting): string {
  return policy([
    {
      Effect: 'Allow',
      Principal: { Service: SCHEDULER_SERVICE },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': s.account, 'aws:SourceArn': groupArnOf(s) } }
    }
  ])
}

/** A return writes one attribute of one user of this pool, and nothing else. */
export function rolePermissionsPolicy(s: ReturnSetting): string {
  return policy([{ Effect: 'Allow', Action: RETURN_ACTION, Resource: poolArnOf(s) }])
}

/** The operator's credentials: the app's Scheduler actions in its group, and the role passed to Scheduler only. */
export function operatorPolicy(s: ReturnSetting): string {
  return policy([
    { Sid: 'TierReturnSchedules', Effect: 'Allow', Action: SCHEDULE_ACTIONS.map((a) => `scheduler:${a}`), Resource: scheduleArnOf(s, '*') },
    { Sid: 'TierReturnGroup', Effect: 'Allow', Action: GROUP_ACTIONS.map((a) => `scheduler:${a}`), Resource: groupArnOf(s) },
    { Sid: 'TierReturnList', Effect: 'Allow', Action: UNSCOPED_ACTIONS.map((a) => `scheduler:${a}`), Resource: '*' },
    {
      Sid: 'TierReturnPassRole',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: s.roleArn,
      Condition: { StringEquals: { 'iam:PassedToService': SCHEDULER_SERVICE } }
    },
    // Only for the pool doctor, which reads the role and simulates its rights; returns work without it.
    { Sid: 'TierReturnDoctor', Effect: 'Allow', Action: ['iam:GetRole', 'iam:SimulatePrincipalPolicy'], Resource: s.roleArn }
  ])
}

/** The documents as the doctor's fixes and the README show them. */
export const trustDocument = (s: ReturnSetting): DoctorDocument => ({ title: "The role's trust policy", text: trustPolicy(s) })
export const permissionsDocument = (s: ReturnSetting): DoctorDocument => ({
  title: "The role's permissions policy (inline or managed)",
  text: rolePermissionsPolicy(s)
})
export const operatorDocument = (s: ReturnSetting): DoctorDocument => ({
  title: "A policy for the operator's own credentials (the people or role that run Tier Admin)",
  text: operatorPolicy(s)
})
