/**
 * The support desk's commands through the real `tier-admin` bin on the Cognito simulator's detailed
 * pool, which holds what the sandbox cannot: MFA that is required, remembered devices and sign-in
 * events over more than one page, federated and linked users. Each change is seen in the simulator
 * afterwards. At a terminal, a password is typed twice without echo or generated and shown once; on a
 * production profile every write waits for the pool ID, and nothing is sent without it.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProfileStore } from '../../src/main/config/profileStore'
import { profileSchemas } from '../../src/shared/profiles'
import { findCanaries } from '../support/canaryScan'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { runAtTerminal } from '../support/cliTerminal'
import { identitiesOf, startCognitoSim, type CognitoSim, type SimUserSeed } from '../support/cognitoSim'
import { fakeSecretStore } from '../support/fakeSecretStore'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-support-sim-')
const DEVICE = 'us-east-1_0a1b2c3d-0000-4000-8000-0000000000'
const PAGE = 60
const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 3_600_000)
const users: SimUserSeed[] = [
  {
    username: 'ada',
    attributes: { email: 'ada@example.com', email_verified: 'true', phone_number: '+15550100' },
    mfa: { enabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'], preferred: 'SOFTWARE_TOKEN_MFA', totpAssociated: true },
    devices: Array.from({ length: PAGE + 5 }, (_, i) => ({
      key: `${DEVICE}${String(i).padStart(2, '0')}`,
      name: `Phone ${i}`,
      remembered: i % 2 === 0,
      lastIp: `192.0.2.${i}`,
      lastAuthenticatedAt: day(i)
    })),
    // Newest first: the failed one, evt-0, heads the first page.
    authEvents: Array.from({ length: PAGE + 5 }, (_, i) => ({
      id: `evt-${i}`,
      createdAt: day(-i),
      response: i === 0 ? 'Fail' : 'Pass',
      risk: i === 0 ? { decision: 'AccountTakeover', level: 'High', compromisedCredentials: true } : { decision: 'NoRisk' },
      challenges: [{ name: 'Password', response: i === 0 ? 'Failure' : 'Success' }],
      context: { ip: '198.51.100.7', city: 'Oslo', country: 'Norway', deviceName: 'Chrome, Windows' }
    }))
  },
  {
    username: 'google_110169',
    status: 'EXTERNAL_PROVIDER',
    attributes: { email: 'fed@example.com', identities: identitiesOf([{ providerName: 'Google', userId: '110169' }]) }
  },
  { username: 'mira', status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'mira@example.com' }, createdAt: new Date(Date.UTC(2026, 0, 5)) },
  { username: 'noor', attributes: { email: 'noor@example.com' }, mfa: { enabled: ['EMAIL_OTP'], preferred: 'EMAIL_OTP' } }
]

let sim: CognitoSim
let cli: (args: string[], stdin?: string) => ReturnType<typeof runTierAdmin>
let env: NodeJS.ProcessEnv
const json = async (args: string[]) => {
  const run = await cli([...args, '--json'])
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout)
}

beforeAll(async () => {
  sim = await startCognitoSim({ detailedUsers: users, pool: { MfaConfiguration: 'ON', AdvancedSecurityMode: 'AUDIT' } })
  env = cleanEnv({
    TIER_ADMIN_DATA_DIR: join(temp.dir, 'data'),
    COGNITO_USER_POOL_ID: sim.userPoolId,
    COGNITO_CLIENT_ID: sim.clientId,
    COGNITO_REGION: 'us-east-1',
    COGNITO_ENDPOINT: sim.endpoint,
    COGNITO_ENDPOINT_IS_EMULATOR: 'true',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x'
  })
  cli = (args, stdin) => runTierAdmin(args, { env, cwd: temp.dir, stdin })
})
afterAll(async () => {
  await sim.stop()
  temp.remove()
})

describe('tier-admin support desk commands on a pool with MFA, devices and sign-in events', () => {
  it("shows a user's MFA beside the pool's, and resets it, seen in the pool", async () => {
    const mfa = await cli(['mfa', 'ada'])
    expect(mfa.stdout).toMatch(/MFA methods of ada: text message, authenticator app \(preferred\)\nThe pool's MFA: required/)
    expect(await json(['mfa', 'ada'])).toMatchObject({ mfa: { enabled: ['SMS', 'TOTP'], preferred: 'TOTP' }, pool: { mfaConfiguration: 'ON' } })
    const reset = await cli(['reset-mfa', 'ada'])
    expect(reset.code, reset.stderr).toBe(0)
    expect(reset.stdout).toMatch(/ada's MFA is reset \(turned off: text message, authenticator app\)\. This pool requires MFA: at the next sign-in/)
    expect(sim.detailed!.user('ada')!.mfa.enabled).toEqual([])
  })

  it('lists devices a page at a time with the command for the next, or every page with --all, and forgets one', async () => {
    const first = await cli(['devices', 'ada'])
    const rows = first.stdout.split('\n')
    expect(rows[0]).toMatch(/^DEVICE KEY\s+NAME\s+REMEMBERED\s+LAST SIGN-IN\s+LAST IP\s+FIRST SEEN$/)
    expect(rows.filter((row) => row.startsWith(DEVICE))).toHaveLength(PAGE)
    const token = /More: tier-admin devices ada --next-token (\S+)\s+\(or --all\)/.exec(first.stdout)?.[1]
    expect(token).toBeTruthy()
    const second = await json(['devices', 'ada', '--next-token', token!.replace(/^'|'$/g, '')])
    expect(second.devices).toHaveLength(5)
    expect(second.nextToken).toBeUndefined()
    const all = await json(['devices', 'ada', '--all'])
    expect(all.devices).toHaveLength(PAGE + 5)
    expect(all.devices[0]).toEqual({
      key: expect.stringMatching(/^us-east-1_/),
      name: expect.stringMatching(/^Phone/),
      remembered: expect.any(Boolean),
      lastIp: expect.stringMatching(/^192\.0\.2\./),
      createdAt: expect.any(String),
      lastAuthenticatedAt: expect.any(String)
    })
    const key = `${DEVICE}07`
    const forgot = await cli(['forget-device', 'ada', key])
    expect(forgot.code, forgot.stderr).toBe(0)
    expect(forgot.stdout).toMatch(/The device is forgotten/)
    expect(sim.detailed!.user('ada')!.devices.map((d) => d.key)).not.toContain(key)
  })

  it('lists sign-in events with their risk and place, and marks one not valid, seen in the pool', async () => {
    const first = await cli(['sign-in-events', 'ada'])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^TIME\s+EVENT ID\s+TYPE\s+OUTCOME\s+RISK\s+FROM\s+CHALLENGES\s+FEEDBACK\n/)
    expect(first.stdout).toMatch(
      /evt-0\s+SignIn\s+Fail\s+AccountTakeover High, compromised credentials\s+198\.51\.100\.7 \(Oslo, Norway\) on Chrome, Windows\s+Password: Failure/
    )
    expect(first.stdout).toMatch(/More: tier-admin sign-in-events ada --next-token/)
    const all = await json(['sign-in-events', 'ada', '--all'])
    expect(all).toMatchObject({ recorded: true })
    expect(all.events).toHaveLength(PAGE + 5)
    expect(all.events.find((e: { id: string }) => e.id === 'evt-0')).toMatchObject({ outcome: 'Fail', risk: { level: 'High' }, where: { city: 'Oslo' } })
    const marked = await cli(['event-feedback', 'ada', 'evt-0', 'invalid'])
    expect(marked.code, marked.stderr).toBe(0)
    expect(marked.stdout).toMatch(/marked not valid/)
    expect(sim.detailed!.user('ada')!.authEvents.find((e) => e.id === 'evt-0')?.feedback).toBe('Invalid')
  })

  it('shows a federated user signing in through their provider, unlinks it, and refuses a password for them', async () => {
    const fed = await cli(['get', 'google_110169'])
    expect(fed.stdout).toMatch(/Sign-in:\s+Signs in through Google/)
    expect(fed.stdout).toMatch(/Linked:\s+Google \(Google\), user id 110169, primary/)
    const password = await cli(['set-password', 'google_110169', '--temporary'], 'Some#Pass123\n')
    expect(password.code).toBe(1)
    expect(password.stderr).toMatch(/signs in through Google and has no password in this pool/)
    const unlinked = await cli(['unlink', 'google_110169', 'Google', '110169'])
    expect(unlinked.code, unlinked.stderr).toBe(0)
    expect(unlinked.stdout).toMatch(/came from Google and that link is removed/)
  })

  it('names the fix of a user the required MFA cannot reach as a command', async () => {
    const noor = await cli(['get', 'noor'])
    expect(noor.stdout).toMatch(/MFA:\s+email code \(preferred\)/)
    // The pool offers an authenticator app only (it has no email configuration): her one method cannot reach her.
    expect(noor.stdout).toMatch(
      /Sign-in:\s+Cannot sign in: the pool requires MFA and none of their methods can reach them\n.*\n\s+Fix: {2}tier-admin reset-mfa noor/
    )
  })

  it('generates a temporary password for an expired invitation and shows it once, on the terminal only', async () => {
    const before = await cli(['get', 'mira'])
    expect(before.stdout).toMatch(
      /Sign-in:\s+Cannot sign in: the temporary password expired on 12 Jan 2026\n.*\n\s+Fix: {2}tier-admin set-password mira --temporary/
    )
    const run = await runAtTerminal(['set-password', 'mira', '--generate', '--json'], { env, cwd: temp.dir })
    expect(run.code, run.output).toBe(0)
    const password = sim.detailed!.user('mira')!.password
    expect(run.output).toContain(`The temporary password for mira: ${password}\n`)
    expect(run.output.split(password)).toHaveLength(2)
    // The reply starts on a line of its own; the password line above it may hold a brace.
    const reply = JSON.parse(run.output.slice(/^\{$/m.exec(run.output)!.index))
    expect(reply.message).toMatch(/The password was shown once on the terminal above/)
    expect(findCanaries([{ name: 'the --json reply', text: JSON.stringify(reply) }], { generated: password })).toEqual([])
    expect(sim.detailed!.user('mira')!.status).toBe('FORCE_CHANGE_PASSWORD')
    expect((await cli(['get', 'mira'])).stdout).toMatch(/Sign-in:\s+Can sign in with the temporary password until/)
  })

  it('takes a password typed twice without echo at a terminal, and refuses two that differ', async () => {
    const typed = 'Typed#Canary5150'
    const differ = await runAtTerminal(['set-password', 'noor', '--permanent'], {
      env,
      cwd: temp.dir,
      answers: [
        { after: /New password for noor: $/, type: typed },
        { after: /Type it again: $/, type: 'Other#Canary5151' }
      ]
    })
    expect(differ.code).toBe(2)
    expect(differ.output).toMatch(/The two passwords typed differ\. Nothing was sent\./)
    const run = await runAtTerminal(['set-password', 'noor', '--permanent'], {
      env,
      cwd: temp.dir,
      answers: [
        { after: /New password for noor: $/, type: typed },
        { after: /Type it again: $/, type: typed }
      ]
    })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/noor's password is set/)
    expect(sim.detailed!.user('noor')!.password).toBe(typed)
    expect(findCanaries([{ name: 'terminal', text: differ.output + run.output }], { typed, other: 'Other#Canary5151' })).toEqual([])
  })
})

describe('the support desk on a production profile', () => {
  const PASSWORD = 'Prod#Canary2468'
  let prodCli: (args: string[], stdin?: string) => ReturnType<typeof runTierAdmin>
  let prodEnv: NodeJS.ProcessEnv

  beforeAll(async () => {
    const dataDir = join(temp.dir, 'prod-data')
    const store = new ProfileStore(dataDir, fakeSecretStore())
    await store.save(
      profileSchemas.save.parse({
        name: 'Prod (sim)',
        region: 'us-east-1',
        userPoolId: sim.userPoolId,
        clientId: sim.clientId,
        endpoint: sim.endpoint,
        emulator: true,
        production: true
      })
    )
    await store.setActive('prod-sim')
    prodEnv = cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' })
    // A production pool asks a ticket or reason of every write (on by default); the writes here give one.
    prodCli = (args, stdin) => runTierAdmin(['--reason', 'TICKET-7 support desk test', ...args], { env: prodEnv, cwd: temp.dir, stdin })
  })

  it('sends no write without --yes-production naming the pool (exit 2), reads freely, and writes once confirmed', async () => {
    const passwordBefore = sim.detailed!.user('ada')!.password
    for (const [args, stdin] of [
      [['set-password', 'ada', '--permanent'], `${PASSWORD}\n`],
      [['set-attribute', 'ada', 'given_name=Ada']],
      [['delete-attribute', 'ada', 'phone_number']],
      [['reset-mfa', 'noor']],
      [['forget-device', 'ada', `${DEVICE}01`]],
      [['event-feedback', 'ada', 'evt-1', 'valid']],
      [['unlink', 'ada', 'Google', '1']]
    ] as [string[], string?][]) {
      const refused = await prodCli(args, stdin)
      expect(refused.code, `${args[0]}: ${refused.stderr}`).toBe(2)
      expect(refused.stderr).toContain(`add --yes-production ${sim.userPoolId}`)
      expect(refused.stderr).not.toContain(PASSWORD)
    }
    const ada = sim.detailed!.user('ada')!
    expect(ada.password).toBe(passwordBefore)
    expect(ada.attributes.given_name).toBeUndefined()
    expect(ada.attributes.phone_number).toBe('+15550100')
    expect(ada.devices.map((d) => d.key)).toContain(`${DEVICE}01`)
    expect((await prodCli(['devices', 'ada'])).code).toBe(0)
    expect((await prodCli(['sign-in-events', 'ada'])).code).toBe(0)

    const confirmed = await prodCli(['set-password', 'ada', '--permanent', '--yes-production', sim.userPoolId], `${PASSWORD}\n`)
    expect(confirmed.code, confirmed.stderr).toBe(0)
    expect(sim.detailed!.user('ada')!.password).toBe(PASSWORD)
    expect(confirmed.stdout + confirmed.stderr).not.toContain(PASSWORD)
  })

  it('at a terminal, asks for the pool ID after the password, and sends nothing when it does not match', async () => {
    const typed = 'Term#Canary1357'
    const answers = (poolId: string) => [
      { after: /New password for ada: $/, type: typed },
      { after: /Type it again: $/, type: typed },
      { after: /Type the pool ID \S+ to let this command write to it: $/, type: poolId }
    ]
    const wrong = await runAtTerminal(['--reason', 'TICKET-7', 'set-password', 'ada', '--temporary'], {
      env: prodEnv,
      cwd: temp.dir,
      answers: answers('us-east-1_Wrong')
    })
    expect(wrong.code).toBe(2)
    expect(wrong.output).toMatch(/The pool ID typed does not match\. Nothing was sent\./)
    expect(sim.detailed!.user('ada')!.password).toBe(PASSWORD)
    const right = await runAtTerminal(['--reason', 'TICKET-7', 'set-password', 'ada', '--temporary'], {
      env: prodEnv,
      cwd: temp.dir,
      answers: answers(sim.userPoolId)
    })
    expect(right.code, right.output).toBe(0)
    expect(sim.detailed!.user('ada')!).toMatchObject({ password: typed, status: 'FORCE_CHANGE_PASSWORD' })
    expect(findCanaries([{ name: 'terminal', text: wrong.output + right.output }], { typed })).toEqual([])
  })
})
