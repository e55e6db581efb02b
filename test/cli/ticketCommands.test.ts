/**
 * `tier-admin open <link>` and `tier-admin summary <username>` through the real bin on the sandbox:
 * a link by each kind of key prints its user as `get` does; a malformed link, or one for a profile
 * there is not, exits 2 with the reason before the pool is asked; the summary prints the same words
 * as the app's "Copy summary", plain or Markdown, with the change's reason and no password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-links-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir })
const cli = (args: string[], stdin?: string) => runTierAdmin(args, { env, cwd: temp.dir, stdin })
const PASSWORD = 'Secure#Pass123'
let sub = ''

beforeAll(async () => {
  const registered = await cli(
    ['register', '--username', 'tina', '--email', 'tina@acme.test', '--tier', 'premium', '--password-stdin', '--json'],
    `${PASSWORD}\n`
  )
  expect(registered.code, registered.stderr).toBe(0)
  sub = (JSON.parse(registered.stdout) as { userSub: string }).userSub
  const changed = await cli(['set-tier', '--username', 'tina', '--tier', 'standard', '--reason', 'TICKET-77 trial ended'])
  expect(changed.code, changed.stderr).toBe(0)
})
afterAll(() => temp.remove())

describe('tier-admin open', () => {
  it('prints the user a link names, by username, email or sub, for this profile', async () => {
    for (const link of ['tier-admin://open?username=tina&pool=sandbox', 'tier-admin://open?email=tina%40acme.test', `tier-admin://open?sub=${sub}`]) {
      const run = await cli(['open', link])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toMatch(/^Username:\s+tina$/m)
    }
  })

  it('says when nobody has the email, exit 1', async () => {
    const run = await cli(['open', 'tier-admin://open?email=nobody%40acme.test'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('No user has the email "nobody@acme.test".')
  })

  it('refuses a malformed link or another profile with the reason, exit 2', async () => {
    for (const [link, reason] of [
      ['tier-admin://open?username=tina&tier=premium', 'unknown key "tier"'],
      ['tier-admin://open?username=tina&username=bob', 'gives username twice'],
      ['https://example.com/?username=tina', 'Not a Tier Admin link'],
      ['tier-admin://open?username=tina&pool=prod-eu', 'no profile with that id']
    ]) {
      const run = await cli(['open', link])
      expect(run.code, link).toBe(2)
      expect(run.stderr).toContain(`The link was refused: `)
      expect(run.stderr).toContain(reason)
      expect(run.stdout).toBe('')
    }
  })
})

describe('tier-admin summary', () => {
  it('prints the summary, plain or Markdown, with the change and its reason and never the password', async () => {
    const plain = await cli(['summary', 'tina'])
    expect(plain.code, plain.stderr).toBe(0)
    expect(plain.stdout).toMatch(/^Pool:\s+Sandbox \(us-east-1 \/ \S+\)$/m)
    expect(plain.stdout).toMatch(/^Tier:\s+standard$/m)
    expect(plain.stdout).toContain('Tier premium → standard (done)  Reason: TICKET-77 trial ended')
    const markdown = await cli(['summary', 'tina', '--markdown'])
    expect(markdown.stdout).toContain('- **Username:** tina')
    const json = await cli(['summary', 'tina', '--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ username: 'tina', text: expect.stringContaining('Username: tina'), markdown: expect.any(String) })
    for (const run of [plain, markdown, json]) expect(run.stdout + run.stderr).not.toContain(PASSWORD)
  })
})
