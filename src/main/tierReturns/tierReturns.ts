/**
 * One pool's tier returns in EventBridge Scheduler: finding a user's, scheduling, extending and
 * cancelling one. Every request goes through the gateway (paced and audited like Cognito's); the
 * listing with its flags is in pendingReturns.ts, the tier write that cancels first in tierWrite.ts.
 */
import { randomUUID } from 'node:crypto'
import {
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  UpdateScheduleCommand,
  type GetScheduleCommandOutput
} from '@aws-sdk/client-scheduler'
import { AppError } from '../../shared/errors'
import { parseTier, type Tier } from '../../shared/tiers'
import { returnSentence, TIER_RETURN_GROUP, type PendingReturn, type ReturnCancelResult } from '../../shared/tierReturns'
import type { CognitoGateway, SendOptions } from '../cognito/gateway'
import { returnInstant } from './returnDates'
import { pendingReturnOf, returnChange, scheduleNameFor, scheduleRequest, type ReturnPlan } from './scheduleShape'
import { isConflict, isNotFound, schedulerError } from './schedulerErrors'

/** Sends one command: the gateway itself, or a step of a shared audit intent. */
export type Send = <Output>(command: CreateScheduleCommand | UpdateScheduleCommand | DeleteScheduleCommand, options?: SendOptions) => Promise<Output>

export class TierReturns {
  constructor(
    readonly gateway: CognitoGateway,
    /** The profile's schedulerRoleArn; absent: returns are off on this profile. */
    readonly roleArn: string | undefined,
    readonly now: () => Date = () => new Date()
  ) {}

  /** Whether this profile uses returns: only then do tier changes look for one to cancel. */
  get enabled(): boolean {
    return Boolean(this.roleArn)
  }

  /** The role, or the error that names the profile field (app) or flag (CLI) that sets it; asked before anything is written. */
  requireRole(): string {
    if (this.roleArn) return this.roleArn
    throw new AppError(
      'SCHEDULER_ROLE_MISSING',
      'This profile names no role for EventBridge Scheduler to assume, so a tier cannot be given until a date. Nothing was written. Set it in {schedulerRoleField}; the pool doctor says how to create the role.',
      { until: 'The profile has no scheduler role' }
    )
  }

  /** The role, the return tier and the instant of "until …, then …", checked before anything is sent (a grant, or once for a bulk change). */
  checkReturn(until: string, then?: string): { roleArn: string; returnTier: Tier; at: Date } {
    const roleArn = this.requireRole()
    const returnTier = parseTier(then, { allowOmitted: true })
    return { roleArn, returnTier, at: returnInstant(until, this.now()) }
  }

  /** What a grant until `until` will schedule; the date and the role are checked here, before anything is sent. */
  plan(username: string, grantedTier: Tier, until: string, then?: string): ReturnPlan {
    const { roleArn, returnTier, at } = this.checkReturn(until, then)
    if (returnTier === grantedTier) {
      throw new AppError('VALIDATION', `The return tier is the tier given (${grantedTier}): there is nothing to return to. Nothing was sent.`, {
        then: 'Choose another tier to return to'
      })
    }
    return { userPoolId: this.gateway.userPoolId, username, grantedTier, returnTier, at, roleArn }
  }

  /** The user's pending return, or null (GetSchedule answers ResourceNotFound). */
  async find(username: string): Promise<PendingReturn | null> {
    const name = scheduleNameFor(this.gateway.userPoolId, username)
    try {
      const schedule = await this.gateway.send<GetScheduleCommandOutput>(new GetScheduleCommand({ Name: name, GroupName: TIER_RETURN_GROUP }))
      return pendingReturnOf(schedule, this.gateway.userPoolId)
    } catch (error) {
      if (isNotFound(error)) return null
      throw schedulerError(error, `read the pending return of ${username}`)
    }
  }

  /** The one audit entry's words for a new or moved return. */
  changes(plan: ReturnPlan): Record<string, string> {
    return { return: returnChange({ at: plan.at.toISOString(), returnTier: plan.returnTier }) }
  }

