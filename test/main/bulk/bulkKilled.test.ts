/**
 * A bulk job whose process is killed (kill -9) mid-run: the next process finds it interrupted with the
 * rows done before the kill, resumes it, and no user's tier write is sent twice (counted in the audit
 * trail, which every write goes through ahead of the request).
 */
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { getUser } from '../../../src/main/users/users'
import { openBulkSandbox, seedName, tierWritesByUser } from '../../support/bulkSandbox'
import { killMidJob } from '../../support/killMidJob'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-bulk-killed-')
afterAll(() => temp.remove())

it('finds a bulk job killed mid-run interrupted and resumes it without doing a row twice', async () => {
  const sandbox = await openBulkSandbox(temp.dir, 200)
  try {
    const rows = Array.from({ length: 200 }, (_, i) => ({ username: seedName(i), tier: 'premium' }))
    const preview = await sandbox.bulk.preview({ rows })
    const jobDir = join(temp.dir, 'jobs', preview.jobId)
    await killMidJob(join(__dirname, '../../support/bulkChild.ts'), [temp.dir, preview.jobId], jobDir, 30)
    const found = (await sandbox.bulk.list()).find((job) => job.jobId === preview.jobId)!
    expect(found.state).toBe('interrupted')
    expect(found.progress.changed).toBeGreaterThanOrEqual(30)
    expect(found.progress.changed).toBeLessThan(preview.changes)

    await sandbox.bulk.start(preview.jobId)
    const end = await sandbox.bulk.settled(preview.jobId)
    // A row whose write went out just before the kill is found at the target: "already at target".
    expect(end).toMatchObject({ state: 'done', done: 200, conflicts: 0, failed: 0 })
    expect(end.changed + end.skipped).toBe(200)
    for (let i = 0; i < 200; i++) {
      const user = await getUser(sandbox.connection.gateway, seedName(i))
      expect(user.tier).toEqual({ kind: 'tier', tier: 'premium' })
    }
    const writes = tierWritesByUser(temp.dir)
    expect(writes.size).toBe(preview.changes)
    // At most one answered write per user. An intent without an answer is a request the kill cut off, at
    // most one per row in flight: its row had no result, so the resume read the user first and wrote
    // only a tier the pool did not already hold.
    for (const [username, count] of writes) {
      expect(count.ok, username).toBeLessThanOrEqual(1)
      expect(count.intents - count.ok, username).toBeLessThanOrEqual(1)
    }
    const cutOff = [...writes.values()].reduce((sum, count) => sum + count.intents - count.ok, 0)
    expect(cutOff).toBeLessThanOrEqual(8)
  } finally {
    await sandbox.close()
  }
}, 120_000)
