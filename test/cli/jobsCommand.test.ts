/**
 * `tier-admin jobs` in its own words, through the real bin on a seeded sandbox: a job id that is none is
 * named as such (not as a flag), a finished bulk change resumed with --overwrite says which command
 * overwrites its conflicts, a finished scan is listed as done, and a dry-run import is no job.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { createSeededSandbox } from '../support/seededSandbox'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-jobs-')
const dataDir = join(temp.dir, 'data')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir })
const cli = (args: string[]) => runTierAdmin(args, { env, cwd: temp.dir })

beforeAll(async () => void (await createSeededSandbox(dataDir, 12)), 120_000)
afterAll(() => temp.remove())

describe('tier-admin jobs', () => {
  it('names a wrong job id as a job id, before opening the pool', async () => {
    const run = await cli(['jobs', '--resume', 'nosuch'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('"nosuch" is not a job id')
    expect(run.stderr).toMatch(/bulk-….*import-…/)
    expect(run.stderr).not.toContain('--job-id')
  })

  it('says what to run when a finished bulk change is resumed with --overwrite, and that command applies it', async () => {
    // seed_00003 has no tier: previewed as none → premium, then set to standard before the run.
    const preview = await cli(['bulk-set-tier', '--tier', 'premium', '--users', 'seed_00003', '--json'])
    const jobId = (JSON.parse(preview.stdout) as { jobId: string }).jobId
    expect((await cli(['set-tier', '--username', 'seed_00003', '--tier', 'standard'])).code).toBe(0)
    const run = await cli(['jobs', '--resume', jobId])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('1/1 row, 0 changed, 0 skipped, 1 conflict, 0 failed')

    const again = await cli(['jobs', '--resume', jobId, '--overwrite'])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain(`${jobId} has finished, so --overwrite changes none of its rows. To write its 1 conflict`)
    const command = /tier-admin (bulk-set-tier .*--yes)/.exec(again.stderr)![1]
    expect(command).toBe('bulk-set-tier --tier premium --users seed_00003 --yes')
    const applied = await cli(command.split(' '))
    expect(applied.code).toBe(0)
    expect(applied.stdout).toContain('1 changed')
  })

  it('lists a finished scan as done with its count, and no dry-run import', async () => {
    expect((await cli(['stats'])).code).toBe(0)
    const file = join(temp.dir, 'people.csv')
    writeFileSync(file, 'username,email\nnew_person,new@example.com\n')
    expect((await cli(['import', file, '--dry-run'])).code).toBe(0)
    const list = await cli(['jobs'])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/stats-scan\tdone\t12 users read\tfinished /)
    expect(list.stdout).not.toContain('import-')
  })
})
