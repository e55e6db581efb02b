/**
 * Bulk tier changes on a real cognito-local sandbox of 200 users: the preview's counts, a run that
 * puts every user at the target, a re-run that changes nothing, a conflict reported and not
 * overwritten (and overwritten when asked), and a pause then resume with no write sent twice.
 */
import { AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getUser } from '../../../src/main/users/users'
import { openBulkSandbox, seedName, tierWritesByUser, type BulkSandbox } from '../../support/bulkSandbox'
import { makeTempDir } from '../../support/tempDir'

const USERS = 200
const temp = makeTempDir('tier-admin-bulk-')
let sandbox: BulkSandbox

beforeAll(async () => {
  sandbox = await openBulkSandbox(temp.dir, USERS)
}, 120_000)
afterAll(async () => {
  await sandbox?.close()
  temp.remove()
})

const tierOf = async (username: string): Promise<string | undefined> => {
  const user = await getUser(sandbox.connection.gateway, username)
  return user.tier.kind === 'tier' ? user.tier.tier : user.tier.kind === 'invalid' ? user.tier.value : undefined
}

/** Sets a raw tier value behind the app's back: another operator or tool. */
const setBehindBack = (username: string, value: string) =>
  sandbox.connection.gateway.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: sandbox.connection.gateway.userPoolId,
      Username: username,
      UserAttributes: [{ Name: 'custom:user_tier', Value: value }]
    })
  )

describe('a 200-user re-tier', () => {
  it('previews, runs, leaves every user at the target, and changes nothing when run again', async () => {
    const { bulk } = sandbox
    const rows = Array.from({ length: USERS }, (_, i) => ({ username: seedName(i), tier: 'premium' }))
    rows.push({ username: seedName(3), tier: 'standard' }, { username: 'nobody_here', tier: 'premium' }, { username: seedName(4), tier: 'gold' })
    const preview = await bulk.preview({ rows })
    // The seed gives every eighth pair (i % 8 of 1 and 6) premium: 50 of 200 already at the target.
    const reasons = preview.rows.filter((row) => row.action === 'skip').map((row) => row.reason)
    expect(preview.changes).toBe(150)
    expect(reasons.filter((reason) => reason === 'already at target')).toHaveLength(50)
    expect(preview.rows.slice(USERS).map((row) => row.reason)).toEqual(['duplicate row', 'user not found', 'invalid tier'])
    expect(preview.rows[4]).toMatchObject({ from: 'gold', tier: 'premium', action: 'change' })

    const updates: number[] = []
    const unsubscribe = sandbox.jobUpdates.on('bulk-tier', (jobId, progress) => jobId === preview.jobId && updates.push(progress.done))
    await bulk.start(preview.jobId)
    const end = await bulk.settled(preview.jobId)
    unsubscribe()
    expect(end).toMatchObject({ state: 'done', total: 203, done: 203, changed: 150, skipped: 53, conflicts: 0, failed: 0 })
    expect(updates.length).toBeGreaterThan(1)
    for (let i = 0; i < USERS; i++) expect(await tierOf(seedName(i))).toBe('premium')
    const writes = tierWritesByUser(sandbox.dataDir)
    expect([...writes.values()].every((count) => count.ok === 1 && count.intents === 1)).toBe(true)
    expect(writes.size).toBe(150)

    // Run again: every row has its result, so nothing is sent; a fresh preview finds nothing to change.
    await bulk.start(preview.jobId)
    expect(await bulk.settled(preview.jobId)).toMatchObject({ state: 'done', changed: 150 })
    expect((await bulk.preview({ rows: rows.slice(0, USERS) })).changes).toBe(0)
    expect(tierWritesByUser(sandbox.dataDir).size).toBe(150)

    const csvPath = join(temp.dir, 'results.csv')
    expect(await bulk.writeResultsCsv(preview.jobId, csvPath)).toBe(203)
    const csv = readFileSync(csvPath, 'utf8').split('\r\n')
    expect(csv[0]).toBe('row,username,from,to,outcome,reason,return,ticket_or_reason')
    expect(csv[5]).toBe('5,seed_00004,gold,premium,changed,,,')
    expect(csv[203]).toBe('203,seed_00004,,gold,skipped,invalid tier,,')
  })
})

describe('conflicts', () => {
  it('reports a tier changed since the preview and leaves it, unless told to overwrite', async () => {
    const { bulk } = sandbox
    const kept = await bulk.preview({
      rows: [
        { username: seedName(10), tier: 'standard' },
        { username: seedName(11), tier: 'standard' }
      ]
    })
    expect(kept.changes).toBe(2)
    await setBehindBack(seedName(10), 'gold')
    await bulk.start(kept.jobId)
    expect(await bulk.settled(kept.jobId)).toMatchObject({ state: 'done', changed: 1, conflicts: 1 })
    expect(await tierOf(seedName(10))).toBe('gold')
    const detail = await bulk.detail(kept.jobId)
    expect(detail.results[0]).toMatchObject({ outcome: 'conflict', from: 'gold', to: 'standard' })
    expect(detail.results[0]!.reason).toMatch(/changed since the preview/)

    const forced = await bulk.preview({ rows: [{ username: seedName(12), tier: 'standard' }] })
    await setBehindBack(seedName(12), 'gold')
    await bulk.start(forced.jobId, { overwrite: true })
    expect(await bulk.settled(forced.jobId)).toMatchObject({ state: 'done', changed: 1, conflicts: 0 })
    expect(await tierOf(seedName(12))).toBe('standard')
  })
})

describe('pause and resume', () => {
  it('pauses with part done, resumes the rest, and sends no write twice', async () => {
    const { bulk } = sandbox
    const rows = Array.from({ length: USERS }, (_, i) => ({ username: seedName(i), tier: 'standard' }))
    const preview = await bulk.preview({ rows })
    expect(preview.changes).toBeGreaterThan(100)
    const before = tierWritesByUser(sandbox.dataDir)
    let paused: Promise<unknown> | null = null
    const unsubscribe = sandbox.jobUpdates.on('bulk-tier', (_, progress) => {
      if (!paused && progress.changed >= 20) paused = bulk.pause(preview.jobId)
    })
    await bulk.start(preview.jobId)
    await bulk.settled(preview.jobId)
    unsubscribe()
    await paused
    const stopped = (await bulk.list()).find((job) => job.jobId === preview.jobId)!
    expect(stopped.state).toBe('paused')
    expect(stopped.progress.changed).toBeGreaterThanOrEqual(20)
    expect(stopped.progress.changed).toBeLessThan(preview.changes)

    await bulk.start(preview.jobId)
    const end = await bulk.settled(preview.jobId)
    expect(end).toMatchObject({ state: 'done', done: USERS, conflicts: 0, failed: 0 })
    // A write in flight when the pause came may have been applied with its answer cut off: the resume
    // finds that user at the target ("already at target") instead of writing again.
    expect(end.changed + end.skipped).toBe(USERS)
    expect(end.changed).toBeGreaterThanOrEqual(preview.changes - 8)
    expect(end.elapsedMs).toBeGreaterThan(0)
    for (let i = 0; i < USERS; i += 7) expect(await tierOf(seedName(i))).toBe('standard')
    const after = tierWritesByUser(sandbox.dataDir)
    for (const [username, count] of after) {
      const earlier = before.get(username) ?? { ok: 0, intents: 0 }
      expect(count.ok - earlier.ok, username).toBeLessThanOrEqual(1)
    }
  })
})
