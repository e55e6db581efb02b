/**
 * The one tier write of the app (a single change, a bulk row): a user's pending return is cancelled
 * first and a new one scheduled after, all under ONE audit intent with the tier, so a later paid
 * upgrade is never undone by an old goodwill grant's return. Cancelling failed: nothing is written.
 */
import { randomUUID } from 'node:crypto'
import { AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider'
import { CreateScheduleCommand, UpdateScheduleCommand } from '@aws-sdk/client-scheduler'
import { AppError } from '../../shared/errors'
import { TIER_ATTRIBUTE, type Tier } from '../../shared/tiers'
import type { PendingReturn } from '../../shared/tierReturns'
import { toAppError } from '../cognito/errorMapping'
import { outcomeOf, WriteOutcomeUnknownError, writeFailureName, type AnyCommand, type CognitoGateway, type SendOptions } from '../cognito/gateway'
import { returnChange, scheduleRequest, type ReturnPlan } from './scheduleShape'
import { isNotFound } from './schedulerErrors'
import type { Send, TierReturns } from './tierReturns'

export interface TierWrite {
  username: string
  tier: Tier
  /** The tier value stored now ("" for none), for the trail and to skip a write that changes nothing. */
  current: string
  /** A return to schedule with the grant. */
  plan?: ReturnPlan
  /** The user's pending return when the caller already read it; undefined: read it here (when returns are on). */
  existing?: PendingReturn | null
}

export interface TierWriteDone {
  /** The pending return cancelled before the tier was written. */
  cancelled?: PendingReturn
  /** The return scheduled (or moved) with the grant. */
  scheduled?: PendingReturn
}

/** The pending return a tier change must cancel first; a failed look is the change's failure, before anything is written. */
export async function returnToCancel(returns: TierReturns | null, username: string): Promise<PendingReturn | null> {
  if (!returns?.enabled) return null
  try {
    return await returns.find(username)
  } catch (error) {
    const shown = toAppError(error, { operation: 'GetSchedule' })
    throw new AppError(shown.code, `The pending tier return of ${username} could not be looked up, so the tier was not written: ${shown.message}`)
  }
}

export async function writeTierCancellingReturn(
  gateway: CognitoGateway,
  returns: TierReturns | null,
  change: TierWrite,
  options: SendOptions = {}
): Promise<TierWriteDone> {
  const { username, tier, current, plan } = change
  const existing = change.existing !== undefined ? change.existing : await returnToCancel(returns, username)
  const tierCommand = new AdminUpdateUserAttributesCommand({
    UserPoolId: gateway.userPoolId,
    Username: username,
    UserAttributes: [{ Name: TIER_ATTRIBUTE, Value: tier }]
  })
  const previous = { ...options.previous, [TIER_ATTRIBUTE]: current, ...(existing ? { return: returnChange(existing) } : {}) }
  if (!existing && !plan) {
    await gateway.send(tierCommand, { ...options, previous })
    return {}
  }
  const writesTier = tier !== current
  const scheduleStep = plan ? (existing ? 'UpdateSchedule' : 'CreateSchedule') : null
  const steps = [
    ...(existing && !plan ? ['DeleteSchedule'] : []),
    ...(writesTier ? ['AdminUpdateUserAttributes'] : []),
    ...(scheduleStep ? [scheduleStep] : [])
  ]
  const changes = { return: plan ? returnChange({ at: plan.at.toISOString(), returnTier: plan.returnTier }) : 'cancelled' }
  // What the trail names the change by: the tier write when there is one, else the schedule's own request.
  const described: AnyCommand = writesTier
    ? tierCommand
    : plan
      ? new (existing ? UpdateScheduleCommand : CreateScheduleCommand)(scheduleRequest(plan, randomUUID()))
      : returns!.deleteCommand(username)
  const intent = await gateway.openIntent(described, steps, { ...options, username, previous, changes })
  const done: string[] = []
  const result: TierWriteDone = {}
  const send: Send = (command, stepOptions) => intent.send(command, { ...options, ...stepOptions })
  let step = steps[0]!
  try {
    if (existing && !plan) {
      step = 'DeleteSchedule'
      await intent.send(returns!.deleteCommand(username), options).catch((error: unknown) => {
        // Gone since it was read (it ran, or was cancelled elsewhere): there is nothing left to cancel.
        if (!isNotFound(error)) throw error
      })
      result.cancelled = existing
      done.push(step)
    }
    if (writesTier) {
      step = 'AdminUpdateUserAttributes'
      await intent.send(tierCommand, options)
      done.push(step)
    }
    if (plan && scheduleStep) {
      step = scheduleStep
      result.scheduled = existing ? await returns!.update(plan, send) : await returns!.create(plan, send)
      if (existing) result.cancelled = existing
      done.push(step)
    }
  } catch (error) {
    await intent.finish(outcomeOf(error), { errorName: writeFailureName(error), stepsDone: done })
    throw explained(error, step, username, done)
  }
  await intent.finish('ok', { stepsDone: done })
  return result
}

/** Says how far the change got: a cancel that failed wrote nothing; a schedule that failed left the grant without its return. */
function explained(error: unknown, step: string, username: string, done: string[]): unknown {
  const shown = toAppError(error, { operation: step })
  // Whatever became of the cancel (refused, or its answer lost), the tier was not sent.
  if (step === 'DeleteSchedule') {
    return new AppError(shown.code, `The pending tier return of ${username} could not be cancelled, so the tier was not written: ${shown.message}`)
  }
  // A lost answer after that stays what it is: a bulk job stops and reads the user again on resume.
  if (error instanceof WriteOutcomeUnknownError) return error
  if (step === 'CreateSchedule' || step === 'UpdateSchedule') {
    const written = done.includes('AdminUpdateUserAttributes') ? 'The tier was written, but its return' : 'The return'
    return new AppError(shown.code, `${written} could not be scheduled for ${username}: ${shown.message} Give the date again to schedule it.`)
  }
  if (done.includes('DeleteSchedule')) {
    return new AppError(shown.code, `The pending return of ${username} was cancelled, but the tier could not be written: ${shown.message}`)
  }
  return error
}
