/**
 * A bulk tier change "until …, then …" on the simulator, with the SDK's real request shapes: each
 * changed row gets its tier and its one schedule (the exact target input) in one audit intent, a row
 * already at the target gets its return replaced, a row whose target is the return tier is left out,
 * the results CSV names each return, a resume (in another service, as another process) keeps the
 * job's return, and a profile without a scheduler role is refused before anything is read or written.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBulkTierService } from '../../../src/main/bulk/bulkService'
import { scheduleNameFor } from '../../../src/main/tierReturns/scheduleShape'
import { setTier } from '../../../src/main/users/users'
import { TIER_RETURN_GROUP } from '../../../src/shared/tierReturns'
import { serviceDeps } from '../../support/serviceDeps'
import { makeTempDir } from '../../support/tempDir'
import { NOW, openReturnsSim, ROLE, user, type ReturnsSim } from '../tierReturns/returnsSim'

let open: ReturnsSim | null = null
let temp: ReturnType<typeof makeTempDir> | null = null
afterEach(async () => {
  await open?.close()
  temp?.remove()
  open = temp = null
})

/** The bulk service reads the real clock: three days from now, to the minute. */
const inThreeDays = (): string => new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3 * 86_400_000).toISOString()
const scheduleOf = (s: ReturnsSim, username: string) => s.sim.scheduler.schedules.get(`${TIER_RETURN_GROUP}/${scheduleNameFor(s.sim.userPoolId, username)}`)
const inputFor = (s: ReturnsSim, username: string, tier: string) =>
  JSON.stringify({ UserPoolId: s.sim.userPoolId, Username: username, UserAttributes: [{ Name: 'custom:user_tier', Value: tier }] })
const intentsOf = (s: ReturnsSim, username: string) => s.audit.entries.filter((e) => e.phase === 'intent' && e.username === username)

function bulkOn(s: ReturnsSim, role: string | null = ROLE) {
  temp ??= makeTempDir('tier-admin-bulk-returns-')
  const deps = serviceDeps({ gateway: s.gateway, schema: s.schema, dataDir: temp.dir })
  if (role) deps.connection.schedulerRoleArn = role
  return { deps, bulk: createBulkTierService(deps) }
}

