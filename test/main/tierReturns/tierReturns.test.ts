/**
 * Tier returns on the simulator, with the SDK's real request shapes: a grant with a return creates the
 * one schedule exactly; extend and cancel update or delete it; a later tier change cancels it in the
 * same audit intent (and writes nothing when cancelling fails); ListSchedules drives the pending list,
 * which flags a user whose tier changed; a profile without a role is refused before anything is written.
 */
import { AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { setTier } from '../../../src/main/users/users'
import { listPendingReturns } from '../../../src/main/tierReturns/pendingReturns'
import { scheduleNameFor } from '../../../src/main/tierReturns/scheduleShape'
import { TierReturns } from '../../../src/main/tierReturns/tierReturns'
import { TIER_RETURN_GROUP } from '../../../src/shared/tierReturns'
import { NOW, openReturnsSim, ROLE, user, type ReturnsSim } from './returnsSim'

let open: ReturnsSim | null = null
afterEach(async () => {
  await open?.close()
  open = null
})

const inMinutes = (minutes: number): string => new Date(NOW.getTime() + minutes * 60_000).toISOString()
const grant = (s: ReturnsSim, username: string, until: string, then?: string) =>
  setTier(s.gateway, s.schema, { username, tier: 'premium', until, ...(then ? { then } : {}) }, undefined, s.returns)
const scheduleOf = (s: ReturnsSim, username: string) => s.sim.scheduler.schedules.get(`${TIER_RETURN_GROUP}/${scheduleNameFor(s.sim.userPoolId, username)}`)
const intents = (s: ReturnsSim) => s.audit.entries.filter((e) => e.phase === 'intent')

describe('tier returns on the simulator', () => {
  it('a grant with a return in 2 minutes writes the tier and creates the schedule with the exact target, role and expression', async () => {
    open = await openReturnsSim([user('ann', 'standard')])
    const result = await grant(open, 'ann', inMinutes(2))
    expect(open.sim.tierOf('ann')).toBe('premium')
    expect(result.pendingReturn).toMatchObject({ username: 'ann', grantedTier: 'premium', returnTier: 'standard', at: '2026-12-05T12:02:00.000Z' })
    expect(scheduleOf(open, 'ann')).toMatchObject({
      GroupName: TIER_RETURN_GROUP,
      ScheduleExpression: 'at(2026-12-05T12:02:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: 'arn:aws:scheduler:::aws-sdk:cognitoidentityprovider:adminUpdateUserAttributes',
        RoleArn: ROLE,
        Input: JSON.stringify({ UserPoolId: open.sim.userPoolId, Username: 'ann', UserAttributes: [{ Name: 'custom:user_tier', Value: 'standard' }] })
      }
    })
    // The group is made on first use; the grant is one intent with both steps.
    expect(open.sim.scheduler.calls).toEqual(['GetSchedule', 'CreateSchedule', 'CreateScheduleGroup', 'CreateSchedule'])
    const grantIntent = intents(open).find((e) => e.operation === 'AdminUpdateUserAttributes')!
    expect(grantIntent).toMatchObject({
      username: 'ann',
      steps: ['AdminUpdateUserAttributes', 'CreateSchedule'],
      changes: { 'custom:user_tier': 'premium', return: '2026-12-05T12:02:00.000Z → standard' }
    })
    expect(open.audit.entries.find((e) => e.id === grantIntent.id && e.phase === 'result')).toMatchObject({
      outcome: 'ok',
      stepsDone: ['AdminUpdateUserAttributes', 'CreateSchedule']
    })
  })

  it('extend updates the schedule with every field, cancel deletes it', async () => {
    open = await openReturnsSim([user('ann', 'standard')])
    await grant(open, 'ann', inMinutes(2))
    const moved = await open.returns.extend('ann', inMinutes(60 * 24 * 14))
    expect(moved.at).toBe('2026-12-19T12:00:00.000Z')
    expect(scheduleOf(open, 'ann')).toMatchObject({
      ScheduleExpression: 'at(2026-12-19T12:00:00)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { RoleArn: ROLE }
    })
    expect(intents(open).at(-1)).toMatchObject({ operation: 'UpdateSchedule', username: 'ann', previous: { return: '2026-12-05T12:02:00.000Z → standard' } })
    const cancelled = await open.returns.cancel('ann')
    expect(cancelled.cancelled?.at).toBe('2026-12-19T12:00:00.000Z')
    expect(scheduleOf(open, 'ann')).toBeUndefined()
    expect(intents(open).at(-1)).toMatchObject({ operation: 'DeleteSchedule', username: 'ann', changes: { return: 'cancelled' } })
    await expect(open.returns.extend('ann', inMinutes(5))).rejects.toMatchObject({ code: 'RETURN_NOT_FOUND' })
    expect(open.sim.tierOf('ann')).toBe('premium')
  })

  it('a later tier change cancels the pending return first, in the same audit intent; a failed cancel writes nothing', async () => {
    open = await openReturnsSim([user('ann', 'standard'), user('bob', 'standard')])
    await grant(open, 'ann', inMinutes(2))
    await grant(open, 'bob', inMinutes(2))
    const paid = await setTier(open.gateway, open.schema, { username: 'ann', tier: 'standard' }, undefined, open.returns)
    expect(paid.cancelledReturn?.returnTier).toBe('standard')
    expect(scheduleOf(open, 'ann')).toBeUndefined()
    expect(intents(open).at(-1)).toMatchObject({
      operation: 'AdminUpdateUserAttributes',
      steps: ['DeleteSchedule', 'AdminUpdateUserAttributes'],
      changes: { 'custom:user_tier': 'standard', return: 'cancelled' },
      previous: { 'custom:user_tier': 'premium', return: '2026-12-05T12:02:00.000Z → standard' }
    })
    open.sim.scheduler.failNext = { operation: 'DeleteSchedule', status: 403, type: 'AccessDeniedException' }
    const writesBefore = open.sim.writes.length
    await expect(setTier(open.gateway, open.schema, { username: 'bob', tier: 'standard' }, undefined, open.returns)).rejects.toThrow(
      /could not be cancelled, so the tier was not written/
    )
    expect(open.sim.tierOf('bob')).toBe('premium')
    expect(open.sim.writes.slice(writesBefore).filter((w) => w.operation === 'AdminUpdateUserAttributes')).toEqual([])
    expect(open.audit.entries.at(-1)).toMatchObject({ phase: 'result', outcome: 'failed', stepsDone: [] })
  })

  it('ListSchedules drives the pending list, soonest first, and flags a return whose user changed tier', async () => {
    open = await openReturnsSim([user('ann', 'standard'), user('bob', 'standard')])
    await grant(open, 'bob', inMinutes(90))
    await grant(open, 'ann', inMinutes(30))
    // Changed outside this app: no return is cancelled.
    await open.gateway.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: open.sim.userPoolId,
        Username: 'bob',
        UserAttributes: [{ Name: 'custom:user_tier', Value: 'standard' }]
      })
    )
    const callsBefore = open.sim.scheduler.calls.length
    const list = await listPendingReturns(open.returns)
    expect(open.sim.scheduler.calls.slice(callsBefore)).toEqual(['ListSchedules', 'GetSchedule', 'GetSchedule'])
    expect(list.returns.map((r) => [r.username, r.at, Boolean(r.flagged)])).toEqual([
      ['ann', '2026-12-05T12:30:00.000Z', false],
      ['bob', '2026-12-05T13:30:00.000Z', true]
    ])
    expect(list.returns[1]!.flagged).toMatch(/now standard, not the granted premium/)
  })

  it('refuses a grant with a return on a profile without a role, before anything is written', async () => {
    open = await openReturnsSim([user('ann', 'standard')], null)
    const refused = await grant(open, 'ann', inMinutes(2)).catch((error: unknown) => error)
    expect(refused).toMatchObject({ code: 'SCHEDULER_ROLE_MISSING', message: expect.stringContaining('{schedulerRoleField}') })
    expect(open.sim.tierOf('ann')).toBe('standard')
    expect(open.audit.entries).toEqual([])
    expect(open.sim.scheduler.calls).toEqual([])
  })

  it('refuses a return in the past or beyond two years', async () => {
    open = await openReturnsSim([user('ann', 'standard')])
    await expect(grant(open, 'ann', inMinutes(0))).rejects.toMatchObject({ code: 'VALIDATION', fields: { until: expect.any(String) } })
    await expect(grant(open, 'ann', inMinutes(60 * 24 * 800))).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(grant(open, 'ann', inMinutes(5), 'premium')).rejects.toMatchObject({ code: 'VALIDATION', fields: { then: expect.any(String) } })
    expect(open.audit.entries).toEqual([])
    expect(new TierReturns(open.gateway, ROLE).enabled).toBe(true)
  })
})
