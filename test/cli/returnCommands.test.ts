/**
 * Tier returns through the real `tier-admin` bin on the sandbox: set-tier --until grants until a
 * date, `returns` lists it, extend-return moves it, a later set-tier cancels it, cancel-return deletes
 * one; bad dates and tiers are usage errors (exit 2) before anything is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-returns-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir })
const cli = (args: string[], stdin?: string) => runTierAdmin(args, { env, cwd: temp.dir, stdin })
const json = async (args: string[]) => {
  const run = await cli([...args, '--json'])
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout)
}
/** A local date and time as an operator types it: 2027-01-15T09:00, in this computer's zone. */
const localIn = (ms: number): string => {
  const d = new Date(Date.now() + ms)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`
}
const HOUR = 3_600_000

beforeAll(async () => {
  const registered = await cli(['register', '--username', 'ann', '--email', 'ann@example.com', '--password-stdin'], 'Secure#Pass123\n')
  expect(registered.code, registered.stderr).toBe(0)
})
afterAll(() => temp.remove())

describe('tier-admin tier returns', () => {
  it('grants until a date, lists, extends, cancels on a later tier change, and cancels on its own', async () => {
    const until = localIn(2 * HOUR)
    const granted = await cli(['set-tier', 'ann', 'premium', '--until', until, '--reason', 'TICKET-1 goodwill'])
    expect(granted.code, granted.stderr).toBe(0)
    expect(granted.stdout).toMatch(/ann is now on the premium tier \(was standard\): premium until .* UTC, then standard\./)
    const listed = await json(['returns'])
    expect(listed.returns).toEqual([
      expect.objectContaining({ username: 'ann', grantedTier: 'premium', returnTier: 'standard', at: new Date(until).toISOString() })
    ])
    const human = await cli(['returns'])
    expect(human.stdout).toContain('ann')
    expect(human.stdout).toContain('does not cancel a pending return')

    const extended = await json(['extend-return', 'ann', '--until', localIn(72 * HOUR)])
    expect(extended.at).toBe(new Date(localIn(72 * HOUR)).toISOString())

    const paid = await cli(['set-tier', 'ann', 'premium', '--reason', 'TICKET-2 paid'])
    expect(paid.code, paid.stderr).toBe(0)
    expect(paid.stdout).toMatch(/stays on the premium tier; the pending return to standard on .* is cancelled/)
    expect((await json(['returns'])).returns).toEqual([])

    expect((await cli(['set-tier', 'ann', 'premium', '--until', localIn(HOUR), '--then', 'standard'])).code).toBe(0)
    const cancelled = await cli(['cancel-return', 'ann'])
    expect(cancelled.code, cancelled.stderr).toBe(0)
    expect(cancelled.stdout).toMatch(/The return of ann .* is cancelled/)
    expect((await cli(['cancel-return', 'ann'])).stdout).toContain('has no pending tier return')
    const trail = await json(['audit', '--user', 'ann'])
    expect(JSON.stringify(trail)).toContain('TICKET-1 goodwill')
  }, 60_000)

  it('refuses bad dates and tiers with exit 2, in flag words, before anything is sent', async () => {
    for (const [args, words] of [
      [['set-tier', 'ann', 'premium', '--until', 'next week'], '--until takes a date and time'],
      [['set-tier', 'ann', 'premium', '--until', '2020-01-01T00:00'], '--until must be at least a minute from now'],
      [['set-tier', 'ann', 'premium', '--until', '2099-01-01T00:00Z'], '--until must be within 731 days'],
      [['set-tier', 'ann', 'premium', '--until', localIn(HOUR), '--then', 'gold'], '--then takes standard or premium'],
      [['set-tier', 'ann', 'premium', '--then', 'standard'], '--then needs --until'],
      [['extend-return', 'ann'], '--until']
    ] as const) {
      const run = await cli([...args])
      expect(run.code, run.stderr).toBe(2)
      expect(run.stderr).toContain(words)
    }
    expect((await json(['returns'])).returns).toEqual([])
    const sandboxRole = await cli(['profiles', '--scheduler-role-arn', 'arn:aws:iam::123456789012:role/x'])
    expect(sandboxRole.code).toBe(2)
    expect(sandboxRole.stderr).toContain('the sandbox has its own')
  }, 60_000)
})
