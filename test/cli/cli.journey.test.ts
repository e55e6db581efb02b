/**
 * The operator's journey through the real `tier-admin` bin on the sandbox pool (a real cognito-local
 * the CLI starts itself, data in a temp folder). Exit codes: 0 success, 1 failed, 2 bad usage.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir })
const cli = (args: string[], stdin?: string) => runTierAdmin(args, { env, cwd: temp.dir, stdin })
const strong = 'Secure#Pass123'

beforeAll(() => undefined)
afterAll(() => temp.remove())

describe('tier-admin CLI', () => {
  it('explains itself and refuses bad usage with exit code 2', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    for (const command of ['pool', 'register', 'confirm', 'resend-code', 'admin-confirm', 'get', 'search', 'set-tier', 'stats', 'list-tier']) {
      expect(help.stdout).toContain(command)
    }
    const registerHelp = await cli(['register', '--help'])
    expect(registerHelp.code).toBe(0)
    expect(registerHelp.stdout).toContain('--tier')
    expect((await cli(['frobnicate'])).code).toBe(2)
    expect((await cli(['register', '--colour', 'red'])).code).toBe(2)
    const missing = await cli(['set-tier', '--username', 'x'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Give the tier: tier-admin set-tier <standard|premium>.')
    expect(missing.stderr).toContain('Usage: tier-admin set-tier <username> <standard|premium>')
  })

  it('shows the sandbox pool it uses and passes the pool check', async () => {
    const pool = await cli(['pool'])
    expect(pool.stderr).toBe('')
    expect(pool.code).toBe(0)
    expect(pool.stdout).toMatch(/tier-admin-sandbox .*SANDBOX/)
    expect(pool.stdout).toContain('custom:user_tier present')
    expect(pool.stdout).toContain('client secret configured')
  })

  it('registers, reads the code from the outbox, confirms, searches and re-tiers', async () => {
    const registered = await cli(
      [
        'register',
        '--username',
        'jane_premium',
        '--email',
        'jane@example.com',
        '--password-stdin',
        '--tier',
        'premium',
        '--attr',
        'company=TechCorp',
        '--attr',
        'department=Engineering',
        '--attr',
        'role=Developer',
        '--json'
      ],
      `${strong}\n`
    )
    expect(registered.stderr).toBe('')
    expect(registered.code).toBe(0)
    expect(JSON.parse(registered.stdout)).toMatchObject({ username: 'jane_premium', confirmed: false, delivery: { destination: 'jane@example.com' } })

    const outbox = await cli(['outbox', '--username', 'jane_premium', '--json'])
    expect(outbox.code).toBe(0)
    const code = JSON.parse(outbox.stdout)[0].code as string
    expect(code).toMatch(/^\d{6}$/)

    const wrong = await cli(['confirm', '--username', 'jane_premium', '--code', code === '000000' ? '111111' : '000000'])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('CODE_MISMATCH')
    expect(wrong.stderr).toMatch(/wrong/)

    const resent = await cli(['resend-code', 'jane_premium'])
    expect(resent.code).toBe(0)
    expect(resent.stdout).toContain('jane@example.com')
    const codes = JSON.parse((await cli(['outbox', '--username', 'jane_premium', '--json'])).stdout) as { code: string; reason: string }[]
    expect(codes).toHaveLength(2)
    expect(codes[0].reason).toBe('ResendCode')

    expect((await cli(['confirm', '--username', 'jane_premium', '--code', codes[0].code])).code).toBe(0)

    const found = await cli(['search', 'jane@', '--by', 'email', '--json'])
    expect(found.code).toBe(0)
    const users = JSON.parse(found.stdout)
    expect(users).toHaveLength(1)
    expect(users[0]).toMatchObject({ username: 'jane_premium', status: 'CONFIRMED', tier: { kind: 'tier', tier: 'premium' } })

    const retiered = await cli(['set-tier', '--username', 'jane_premium', '--tier', 'standard'])
    expect(retiered.code).toBe(0)
    expect(retiered.stdout).toContain('standard')
    const shown = await cli(['get', 'jane_premium'])
    expect(shown.code).toBe(0)
    expect(shown.stdout).toMatch(/Tier:\s+standard/)
    expect(shown.stdout).toContain('custom:company = TechCorp')
  })

  it('admin-confirms only with --yes', async () => {
    expect((await cli(['register', '--username', 'walk_in', '--email', 'walk@example.com', '--password-stdin'], strong)).code).toBe(0)
    const refused = await cli(['admin-confirm', 'walk_in'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--yes')
    expect((await cli(['admin-confirm', 'walk_in', '--yes'])).code).toBe(0)
    expect((await cli(['get', 'walk_in'])).stdout).toMatch(/Status:\s+Confirmed \(CONFIRMED/)
  })

  it('fails with the same clear messages as the app, in its own words (exit 1; 2 for bad input)', async () => {
    const cases: [string[], string | undefined, number, string, RegExp][] = [
      [['register', '--username', 'weak', '--email', 'weak@example.com', '--password-stdin'], 'password', 1, 'PASSWORD_POLICY', /upper-case/],
      [['register', '--username', 'jane_premium', '--email', 'j2@example.com', '--password-stdin'], strong, 1, 'USERNAME_EXISTS', /already taken/],
      [['register', '--username', 'goldie', '--email', 'g@example.com', '--password-stdin', '--tier', 'gold'], strong, 2, 'INVALID_TIER', /not a tier/],
      [
        ['register', '--username', 'shoes', '--email', 's@example.com', '--password-stdin', '--attr', 'shoe_size=42'],
        strong,
        1,
        'ATTRIBUTE_NOT_IN_SCHEMA',
        /custom:shoe_size/
      ],
      [
        ['register', '--username', 'bad_mail', '--email', 'not-an-email', '--password-stdin'],
        strong,
        2,
        'VALIDATION',
        /Check the options: --email: Enter a valid email/
      ],
      [
        ['register', '--username', 'tiered', '--email', 't@example.com', '--password-stdin', '--attr', 'user_tier=premium'],
        strong,
        2,
        'VALIDATION',
        /with --tier/
      ],
      [['get', 'nobody_at_all'], undefined, 1, 'USER_NOT_FOUND', /No user.*tier-admin search/],
      [['set-tier', '--username', 'jane_premium', '--tier', 'platinum'], undefined, 2, 'INVALID_TIER', /standard, premium/],
      // A usage mistake, found before the pool opens: it lists the tiers.
      [['list-tier', 'gold'], undefined, 2, 'The tier must be one of: standard, premium, none, invalid', /got "gold"/]
    ]
    for (const [args, stdin, exit, code, message] of cases) {
      const run = await cli(args, stdin)
      expect(run.code, args.join(' ')).toBe(exit)
      expect(run.stderr).toContain(code)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|the form|screen|field/)
    }
  })

  it('takes passwords only from standard input, reports its version, and refuses conflicting options', async () => {
    const onCommandLine = await cli(['register', '--username', 'argv_pw', '--email', 'a@example.com', '--password', strong])
    expect(onCommandLine.code).toBe(2)
    const noStdin = await cli(['register', '--username', 'no_pw', '--email', 'n@example.com'])
    expect(noStdin.code).toBe(2)
    expect(noStdin.stderr).toContain('--password-stdin')
    const version = await cli(['--version'])
    expect(version.stdout).toMatch(/^tier-admin \d+\.\d+\.\d+/)
    const both = await cli(['stats', '--csv', '--json'])
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--csv and --json cannot be used together/)
  })

  it("counts the tiers and lists a tier's users", async () => {
    const before = await cli(['list-tier', 'premium'])
    expect(before.code).toBe(1)
    expect(before.stderr).toContain('NO_SCAN_RESULT')
    const stats = await cli(['stats', '--json'])
    expect(stats.stderr).toBe('')
    expect(stats.code).toBe(0)
    const result = JSON.parse(stats.stdout)
    // jane_premium was moved to standard; walk_in registered as standard.
    expect(result.figures).toMatchObject({ total: 2, tiers: { standard: 2, premium: 0, none: 0 } })
    const csv = await cli(['stats', '--csv'])
    expect(csv.code).toBe(0)
    expect(csv.stdout.split('\n')[0]).toMatch(/,/)
    const tierFile = join(temp.dir, 'standard.csv')
    const saved = await cli(['list-tier', 'standard', '--csv', '--out', tierFile])
    expect(saved.code).toBe(0)
    expect(saved.stderr).toContain(`Saved 2 rows to ${tierFile}`)
    expect(readFileSync(tierFile, 'utf8').split('\r\n')[0]).toBe('username,email,tier')
    expect((await cli(['list-tier', 'standard', '--out', tierFile])).stderr).toContain('--out needs --csv')
    const standard = await cli(['list-tier', 'standard', '--json'])
    expect(standard.code).toBe(0)
    expect(
      JSON.parse(standard.stdout)
        .members.map((m: { username: string }) => m.username)
        .sort()
    ).toEqual(['jane_premium', 'walk_in'])
    expect((await cli(['list-tier', 'gold'])).code).toBe(2)
  })

  it('reports an unreachable pool clearly', async () => {
    const unreachablePool = {
      env: cleanEnv({
        TIER_ADMIN_DATA_DIR: temp.dir,
        COGNITO_USER_POOL_ID: 'us-east-1_Missing1',
        COGNITO_CLIENT_ID: 'abc',
        COGNITO_ENDPOINT: 'http://127.0.0.1:9',
        COGNITO_ENDPOINT_IS_EMULATOR: 'true'
      }),
      cwd: temp.dir
    }
    const unreachable = await runTierAdmin(['get', 'jane_premium'], unreachablePool)
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toContain('NETWORK_UNREACHABLE')
    const check = await runTierAdmin(['pool'], unreachablePool)
    expect(check.code).toBe(1)
    expect(check.stderr).toMatch(/NETWORK_UNREACHABLE.*Cannot reach Cognito/)
  })
})
