/**
 * A tier return as EventBridge Scheduler holds it: one one-time schedule per pool and user in the app's
 * group, named by a hash (names are 1–64 of [0-9a-zA-Z-_.]; usernames are not), running once at its
 * instant (UTC), calling Cognito's AdminUpdateUserAttributes through the universal target with the
 * profile's role, and deleted by Scheduler after it ran. Built here and read back here, nowhere else.
 */
import { createHash } from 'node:crypto'
import type { CreateScheduleCommandInput, GetScheduleCommandOutput } from '@aws-sdk/client-scheduler'
import { isTier, TIER_ATTRIBUTE, type Tier } from '../../shared/tiers'
import { TIER_RETURN_GROUP, type PendingReturn } from '../../shared/tierReturns'

/** The universal target: Scheduler calls this Cognito API itself with the target's Input as the request (the doctor probes with it too). */
export const returnTargetArn = (partition = 'aws'): string => `arn:${partition}:scheduler:::aws-sdk:cognitoidentityprovider:adminUpdateUserAttributes`
/** Schedules hold their instant in UTC; the front ends convert the operator's zone before it reaches main. */
export const RETURN_TIMEZONE = 'UTC'
const NAME_PREFIX = 'tr-'

const hash = (text: string, length: number): string => createHash('sha256').update(text).digest('hex').slice(0, length)

/** Every return of one pool starts with this (ListSchedules' NamePrefix): another pool's returns in the same group are not listed. */
export function poolNamePrefix(userPoolId: string): string {
  return `${NAME_PREFIX}${hash(userPoolId, 16)}-`
}

/** The one schedule name of a user's return in a pool: 60 characters, the same on every machine. */
export function scheduleNameFor(userPoolId: string, username: string): string {
  return `${poolNamePrefix(userPoolId)}${hash(`${userPoolId}\n${username}`, 40)}`
}

/** `at(2027-01-15T09:00:00)`: Scheduler's one-time expression, read in RETURN_TIMEZONE. */
export function atExpression(at: Date): string {
  return `at(${at.toISOString().slice(0, 19)})`
}

/** The instant of an `at(…)` expression in UTC; null for anything else. */
export function instantOf(expression: string | undefined, timezone: string | undefined): Date | null {
  const match = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression ?? '')
  if (!match || (timezone ?? 'UTC') !== RETURN_TIMEZONE) return null
  const date = new Date(`${match[1]}Z`)
  return Number.isNaN(date.getTime()) ? null : date
}

export interface ReturnPlan {
  userPoolId: string
  username: string
  grantedTier: Tier
  returnTier: Tier
  at: Date
  roleArn: string
}

/** What the Description keeps so a listing can show the return without reading anything else. */
interface Described {
  app: 'tier-admin'
  username: string
  grantedTier: Tier
  returnTier: Tier
}

/**
 * Every field of the schedule: CreateSchedule's input, and UpdateSchedule's too (which resets any
 * field it is not sent, so it is sent all of them). ClientToken makes a resend the same request.
 */
export function scheduleRequest(plan: ReturnPlan, clientToken: string): CreateScheduleCommandInput {
  const described: Described = { app: 'tier-admin', username: plan.username, grantedTier: plan.grantedTier, returnTier: plan.returnTier }
  return {
    Name: scheduleNameFor(plan.userPoolId, plan.username),
    GroupName: TIER_RETURN_GROUP,
    Description: JSON.stringify(described).slice(0, 512),
    ScheduleExpression: atExpression(plan.at),
    ScheduleExpressionTimezone: RETURN_TIMEZONE,
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    State: 'ENABLED',
    ClientToken: clientToken,
    Target: {
      Arn: returnTargetArn(),
      RoleArn: plan.roleArn,
      Input: JSON.stringify({ UserPoolId: plan.userPoolId, Username: plan.username, UserAttributes: [{ Name: TIER_ATTRIBUTE, Value: plan.returnTier }] })
    }
  }
}

/**
 * A schedule read back (GetSchedule) as a pending return; null when it is not one of this app's
 * returns for this pool (another shape, another pool), which a listing then skips.
 */
export function pendingReturnOf(schedule: GetScheduleCommandOutput, userPoolId: string): PendingReturn | null {
  const at = instantOf(schedule.ScheduleExpression, schedule.ScheduleExpressionTimezone)
  let input: { UserPoolId?: unknown; Username?: unknown; UserAttributes?: { Name?: unknown; Value?: unknown }[] }
  let described: Partial<Described>
  try {
    input = JSON.parse(schedule.Target?.Input ?? '') as typeof input
    described = JSON.parse(schedule.Description ?? '{}') as Partial<Described>
  } catch {
    return null
  }
  const returnTier = input.UserAttributes?.find((a) => a.Name === TIER_ATTRIBUTE)?.Value
  if (!at || !schedule.Name || input.UserPoolId !== userPoolId || typeof input.Username !== 'string' || !isTier(returnTier)) return null
  return {
    username: input.Username,
    grantedTier: isTier(described.grantedTier) ? described.grantedTier : 'premium',
    returnTier,
    at: at.toISOString(),
    scheduleName: schedule.Name
  }
}

/** How the audit trail words a return: "2027-01-15T09:00:00.000Z → standard". */
export function returnChange(pending: Pick<PendingReturn, 'at' | 'returnTier'>): string {
  return `${pending.at} → ${pending.returnTier}`
}
