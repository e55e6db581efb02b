/**
 * The account actions through the real `tier-admin` bin on the sandbox: each command does its job
 * (seen afterwards with `get`), explains itself, and refuses the risky ones without --yes (exit 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-account-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir })
const cli = (args: string[], stdin?: string) => runTierAdmin(args, { env, cwd: temp.dir, stdin })
const json = async (args: string[]) => {
  const run = await cli([...args, '--json'])
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout)
}

beforeAll(async () => {
  const registered = await cli(['register', '--username', 'sam', '--email', 'sam@example.com', '--password-stdin', '--tier', 'premium'], 'Secure#Pass123\n')
  expect(registered.code, registered.stderr).toBe(0)
  expect(registered.stdout).toContain('on the premium tier')
})
afterAll(() => temp.remove())

describe('tier-admin account commands', () => {
  it('lists each account command in the help, each with its own help', async () => {
    const help = await cli(['--help'])
    for (const command of [
      'enable',
      'disable',
      'reset-password',
      'resend-invite',
      'sign-out',
      'verify-email',
      'delete',
      'groups',
      'add-to-group',
      'remove-from-group',
      'history'
    ]) {
      expect(help.stdout).toContain(command)
      expect((await cli([command, '--help'])).code).toBe(0)
    }
  })

  it('disables and enables, verifies the email, signs out, and finds the user by exact email', async () => {
    expect((await json(['disable', 'sam'])).user.enabled).toBe(false)
    expect((await json(['get', 'sam'])).enabled).toBe(false)
    expect((await json(['enable', 'sam'])).user.enabled).toBe(true)
    expect((await json(['verify-email', 'sam'])).user.emailVerified).toBe(true)
    const signedOut = await cli(['sign-out', 'sam'])
    expect(signedOut.stdout).toMatch(/signed out on every device/)
    const found = await json(['search', 'sam@example.com', '--by', 'email', '--exact'])
    expect(found.map((u: { username: string }) => u.username)).toEqual(['sam'])
    expect((await cli(['search', 'sam', '--by', 'shoe_size'])).code).toBe(2)
  })

  it('refuses a resend of the invitation to a user who was not invited, with exit code 1', async () => {
    const refused = await cli(['resend-invite', 'sam'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/Error \(USER_STATE\).*FORCE_CHANGE_PASSWORD/)
  })

  it('shows groups, shows the history, and deletes only with --yes', async () => {
    const groups = await json(['groups', 'sam'])
    expect(groups).toMatchObject({ username: 'sam', member: [] })
    const history = await cli(['history', 'sam'])
    expect(history.stdout).toMatch(/Registered with tier premium/)
    expect(history.stdout).toMatch(/Disabled/)
    const unconfirmed = await cli(['delete', 'sam'])
    expect(unconfirmed.code).toBe(2)
    expect(unconfirmed.stderr).toContain('--yes')
    expect((await cli(['delete', 'sam', '--yes'])).code).toBe(0)
    const gone = await cli(['get', 'sam'])
    expect(gone.code).toBe(1)
    expect(gone.stderr).toContain('USER_NOT_FOUND')
  })
})
