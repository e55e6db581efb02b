/**
 * `tier-admin stats --history` through the real bin on the sandbox: two scans with tier changes
 * between them, printed as a table, quiet JSON and CSV (the scans' counts and the changes per day),
 * without scanning again; --days is checked like every flag (exit 2, naming it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-history-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir })
const cli = (args: string[], stdin?: string) => runTierAdmin(args, { env, cwd: temp.dir, stdin })
const today = new Date().toISOString().slice(0, 10)

async function ok(args: string[], stdin?: string) {
  const run = await cli(args, stdin)
  expect(run.code, run.stderr).toBe(0)
  return run
}

beforeAll(async () => {
  for (const name of ['ava', 'ben', 'cal']) {
    await ok(['register', '--username', name, '--email', `${name}@example.com`, '--password-stdin', '--tier', 'standard'], 'Secure#Pass123\n')
  }
  await ok(['stats', '--json'])
  await ok(['set-tier', '--username', 'ava', '--tier', 'premium'])
  await ok(['set-tier', '--username', 'ben', '--tier', 'premium'])
  await ok(['set-tier', '--username', 'ben', '--tier', 'standard'])
  await ok(['stats', '--json'])
}, 120_000)
afterAll(() => temp.remove())

describe('tier-admin stats --history', () => {
  it('prints each kept scan and the tier changes per day, without scanning', async () => {
    const run = await ok(['stats', '--history'])
    expect(run.stderr).not.toMatch(/Scanning/)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('Kept scans, oldest first (2):')
    expect(lines[1]).toMatch(/^finished\s+total\s+standard\s+premium\s+no tier\s+invalid\s+enabled\s+disabled$/)
    expect(lines[2]).toMatch(/ UTC\s+3\s+3\s+0\s+0\s+0\s+3\s+0$/)
    expect(lines[3]).toMatch(/ UTC\s+3\s+2\s+1\s+0\s+0\s+3\s+0$/)
    expect(run.stdout).toContain(`Tier changes from `)
    expect(run.stdout).toMatch(new RegExp(`${today}\\s+2\\s+1\\s+0`))
    expect(run.stdout).toMatch(/By whom:\nwho\s+upgrades\s+downgrades\s+other\nsandbox \(.+\)\s+2\s+1\s+0/)
  }, 30_000)

  it('answers quiet JSON with the scans and the changes over --days', async () => {
    const run = await ok(['stats', '--history', '--days', '7', '--json'])
    expect(run.stderr).toBe('')
    const answer = JSON.parse(run.stdout) as { scans: { tiers: { premium: number } }[]; changes: { days: unknown[]; to: string } }
    expect(answer.scans.map((scan) => scan.tiers.premium)).toEqual([0, 1])
    expect(answer.changes.days).toHaveLength(7)
    expect(answer.changes.to).toBe(today)
  }, 30_000)

  it('prints the series as CSV alone with --history, and after the figures with --csv', async () => {
    const history = await ok(['stats', '--history', '--csv'])
    const rows = history.stdout.trim().split('\r\n')
    expect(rows[0]).toBe('metric,key,value')
    expect(rows.filter((row) => row.startsWith('scan_premium,'))).toHaveLength(2)
    expect(rows).toContain(`tier_upgrades,${today},2`)
    expect(rows.some((row) => row.startsWith('total,'))).toBe(false)
    const figures = await ok(['stats', '--csv', '--days', '90'])
    const all = figures.stdout.trim().split('\r\n')
    expect(all).toContain('total,,3')
    // This scan is the third one kept.
    expect(all.filter((row) => row.startsWith('scan_total,'))).toHaveLength(3)
    expect(all).toContain(`tier_downgrades,${today},1`)
  }, 60_000)

  it.each([
    [['--days', '30'], '--days needs --history or --csv'],
    [['--history', '--days', '0'], '--days must be a whole number from 1 to 366'],
    [['--history', '--days', 'month'], '--days must be a whole number']
  ])('refuses %j with exit 2, naming the flag', async (args, message) => {
    const run = await cli(['stats', ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })
})