describe('a bulk tier change until a date', () => {
  it('writes each tier and creates one schedule per changed row with the exact target, in one intent per row', async () => {
    open = await openReturnsSim([user('ann', 'standard'), user('bob', 'standard'), user('cy', 'premium'), user('dee', 'premium')])
    // cy already has a return (granted earlier on the test clock): the bulk change replaces it.
    await setTier(
      open.gateway,
      open.schema,
      { username: 'cy', tier: 'premium', until: new Date(NOW.getTime() + 1_800_000).toISOString() },
      undefined,
      open.returns
    )
    const until = inThreeDays()
    const { bulk } = bulkOn(open)
    const preview = await bulk.preview({
      rows: ['ann', 'bob', 'cy'].map((username) => ({ username, tier: 'premium' })).concat({ username: 'dee', tier: 'standard' }),
      until,
      then: 'standard'
    })
    expect(preview.return).toEqual({ until, then: 'standard' })
    expect(preview.rows.map((row) => [row.username, row.action, row.reason])).toEqual([
      ['ann', 'change', undefined],
      ['bob', 'change', undefined],
      ['cy', 'change', undefined],
      ['dee', 'skip', 'target is the return tier']
    ])
    await bulk.start(preview.jobId)
    expect(await bulk.settled(preview.jobId)).toMatchObject({ state: 'done', changed: 3, skipped: 1, failed: 0 })

    const expression = `at(${until.slice(0, 19)})`
    for (const username of ['ann', 'bob', 'cy']) {
      expect(open.sim.tierOf(username)).toBe('premium')
      expect(scheduleOf(open, username)).toMatchObject({
        ScheduleExpression: expression,
        ScheduleExpressionTimezone: 'UTC',
        ActionAfterCompletion: 'DELETE',
        Target: {
          Arn: 'arn:aws:scheduler:::aws-sdk:cognitoidentityprovider:adminUpdateUserAttributes',
          RoleArn: ROLE,
          Input: inputFor(open, username, 'standard')
        }
      })
    }
    expect(scheduleOf(open, 'dee')).toBeUndefined()
    expect(open.sim.tierOf('dee')).toBe('premium')
    const change = `${until} → standard`
    expect(intentsOf(open, 'ann').at(-1)).toMatchObject({
      operation: 'AdminUpdateUserAttributes',
      steps: ['AdminUpdateUserAttributes', 'CreateSchedule'],
      changes: { 'custom:user_tier': 'premium', return: change }
    })
    // Already at the target: its return is moved (UpdateSchedule), the tier is not written again.
    expect(intentsOf(open, 'cy').at(-1)).toMatchObject({
      operation: 'UpdateSchedule',
      steps: ['UpdateSchedule'],
      previous: { return: expect.stringMatching(/→ standard$/) }
    })
    expect(open.sim.writes.filter((w) => w.operation === 'AdminUpdateUserAttributes').map((w) => w.username)).toEqual(expect.arrayContaining(['ann', 'bob']))

    const detail = await bulk.detail(preview.jobId)
    expect(detail.preview.return).toEqual({ until, then: 'standard' })
    expect(detail.results.find((r) => r.username === 'cy')).toMatchObject({ outcome: 'changed', reason: 'already at target; return scheduled' })
    const csvPath = join(temp!.dir, 'results.csv')
    await bulk.writeResultsCsv(preview.jobId, csvPath)
    const csv = readFileSync(csvPath, 'utf8').split('\r\n')
    expect(csv[0]).toBe('row,username,from,to,outcome,reason,return,ticket_or_reason')
    expect(csv[1]).toBe(`1,ann,standard,premium,changed,,${change},`)
    expect(csv[4]).toBe('4,dee,,standard,skipped,target is the return tier,,')
  })

  it('a resume in another process keeps the return kept with the job', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `u${String(i).padStart(2, '0')}`)
    open = await openReturnsSim(names.map((name) => user(name, 'standard')))
    const until = inThreeDays()
    const first = bulkOn(open)
    const preview = await first.bulk.preview({ rows: names.map((username) => ({ username, tier: 'premium' })), until })
    let paused: Promise<unknown> | null = null
    const unsubscribe = first.deps.jobUpdates.on('bulk-tier', (_, progress) => {
      if (!paused && progress.changed >= 5) paused = first.bulk.pause(preview.jobId)
    })
    await first.bulk.start(preview.jobId)
    await first.bulk.settled(preview.jobId)
    unsubscribe()
    await paused
    const stopped = await first.bulk.detail(preview.jobId)
    expect(stopped.state).toBe('paused')
    expect(stopped.progress.done).toBeLessThan(30)

    // Another service on the same data folder stands for another process: the request carries no date.
    const second = bulkOn(open)
    await second.bulk.start(preview.jobId)
    expect(await second.bulk.settled(preview.jobId)).toMatchObject({ state: 'done', done: 30, failed: 0, conflicts: 0 })
    for (const name of names) {
      expect(open.sim.tierOf(name)).toBe('premium')
      expect(scheduleOf(open, name)).toMatchObject({ ScheduleExpression: `at(${until.slice(0, 19)})`, Target: { Input: inputFor(open, name, 'standard') } })
    }
    // No tier written twice, no schedule created twice: a row the pause cut off finds its tier (and return) in place.
    const done = (step: string) => open!.audit.entries.filter((e) => e.phase === 'result' && e.outcome === 'ok' && e.stepsDone?.includes(step))
    for (const step of ['AdminUpdateUserAttributes', 'CreateSchedule']) {
      const users = done(step).map((e) => e.username)
      expect(new Set(users).size, step).toBe(users.length)
    }
  })

  it('without a scheduler role the preview is refused before anything is read or written, and so is a later start', async () => {
    open = await openReturnsSim([user('ann', 'standard')], null)
    const { bulk, deps } = bulkOn(open, null)
    const refused = await bulk.preview({ rows: [{ username: 'ann', tier: 'premium' }], until: inThreeDays() }).catch((error: unknown) => error)
    expect(refused).toMatchObject({ code: 'SCHEDULER_ROLE_MISSING' })
    expect(open.sim.stats.reads).toBe(0)
    expect(open.sim.scheduler.calls).toEqual([])
    expect(open.audit.entries).toEqual([])
    expect(existsSync(join(temp!.dir, 'jobs'))).toBe(false)

    // Previewed while the profile had a role, started after it was taken away: refused, nothing written.
    deps.connection.schedulerRoleArn = ROLE
    const preview = await bulk.preview({ rows: [{ username: 'ann', tier: 'premium' }], until: inThreeDays() })
    delete deps.connection.schedulerRoleArn
    await expect(bulk.start(preview.jobId)).rejects.toMatchObject({ code: 'SCHEDULER_ROLE_MISSING' })
    expect(open.sim.tierOf('ann')).toBe('standard')
    expect(open.sim.writes).toEqual([])
    expect(open.audit.entries).toEqual([])
  })

  it('refuses a date too soon before anything is read', async () => {
    open = await openReturnsSim([user('ann', 'standard')])
    const { bulk } = bulkOn(open)
    const soon = new Date(Date.now() + 10_000).toISOString()
    await expect(bulk.preview({ rows: [{ username: 'ann', tier: 'premium' }], until: soon })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { until: expect.any(String) }
    })
    expect(open.sim.stats.reads).toBe(0)
  })
})
