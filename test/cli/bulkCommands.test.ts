/**
 * `tier-admin bulk-set-tier` and `tier-admin jobs` through the real bin on a seeded sandbox: usage
 * mistakes exit 2 naming the flag; a CSV as spreadsheets write it (byte-order mark, quotes, `;`, CRLF)
 * is previewed without changing anything, applied with --yes, and a previewed job is listed and resumed.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBulkCsv } from '../../src/cli/bulkCsv'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { createSeededSandbox } from '../support/seededSandbox'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-bulk-')
const dataDir = join(temp.dir, 'data')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir })
const cli = (args: string[]) => runTierAdmin(args, { env, cwd: temp.dir })

beforeAll(async () => void (await createSeededSandbox(dataDir, 12)), 120_000)
afterAll(() => temp.remove())

describe('the bulk CSV', () => {
  it('reads a byte-order mark, quotes, semicolons and CRLF, and refuses a file without the header', () => {
    const rows = parseBulkCsv('\uFEFFUsername;Tier\r\n"seed_00000";premium\r\n"we;ird";"standard"\r\n\r\n')
    expect(rows).toEqual([
      { username: 'seed_00000', tier: 'premium' },
      { username: 'we;ird', tier: 'standard' }
    ])
    expect(parseBulkCsv('username,tier\nseed_00001, premium \n')).toEqual([{ username: 'seed_00001', tier: 'premium' }])
    expect(() => parseBulkCsv('user,level\na,premium\n', 'people.csv')).toThrow(/people\.csv needs a header .*username and tier/)
  })
})

describe('tier-admin bulk-set-tier and jobs', () => {
  it('refuses bad usage with exit 2, naming the flag', async () => {
    const badTier = await cli(['bulk-set-tier', '--tier', 'gold', '--users', 'a,b'])
    expect(badTier.code).toBe(2)
    expect(badTier.stderr).toContain('--tier')
    expect((await cli(['bulk-set-tier'])).code).toBe(2)
    expect((await cli(['bulk-set-tier', join(temp.dir, 'missing.csv')])).stderr).toContain('missing.csv')
    expect((await cli(['bulk-set-tier', 'x.csv', '--tier', 'premium'])).code).toBe(2)
  })

  it('previews a CSV without changing anything, then applies with --yes, lists and resumes jobs', async () => {
    const file = join(temp.dir, 'tiers.csv')
    // seed_00000 is standard, seed_00001 premium, seed_00002 standard (see seedSandbox).
    writeFileSync(file, '\uFEFFusername;tier\r\n"seed_00000";premium\r\nseed_00001;premium\r\n"seed_00002";"premium"\r\n')
    const preview = await cli(['bulk-set-tier', file])
    expect(preview.code).toBe(0)
    expect(preview.stdout).toMatch(/2 to change, 1 skipped/)
    expect(preview.stdout).toMatch(/seed_00001\tpremium → premium\tskip: already at target/)
    expect(preview.stdout).toContain('Nothing was changed')
    const jobId = /jobs --resume (bulk-\S+?)"/.exec(preview.stdout)![1]!

    const applied = await cli(['bulk-set-tier', '--tier', 'standard', '--users', 'seed_00003,seed_00004,nobody', '--yes', '--json'])
    expect(applied.stderr).toBe('')
    expect(applied.code).toBe(0)
    const detail = JSON.parse(applied.stdout) as {
      state: string
      progress: { changed: number; skipped: number }
      results: { username: string; outcome: string; reason?: string }[]
    }
    // seed_00003 has no tier, seed_00004 "gold": both become standard; nobody is not in the pool.
    expect(detail).toMatchObject({ state: 'done', progress: { changed: 2, skipped: 1 } })
    expect(detail.results.map((row) => [row.username, row.outcome, row.reason])).toEqual([
      ['seed_00003', 'changed', undefined],
      ['seed_00004', 'changed', undefined],
      ['nobody', 'skipped', 'user not found']
    ])

    const listed = JSON.parse((await cli(['jobs', '--json'])).stdout) as { bulk: { jobId: string; state: string }[] }
    expect(listed.bulk.map((job) => job.state)).toEqual(['previewed', 'done'])
    expect(listed.bulk[0]!.jobId).toBe(jobId)

    const out = join(temp.dir, 'results.csv')
    const resumed = await cli(['jobs', '--resume', jobId, '--out', out])
    expect(resumed.code).toBe(0)
    expect(resumed.stdout).toContain('Done: 3/3 rows, 2 changed, 1 skipped, 0 conflicts, 0 failed')
    expect((await cli(['get', 'seed_00002', '--json'])).stdout).toContain('"tier": "premium"')
    expect((await cli(['jobs'])).stdout).toMatch(new RegExp(`${jobId}\\tdone\\t3/3 rows`))
  })

  it('takes --until and --then as set-tier does: usage mistakes exit 2, and each row gets its return', async () => {
    const users = ['--tier', 'premium', '--users', 'seed_00006,seed_00007,seed_00008']
    const thenAlone = await cli(['bulk-set-tier', ...users, '--then', 'standard'])
    expect(thenAlone.code).toBe(2)
    expect(thenAlone.stderr).toContain('--then needs --until')
    const badDate = await cli(['bulk-set-tier', ...users, '--until', 'next week'])
    expect(badDate.code).toBe(2)
    expect(badDate.stderr).toContain('--until takes a date and time')
    expect((await cli(['bulk-set-tier', ...users, '--until', '2020-01-01T09:00Z'])).stderr).toContain('--until must be at least a minute from now')
    expect((await cli(['bulk-set-tier', '--help'])).stdout).toContain('[--until 2027-01-15T09:00 [--then standard]]')

    const until = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 2 * 86_400_000).toISOString()
    const preview = await cli(['bulk-set-tier', ...users, '--until', until])
    expect(preview.code, preview.stderr).toBe(0)
    expect(preview.stdout).toMatch(/3 to change, 0 skipped\.\nEach changed row: until .* UTC, then standard\./)
    const applied = await cli(['bulk-set-tier', ...users, '--until', until, '--then', 'standard', '--yes'])
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stdout).toMatch(/Done: 3\/3 rows, 3 changed.*\n3 returns scheduled: until .* UTC, then standard\./)
    const listed = JSON.parse((await cli(['returns', '--json'])).stdout) as { returns: { username: string; at: string; returnTier: string }[] }
    expect(listed.returns.map((r) => [r.username, r.at, r.returnTier]).sort()).toEqual([
      ['seed_00006', until, 'standard'],
      ['seed_00007', until, 'standard'],
      ['seed_00008', until, 'standard']
    ])
  })
})
