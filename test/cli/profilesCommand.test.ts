/**
 * The CLI and profiles, through the real bin: `profiles` lists them without secrets, `--profile`
 * chooses one, a sealed secret is the app's, and a production profile's pool is written only with
 * --yes-production naming it (without it, exit 2 before anything is sent); a write without the reason
 * a production pool asks for is refused before anyone is asked to type the pool ID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProfileStore } from '../../src/main/config/profileStore'
import { profileSchemas } from '../../src/shared/profiles'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { runAtTerminal } from '../support/cliTerminal'
import { fakeSecretStore } from '../support/fakeSecretStore'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-profiles-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir, AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example' })
const cli = (args: string[]) => runTierAdmin(args, { env, cwd: temp.dir })
const PROD_POOL = 'us-east-1_Prod1'

beforeAll(async () => {
  const store = new ProfileStore(temp.dir, fakeSecretStore())
  const base = { region: 'us-east-1', clientId: 'client1', endpoint: 'http://127.0.0.1:9', emulator: true }
  await store.save(profileSchemas.save.parse({ ...base, name: 'Prod (sim)', userPoolId: PROD_POOL, production: true }))
  await store.save(profileSchemas.save.parse({ ...base, name: 'Staging', userPoolId: 'us-east-1_Stage1', clientSecret: 'sealed-canary-9' }))
  await store.setActive('prod-sim')
})
afterAll(() => temp.remove())

describe('tier-admin profiles', () => {
  it('lists every profile with its pool, credentials, emulator, production and whether a secret is set', async () => {
    const run = await cli(['profiles'])
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(/NAME\s+ID\s+POOL\s+REGION\s+CREDENTIALS\s+EMULATOR\s+PRODUCTION\s+SECRET SET/)
    expect(lines.find((l) => l.includes('Prod (sim)'))).toMatch(/^\*\s+Prod \(sim\)\s+prod-sim\s+us-east-1_Prod1\s+us-east-1\s+default chain\s+yes\s+yes\s+no$/)
    expect(lines.find((l) => l.includes('Staging'))).toMatch(/us-east-1_Stage1.*\s+yes\s+no\s+yes$/)
    expect(lines.find((l) => l.includes('Sandbox'))).toContain('(local sandbox)')
    expect(run.stdout).not.toContain('sealed-canary-9')
    const asJson = JSON.parse((await cli(['profiles', '--json'])).stdout)
    expect(asJson.activeId).toBe('prod-sim')
  })

  it('connects with --profile; a sealed secret asks for COGNITO_CLIENT_SECRET; an unknown name says how to list them', async () => {
    const sealed = await cli(['--profile', 'Staging', 'get', 'jane'])
    expect(sealed.code).toBe(1)
    expect(sealed.stderr).toMatch(/secret of profile "Staging" is sealed by the Tier Admin app.*COGNITO_CLIENT_SECRET/)
    const unknown = await cli(['get', 'jane', '--profile=nope'])
    expect(unknown.stderr).toMatch(/No profile named "nope"/)
    expect((await cli(['--profile'])).code).toBe(2)
  })

  it('refuses to write to a production pool without --yes-production naming it: exit 2, nothing sent', async () => {
    const refused = await cli(['set-tier', '--username', 'jane', '--tier', 'premium', '--reason', 'TICKET-1'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`add --yes-production ${PROD_POOL}`)
    expect(refused.stderr).not.toMatch(/NETWORK_UNREACHABLE/)
    const wrongPool = await cli(['--yes-production', 'us-east-1_Other', 'set-tier', '--username', 'jane', '--tier', 'premium', '--reason', 'TICKET-1'])
    expect(wrongPool.code).toBe(2)
    expect(wrongPool.stderr).toContain(`but profile "Prod (sim)" is pool ${PROD_POOL}`)
    // Confirmed, the write goes out (and meets the closed port): the refusal came from the check, not the pool.
    const confirmed = await cli(['set-tier', '--username', 'jane', '--tier', 'premium', '--yes-production', PROD_POOL, '--reason', 'TICKET-1'])
    expect(confirmed.code).toBe(1)
    expect(confirmed.stderr).toContain('NETWORK_UNREACHABLE')
    // Reads need no confirmation.
    const read = await cli(['get', 'jane'])
    expect(read.stderr).toContain('NETWORK_UNREACHABLE')
  })

  it('at a terminal, asks for the reason a production pool needs before it asks for the pool ID: exit 2, no prompt, nothing sent', async () => {
    const run = await runAtTerminal(['set-tier', '--username', 'jane', '--tier', 'premium'], { env, cwd: temp.dir })
    expect(run.code, run.output).toBe(2)
    expect(run.output).toContain('Profile "Prod (sim)" asks a ticket or reason of every write. Nothing was sent.')
    expect(run.output).toContain('Give --reason "TICKET-123 what it is for" with the command.')
    expect(run.output).not.toContain('Type the pool ID')
    expect(run.output).not.toMatch(/NETWORK_UNREACHABLE/)
  })
})
