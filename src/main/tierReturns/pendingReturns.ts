/**
 * Every pending return of the pool: ListSchedules in the app's group (this pool's name prefix, every
 * page), GetSchedule for each, and each user's tier now, so a return whose user no longer holds the
 * granted tier is flagged before it runs. Reads run a few at a time; the limiters pace them
 * (SchedulerRead, UserRead), so a long list waits on the quota rather than exceeding it.
 */
import { AdminGetUserCommand, type AdminGetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import { GetScheduleCommand, ListSchedulesCommand, type GetScheduleCommandOutput, type ListSchedulesCommandOutput } from '@aws-sdk/client-scheduler'
import { storedTierValue, TIER_ATTRIBUTE, tierLabel, tierStateOf } from '../../shared/tiers'
import { TIER_RETURN_GROUP, type PendingReturn, type PendingReturnsList } from '../../shared/tierReturns'
import { nameOf } from '../cognito/gateway'
import { runWorkers } from '../jobs/workerPool'
import { pendingReturnOf, poolNamePrefix } from './scheduleShape'
import { isNotFound, schedulerError } from './schedulerErrors'
import type { TierReturns } from './tierReturns'

/** Reads in flight: enough to hide round trips, few enough that the list never crowds out the operator's own reads. */
const READ_CONCURRENCY = 8
/** ListSchedules' largest page. */
const PAGE_SIZE = 100

export async function listPendingReturns(returns: TierReturns): Promise<PendingReturnsList> {
  const { gateway } = returns
  const names = await scheduleNames(returns)
  const found = new Map<string, PendingReturn>()
  const signal = new AbortController().signal
  await runWorkers({
    items: names,
    concurrency: READ_CONCURRENCY,
    staggerMs: 0,
    signal,
    task: async (name) => {
      try {
        const schedule = await gateway.send<GetScheduleCommandOutput>(new GetScheduleCommand({ Name: name, GroupName: TIER_RETURN_GROUP }))
        const pending = pendingReturnOf(schedule, gateway.userPoolId)
        if (pending) found.set(name, pending)
      } catch (error) {
        // Ran or was cancelled between the list and the read: no longer pending.
        if (!isNotFound(error)) throw schedulerError(error, 'read a pending return')
      }
    }
  })
  const pending = [...found.values()]
  await runWorkers({
    items: pending.map((_, index) => String(index)),
    concurrency: READ_CONCURRENCY,
    staggerMs: 0,
    signal,
    task: async (index) => {
      const item = pending[Number(index)]!
      const flagged = await flagOf(returns, item)
      if (flagged) item.flagged = flagged
    }
  })
  pending.sort((a, b) => a.at.localeCompare(b.at) || a.username.localeCompare(b.username))
  return { returns: pending, groupName: TIER_RETURN_GROUP, listedAt: returns.now().toISOString() }
}

/** This pool's schedule names in the group, every page; no group yet means no returns. */
async function scheduleNames(returns: TierReturns): Promise<string[]> {
  const names: string[] = []
  let token: string | undefined
  try {
    do {
      const page = await returns.gateway.send<ListSchedulesCommandOutput>(
        new ListSchedulesCommand({
          GroupName: TIER_RETURN_GROUP,
          NamePrefix: poolNamePrefix(returns.gateway.userPoolId),
          MaxResults: PAGE_SIZE,
          ...(token ? { NextToken: token } : {})
        })
      )
      for (const schedule of page.Schedules ?? []) if (schedule.Name) names.push(schedule.Name)
      token = page.NextToken || undefined
    } while (token)
  } catch (error) {
    if (isNotFound(error)) return []
    throw schedulerError(error, 'list the pending returns')
  }
  return names
}

/** Why a return needs a look (the user's tier is not the granted one, or the user is gone); undefined when all is well. */
async function flagOf(returns: TierReturns, pending: PendingReturn): Promise<string | undefined> {
  const { gateway } = returns
  let tier: string
  try {
    const user = await gateway.send<AdminGetUserCommandOutput>(new AdminGetUserCommand({ UserPoolId: gateway.userPoolId, Username: pending.username }))
    tier = storedTierValue(tierStateOf(user.UserAttributes?.find((a) => a.Name === TIER_ATTRIBUTE)?.Value))
  } catch (error) {
    if (nameOf(error) === 'UserNotFoundException') return 'The user no longer exists: the return will fail when it runs. Cancel it.'
    throw error
  }
  if (tier === pending.grantedTier) return undefined
  return `The user's tier is now ${tierLabel(tierStateOf(tier || undefined))}, not the granted ${pending.grantedTier} (changed outside this app?): the return would set ${pending.returnTier}. Cancel it if that is wrong.`
}
