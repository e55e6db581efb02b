/**
 * `tier-admin audit` through the real bin on the sandbox: the writes made by other commands, filtered,
 * as a table, CSV and quiet JSON; a bad date is a usage error (exit 2) that names its flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-audit-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir })
const cli = (args: string[], stdin?: string) => runTierAdmin(args, { env, cwd: temp.dir, stdin })
const today = new Date().toISOString().slice(0, 10)

beforeAll(async () => {
  const registered = await cli(['register', '--username', 'ava', '--email', 'ava@example.com', '--password-stdin', '--tier', 'premium'], 'Secure#Pass123\n')
  expect(registered.code, registered.stderr).toBe(0)
  expect((await cli(['set-tier', '--username', 'ava', '--tier', 'standard'])).code).toBe(0)
  expect((await cli(['disable', 'nobody_here'])).code).toBe(1)
})
afterAll(() => temp.remove())

describe('tier-admin audit', () => {
  it('prints the writes, newest first, with who, the sandbox identity, before and after and the outcome', async () => {
    const run = await cli(['audit', '--user', 'AVA'])
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toContain('before → after')
    expect(lines[1]).toMatch(/\tsandbox\t.*\tava\tTier premium → standard\ttier: premium → tier: standard\tok\t-$/)
    expect(lines[2]).toMatch(/\tava\tRegistered with tier premium\t/)
  })

  it('filters by outcome and action and answers quiet JSON', async () => {
    const run = await cli(['audit', '--outcome', 'failed', '--action', 'account', '--since', today, '--json'])
    expect(run.code, run.stderr).toBe(0)
    const answer = JSON.parse(run.stdout) as { total: number; rows: { username: string; errorName: string; identity: string }[] }
    expect(answer.total).toBe(1)
    expect(answer.rows[0]).toMatchObject({ username: 'nobody_here', errorName: 'UserNotFoundException', identity: 'sandbox' })
    expect(run.stderr).toBe('')
  })

  it('prints CSV with a header and one row per write', async () => {
    const run = await cli(['audit', '--csv', '--until', today])
    expect(run.code, run.stderr).toBe(0)
    const rows = run.stdout.trim().split('\r\n')
    expect(rows[0]).toBe('time,os_user,aws_identity,user_pool,username,operation,action,before,after,outcome,error,reason')
    expect(rows.length).toBeGreaterThanOrEqual(4)
  })

  it.each([
    [['--since', '2026-13-01'], '--since'],
    [['--until', 'yesterday'], '--until'],
    [['--outcome', 'maybe'], '--outcome'],
    [['--limit', '0'], '--limit']
  ])('refuses %j with exit 2, naming the flag', async (args, flag) => {
    const run = await cli(['audit', ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(flag)
  })
})
