/**
 * An import whose process is killed (kill -9) mid-run: the next process finds it interrupted with the
 * rows done before the kill, resumes it, and no user is created twice. A row whose request went out
 * just before the kill has an intent and no result; the resume sends it again, Cognito answers that
 * the username is taken, and the row is reported as created by this import (counted in the audit
 * trail, which every write goes through ahead of the request).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { getUser } from '../../../src/main/users/users'
import { openBulkSandbox, tierWritesByUser } from '../../support/bulkSandbox'
import { killMidJob } from '../../support/killMidJob'
import { makeTempDir } from '../../support/tempDir'

const ROWS = 200
const temp = makeTempDir('tier-admin-import-killed-')
afterAll(() => temp.remove())

it('finds an import killed mid-run interrupted and resumes it without creating a user twice', async () => {
  const sandbox = await openBulkSandbox(temp.dir, 1)
  try {
    const path = join(temp.dir, 'people.csv')
    const lines = ['username,email,tier,password']
    for (let i = 0; i < ROWS; i++) lines.push(`kill_${i},kill_${i}@example.com,premium,Onb0ard!${i}`)
    writeFileSync(path, lines.join('\r\n'))
    const preview = await sandbox.imports.preview({ path })
    const jobDir = join(temp.dir, 'jobs', preview.jobId)
    await killMidJob(join(__dirname, '../../support/importChild.ts'), [temp.dir, preview.jobId, 'admin-create'], jobDir, 30)

    const found = (await sandbox.imports.list()).find((job) => job.jobId === preview.jobId)!
    expect(found).toMatchObject({ state: 'interrupted', method: 'admin-create' })
    expect(found.progress.created).toBeGreaterThanOrEqual(30)
    expect(found.progress.created).toBeLessThan(ROWS)

    await sandbox.imports.start(preview.jobId)
    const end = await sandbox.imports.settled(preview.jobId)
    expect(end).toMatchObject({ state: 'done', done: ROWS, created: ROWS, existed: 0, failed: 0 })
    for (let i = 0; i < ROWS; i += 17) expect((await getUser(sandbox.connection.gateway, `kill_${i}`)).tier).toEqual({ kind: 'tier', tier: 'premium' })
    const creates = tierWritesByUser(temp.dir, 'AdminCreateUser')
    expect(creates.size).toBe(ROWS)
    const detail = await sandbox.imports.detail(preview.jobId)
    const createdBeforeKill = new Set(
      detail.results.filter((row) => row.reason === 'Created by this import before it was interrupted').map((row) => row.username)
    )
    // One row in flight (of 12) per cut-off request: it went out, the kill came before its answer was
    // written down, and the resume's second request was refused as taken.
    expect(createdBeforeKill.size).toBeLessThanOrEqual(12)
    for (const [username, count] of creates) {
      expect(count.ok, username).toBeLessThanOrEqual(1)
      if (count.ok === 0) expect(createdBeforeKill.has(username), username).toBe(true)
    }
  } finally {
    await sandbox.close()
  }
}, 120_000)
