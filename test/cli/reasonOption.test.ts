/**
 * --reason through the real `tier-admin` bin on the sandbox: every write of the command carries it
 * into the trail (seen with `audit --reason-contains` and `history`), set-tier says when the change
 * takes effect, and a reason longer than the trail takes is a usage error before anything is sent.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-reason-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir })
const cli = (args: string[], stdin?: string) => runTierAdmin(args, { env, cwd: temp.dir, stdin })

beforeAll(async () => {
  const registered = await cli(
    ['register', '--username', 'rae', '--email', 'rae@example.com', '--password-stdin', '--reason', 'TICKET-1 signup'],
    'Secure#Pass123\n'
  )
  expect(registered.code, registered.stderr).toBe(0)
})
afterAll(() => temp.remove())

it('carries --reason into the trail with every write, and set-tier says when the change takes effect', async () => {
  const changed = await cli(['--reason', 'TICKET-77 paid upgrade', 'set-tier', '--username', 'rae', '--tier', 'premium'])
  expect(changed.code, changed.stderr).toBe(0)
  expect(changed.stdout).toContain('rae is now on the premium tier')
  expect(changed.stdout).toMatch(/at their next token refresh, within 1 hour/)
  expect(changed.stdout).toContain('"tier-admin sign-out USERNAME" makes the user sign in again; tokens already issued stay valid until they expire.')

  const found = JSON.parse((await cli(['audit', '--reason-contains', 'ticket-77', '--json'])).stdout) as { rows: { operation: string; reason: string }[] }
  expect(found.rows.map((row) => [row.operation, row.reason])).toEqual([['AdminUpdateUserAttributes', 'TICKET-77 paid upgrade']])
  const history = JSON.parse((await cli(['history', 'rae', '--json'])).stdout) as { entries: { reason?: string }[] }
  expect(history.entries.map((entry) => entry.reason)).toEqual(['TICKET-77 paid upgrade', 'TICKET-1 signup'])
  expect((await cli(['audit', '--reason-contains', 'TICKET-1 '])).stdout).toMatch(/\tTICKET-1 signup$/m)
})

it('refuses a reason over 200 characters as a usage mistake, sending nothing', async () => {
  const long = await cli(['disable', 'rae', `--reason=${'x'.repeat(201)}`])
  expect(long.code).toBe(2)
  expect(long.stderr).toContain('--reason takes at most 200 characters')
  expect(JSON.parse((await cli(['get', 'rae', '--json'])).stdout).enabled).toBe(true)
})
