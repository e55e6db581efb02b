/**
 * `tier-admin export` through the real bin on a seeded sandbox (a small real export): usage mistakes
 * exit 2 naming the flag; CSV and JSON lines hold every user once, privately, formula cells neutralised
 * (leading spaces included); --json keeps standard error quiet. Ctrl+C on a large pool (the Cognito
 * simulator as a configured pool) cancels, leaving the chosen file as it was and nothing beside it.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTierAdmin, waitFor } from '../support/cliProcess'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { startCognitoSim } from '../support/cognitoSim'
import { createSeededSandbox } from '../support/seededSandbox'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-export-')
const dataDir = join(temp.dir, 'data')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir })
const cli = (args: string[]) => runTierAdmin(args, { env, cwd: temp.dir })
const seeded = Array.from({ length: 12 }, (_, i) => `seed_${String(i).padStart(5, '0')}`)

beforeAll(async () => {
  const { dbFile } = await createSeededSandbox(dataDir, 12)
  // One value a spreadsheet would run as a formula once its leading spaces are skipped.
  const db = JSON.parse(readFileSync(dbFile, 'utf8')) as { Users: Record<string, { Attributes: { Name: string; Value: string }[] }> }
  db.Users.seed_00000!.Attributes.find((a) => a.Name === 'custom:user_tier')!.Value = '  =HYPERLINK("x")'
  writeFileSync(dbFile, JSON.stringify(db))
}, 120_000)
afterAll(() => temp.remove())

describe('tier-admin export', () => {
  it('refuses bad usage with exit 2, naming the flag', async () => {
    const missing = await cli(['export'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--out')
    const format = await cli(['export', '--format', 'xml', '--out', 'x.xml'])
    expect(format.code).toBe(2)
    expect(format.stderr).toContain('--format')
  })

  it('exports every user once as CSV, privately, with formula cells neutralised, quietly with --json', async () => {
    const path = join(temp.dir, 'users.csv')
    const run = await cli(['export', '--out', path, '--json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ state: 'done', users: 12, path, format: 'csv' })
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^username,sub,email,email_verified,status,enabled,created,modified,tier,/)
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort()
    ).toEqual(seeded)
    const first = lines.find((line) => line.startsWith('seed_00000,'))!
    expect(first).toContain(`,"'  =HYPERLINK(""x"")",`)
    expect(first).toContain(',seed_00000@example.com,')
  })

  it('exports JSON lines that parse, with the raw tier values', async () => {
    const path = join(temp.dir, 'users.jsonl')
    const run = await cli(['export', '--format', 'jsonl', '--out', path])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Exported 12 users to .*users\.jsonl/)
    const rows = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(rows.map((row) => row.username).sort()).toEqual(seeded)
    expect(rows.find((row) => row.username === 'seed_00000')).toMatchObject({ tier: '  =HYPERLINK("x")', email: 'seed_00000@example.com', enabled: false })
    expect(rows.find((row) => row.username === 'seed_00004')).toMatchObject({ tier: 'gold', status: 'CONFIRMED', created: '2026-01-05T00:00:00.000Z' })
  })

  it('cancels on Ctrl+C with progress on stderr, leaving the chosen file as it was', async () => {
    const sim = await startCognitoSim({ users: 50_000, latencyMs: 80, quota: 30 })
    try {
      const folder = join(temp.dir, 'sigint')
      mkdirSync(folder)
      const path = join(folder, 'users.csv')
      writeFileSync(path, 'the previous export\n')
      const env = cleanEnv({
        TIER_ADMIN_DATA_DIR: join(temp.dir, 'sim-data'),
        COGNITO_USER_POOL_ID: sim.userPoolId,
        COGNITO_CLIENT_ID: 'sim',
        COGNITO_REGION: 'us-east-1',
        COGNITO_ENDPOINT: sim.endpoint,
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'x'
      })
      const running = startTierAdmin(['export', '--out', path], { env, cwd: temp.dir })
      await waitFor('a progress line', () => /Exporting: \d+ of about 50000 users/.test(running.stderr()))
      running.child.kill('SIGINT')
      const end = await running.done
      expect(end.code).toBe(1)
      expect(end.stderr).toMatch(/Error \(CANCELLED\): The export was cancelled; .*users\.csv was not written/)
      expect(readFileSync(path, 'utf8')).toBe('the previous export\n')
      expect(readdirSync(folder)).toEqual(['users.csv'])
    } finally {
      await sim.stop()
    }
  }, 60_000)
})