  /** Creates the schedule (the group too, the first time: CreateSchedule answers ResourceNotFound for a missing group). */
  async create(plan: ReturnPlan, send: Send = (command, options) => this.gateway.send(command, options)): Promise<PendingReturn> {
    const command = new CreateScheduleCommand(scheduleRequest(plan, randomUUID()))
    try {
      await send(command, { username: plan.username, changes: this.changes(plan) })
    } catch (error) {
      if (!isNotFound(error)) throw schedulerError(error, `schedule the return of ${plan.username}`)
      await this.createGroup()
      await send(command, { username: plan.username, changes: this.changes(plan) }).catch((again: unknown) => {
        throw schedulerError(again, `schedule the return of ${plan.username}`)
      })
    }
    return pendingOf(plan)
  }

  /** Replaces the schedule's date and tiers; UpdateSchedule resets what it is not sent, so every field goes. */
  async update(plan: ReturnPlan, send: Send = (command, options) => this.gateway.send(command, options), previous?: PendingReturn): Promise<PendingReturn> {
    try {
      await send(new UpdateScheduleCommand(scheduleRequest(plan, randomUUID())), {
        username: plan.username,
        changes: this.changes(plan),
        ...(previous ? { previous: { return: returnChange(previous) } } : {})
      })
    } catch (error) {
      throw schedulerError(error, `move the return of ${plan.username}`)
    }
    return pendingOf(plan)
  }

  /** The DeleteSchedule of a user's return, for sending alone or as the first step of a tier change. */
  deleteCommand(username: string): DeleteScheduleCommand {
    return new DeleteScheduleCommand({ Name: scheduleNameFor(this.gateway.userPoolId, username), GroupName: TIER_RETURN_GROUP, ClientToken: randomUUID() })
  }

  /** Moves a pending return to a new date (and tier, when given); refused when the user has none. */
  async extend(username: string, until: string, then?: string): Promise<PendingReturn> {
    this.requireRole()
    const existing = await this.find(username)
    if (!existing) throw new AppError('RETURN_NOT_FOUND', `${username} has no pending tier return to extend. Nothing was sent.`)
    const plan = this.plan(existing.username, existing.grantedTier, until, then ?? existing.returnTier)
    return this.update(plan, undefined, existing)
  }

  /** Deletes a user's pending return: they keep the tier they have. None: nothing is sent. */
  async cancel(username: string): Promise<ReturnCancelResult> {
    const existing = await this.find(username)
    if (!existing) return { username, cancelled: null, message: `${username} has no pending tier return; nothing was sent.` }
    try {
      await this.gateway.send(this.deleteCommand(existing.username), {
        username: existing.username,
        changes: { return: 'cancelled' },
        previous: { return: returnChange(existing) }
      })
    } catch (error) {
      throw schedulerError(error, `cancel the return of ${username}`)
    }
    return {
      username: existing.username,
      cancelled: existing,
      message: `The return of ${existing.username} (${returnSentence(existing)}) is cancelled: they keep their tier.`
    }
  }

  private async createGroup(): Promise<void> {
    try {
      await this.gateway.send(new CreateScheduleGroupCommand({ Name: TIER_RETURN_GROUP, ClientToken: randomUUID() }))
    } catch (error) {
      if (!isConflict(error)) throw schedulerError(error, `create the schedule group ${TIER_RETURN_GROUP}`)
    }
  }
}

const pendingOf = (plan: ReturnPlan): PendingReturn => ({
  username: plan.username,
  grantedTier: plan.grantedTier,
  returnTier: plan.returnTier,
  at: plan.at.toISOString(),
  scheduleName: scheduleNameFor(plan.userPoolId, plan.username)
})

/** The tier returns of a connection: its gateway and its profile's role (none: returns are off). */
export function tierReturnsOf(deps: { gateway: CognitoGateway; connection: { schedulerRoleArn?: string } }): TierReturns {
  return new TierReturns(deps.gateway, deps.connection.schedulerRoleArn)
}
