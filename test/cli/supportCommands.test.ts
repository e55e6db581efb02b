/**
 * The support desk's commands through the real `tier-admin` bin on the sandbox: each does its job
 * (seen afterwards with `get`), prints what the app says, answers --json in the contract's shapes,
 * and refuses bad input with exit 2 before anything is sent. A password never shows in any output or
 * in the data folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { filePlaces, findCanaries } from '../support/canaryScan'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-support-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir })
const cli = (args: string[], stdin?: string) => runTierAdmin(args, { env, cwd: temp.dir, stdin })
const json = async (args: string[], stdin?: string) => {
  const run = await cli([...args, '--json'], stdin)
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout)
}
const FIRST = 'Secure#Pass123'
const TEMPORARY = 'Temp#Canary4821'
const PERMANENT = 'Perm#Canary7305'
const outputs: string[] = []

beforeAll(async () => {
  for (const [username, email] of [
    ['sam', 'sam@example.com'],
    ['alice', 'alice@acme.test'],
    ['bob', 'bob.standard@acme.test']
  ]) {
    const registered = await cli(['register', '--username', username, '--email', email, '--password-stdin'], `${FIRST}\n`)
    expect(registered.code, registered.stderr).toBe(0)
  }
  for (const username of ['sam', 'alice']) expect((await cli(['admin-confirm', username, '--yes'])).code).toBe(0)
})
afterAll(() => temp.remove())

describe('tier-admin support desk commands', () => {
  const commands = [
    'find',
    'set-attribute',
    'delete-attribute',
    'set-password',
    'mfa',
    'reset-mfa',
    'devices',
    'forget-device',
    'sign-in-events',
    'event-feedback',
    'unlink'
  ]

  it('lists each command in the help, each with its own help', async () => {
    const help = await cli(['--help'])
    for (const command of commands) {
      expect(help.stdout).toContain(`  ${command} `)
      const own = await cli([command, '--help'])
      expect(own.code).toBe(0)
      expect(own.stdout).toContain(`Usage: tier-admin ${command}`)
    }
  })

  it.each([
    [['set-password', 'sam'], /Choose --temporary .* or --permanent/],
    [['set-password', 'sam', '--temporary', '--permanent'], /--temporary and --permanent cannot be used together/],
    [['set-password', 'sam', '--generate', '--permanent'], /--generate and --permanent cannot be used together/],
    [['set-password', 'sam', '--generate'], /--generate shows the new password once on a terminal/],
    [['set-attribute', 'sam'], /Name at least one attribute to set, as name=value/],
    [['set-attribute', 'sam', 'given_name'], /Attributes are set as name=value, not "given_name"/],
    [['set-attribute', 'sam', 'nickname=a', 'nickname=b'], /"nickname" is given twice/],
    [['delete-attribute', 'sam'], /Give --name: /],
    [['devices', 'sam', '--all', '--next-token', 'x'], /--all and --next-token cannot be used together/],
    [['forget-device', 'sam'], /Give the device-key: tier-admin forget-device /],
    [['event-feedback', 'sam', 'evt-1', 'maybe'], /The feedback is valid .* or invalid/],
    [['unlink', 'sam', 'Google'], /Give the provider-user-id: tier-admin unlink /],
    [['mfa', 'sam', 'extra'], /Unexpected argument number 2 for mfa: it takes one bare argument, <username>/],
    [['find'], /Give the query: tier-admin find </]
  ])('refuses %j with exit 2 and the usage line, before opening the pool', async (args, message) => {
    const run = await cli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).toContain(`Usage: tier-admin ${args[0]}`)
  })

  it('never echoes what may be a password typed on the command line', async () => {
    for (const args of [
      ['set-password', 'sam', '--temporary', PERMANENT],
      ['set-password', 'sam', '--temporary', `--password=${PERMANENT}`],
      ['set-password', 'sam', '--temporary', '--password', PERMANENT]
    ]) {
      const run = await cli(args, `${TEMPORARY}\n`)
      expect(run.code).toBe(2)
      expect(run.stdout + run.stderr).not.toContain(PERMANENT)
      outputs.push(run.stdout, run.stderr)
    }
  })

  it('sets a temporary password from standard input, and get shows the status and the verdict with its fixes as commands', async () => {
    const set = await cli(['set-password', 'sam', '--temporary'], `${TEMPORARY}\n`)
    expect(set.code, set.stderr).toBe(0)
    expect(set.stdout).toMatch(/sam has a temporary password: it works until .*they must choose their own/)
    const shown = await cli(['get', 'sam'])
    expect(shown.stdout).toMatch(/Status:\s+Invited \(FORCE_CHANGE_PASSWORD: invited with a temporary password/)
    expect(shown.stdout).toMatch(/Sign-in:\s+Can sign in with the temporary password until \d+ \w+ \d{4}, then must choose a new one/)
    expect(shown.stdout).toMatch(/Also: tier-admin resend-invite sam\n\s+or tier-admin set-password sam --temporary/)
    const asJson = await json(['get', 'sam'])
    expect(asJson).toMatchObject({
      status: 'FORCE_CHANGE_PASSWORD',
      verdict: { reason: 'temporary-password', fixes: ['resend-invite', 'set-temporary-password'] }
    })
    outputs.push(set.stdout, set.stderr, shown.stdout)
  })

  it('sets a permanent password from standard input, with --json in the action shape', async () => {
    const result = await json(['set-password', 'sam', '--permanent'], `${PERMANENT}\n`)
    expect(result).toMatchObject({ username: 'sam', user: { status: 'CONFIRMED' } })
    expect(result.message).toMatch(/password is set/)
    outputs.push(JSON.stringify(result))
  })

  it('refuses a password that is empty, on two lines or below the policy, and sends nothing', async () => {
    const empty = await cli(['set-password', 'sam', '--permanent'], '')
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/No password on standard input/)
    const twoLines = await cli(['set-password', 'sam', '--permanent'], 'Abc#12345\nAbc#12345\n')
    expect(twoLines.code).toBe(2)
    expect(twoLines.stderr).toMatch(/more than one line/)
    const weak = await cli(['set-password', 'sam', '--permanent'], 'weakpass\n')
    expect(weak.code).toBe(1)
    expect(weak.stderr).toMatch(/Error \(PASSWORD_POLICY\): The password does not meet this pool's policy; it needs .*upper-case/)
    expect(weak.stderr).not.toContain('weakpass')
    expect((await json(['get', 'sam'])).status).toBe('CONFIRMED')
  })

  it('sets and removes attributes, marks a new email verified, and refuses bad values in the words of flags', async () => {
    const set = await json(['set-attribute', 'sam', 'given_name=Sam', 'phone_number=+447700900123'])
    expect(set.message).toMatch(/given_name set to "Sam"; phone_number set to "\+447700900123"/)
    expect(set.user).toMatchObject({ phone: '+447700900123', phoneVerified: false })
    const email = await cli(['set-attribute', 'sam', 'email=sam.new@example.com', '--mark-verified'])
    expect(email.stdout).toMatch(/email "sam@example.com" → "sam.new@example.com"\. The new email address is marked as verified/)
    expect(await json(['get', 'sam'])).toMatchObject({ email: 'sam.new@example.com', emailVerified: true })
    const removed = await json(['delete-attribute', 'sam', 'given_name'])
    expect(removed.message).toMatch(/Removed from sam: given_name \(was "Sam"\)/)
    expect(removed.user.attributes.map((a: { name: string }) => a.name)).not.toContain('given_name')

    const phone = await cli(['set-attribute', 'sam', 'phone_number=07700900123'])
    expect(phone.code).toBe(2)
    expect(phone.stderr).toMatch(/Error \(VALIDATION\): .*phone_number: A phone number starts with \+/)
    const tier = await cli(['set-attribute', 'sam', 'custom:user_tier=premium'])
    expect(tier.code).toBe(2)
    expect(tier.stderr).toContain('"tier-admin set-tier"')
    const name = await cli(['delete-attribute', 'sam', 'not a name'])
    expect(name.code).toBe(2)
    expect(name.stderr).toMatch(/Check the options: the attribute name: Not an attribute name/)
    const taken = await cli(['set-attribute', 'sam', 'shoe_size=42'])
    expect(taken.code).toBe(1)
    expect(taken.stderr).toMatch(/ATTRIBUTE_NOT_IN_SCHEMA.*no attribute shoe_size/)
  })

  it('shows MFA beside the pool, resets it, and lists devices and sign-in events as this pool keeps them', async () => {
    const mfa = await cli(['mfa', 'sam'])
    expect(mfa.stdout).toMatch(/MFA methods of sam: none\nThe pool's MFA: off/)
    expect(await json(['mfa', 'sam'])).toEqual({
      username: 'sam',
      mfa: { enabled: [], preferred: null },
      pool: { mfaConfiguration: 'OFF', mfaMethods: expect.any(Array) }
    })
    expect((await cli(['reset-mfa', 'sam'])).stdout).toMatch(/sam has no MFA method turned on; nothing was changed/)
    expect((await cli(['devices', 'sam'])).stdout).toMatch(/sam has no remembered or tracked devices/)
    expect(await json(['devices', 'sam', '--all'])).toEqual({ devices: [] })
    const events = await cli(['sign-in-events', 'sam'])
    expect(events.code).toBe(0)
    expect(events.stdout).toMatch(/^This pool does not record sign-in events: threat protection .* is off\. .*turns it on/)
    expect(await json(['sign-in-events', 'sam'])).toEqual({ recorded: false, why: expect.stringMatching(/does not record/) })
  })

  it('refuses to forget a device, give feedback or unlink what the user does not have', async () => {
    const device = await cli(['forget-device', 'sam', 'us-east-1_0a1b2c3d-0000-4000-8000-000000000001'])
    expect(device.code).toBe(2)
    expect(device.stderr).toMatch(/sam has no device us-east-1_0a1b2c3d/)
    const key = await cli(['forget-device', 'sam', 'not a key'])
    expect(key.code).toBe(2)
    expect(key.stderr).toMatch(/Check the options: --device-key: Not a device key/)
    const feedback = await cli(['event-feedback', 'sam', 'evt-1', 'Valid'])
    expect(feedback.code).toBe(1)
    expect(feedback.stderr).toMatch(/^Error \(\w+\): .*threat protection/m)
    const unlink = await cli(['unlink', 'sam', 'Google', '1234'])
    expect(unlink.code).toBe(2)
    expect(unlink.stderr).toMatch(/sam has no Google link with id 1234\. They have no linked identities/)
  })

  it('gives the verdict of a disabled and an unconfirmed user with the commands that fix it', async () => {
    expect((await cli(['disable', 'alice'])).code).toBe(0)
    const disabled = await cli(['get', 'alice'])
    expect(disabled.stdout).toMatch(/Status:\s+Disabled \(CONFIRMED\)/)
    expect(disabled.stdout).toMatch(/Sign-in:\s+Cannot sign in: the account is disabled\n\s+Fix: {2}tier-admin enable alice/)
    const unconfirmed = await cli(['get', 'bob'])
    expect(unconfirmed.stdout).toMatch(/Status:\s+Unconfirmed/)
    expect(unconfirmed.stdout).toMatch(
      /Fix: {2}tier-admin confirm --username bob --code CODE\n\s+or tier-admin resend-code bob\n\s+or tier-admin admin-confirm bob --yes/
    )
  })

  it('finds a person by a username or email in another case, saying so, and part of an email from the last scan', async () => {
    const alice = await cli(['find', 'Alice'])
    expect(alice.stdout).toMatch(/Taken as username\. Nothing matched "Alice" as typed .*in lower case\.\nalice\talice@acme.test\tDisabled/)
    expect(alice.stdout).toMatch(/\nTheir page, with whether they can sign in: tier-admin get alice$/m)
    const bob = await json(['find', 'bob.STANDARD@acme.test'])
    expect(bob).toMatchObject({ foundBy: 'email', loweredCase: true, users: [{ username: 'bob', status: 'UNCONFIRMED' }] })
    expect((await json(['find', 'sam.new@example.com'])).loweredCase).toBeUndefined()
    const noScan = await cli(['find', '@acme.test'])
    expect(noScan.code).toBe(1)
    expect(noScan.stdout).toMatch(/run "tier-admin stats" first/)
    expect((await cli(['stats'])).code).toBe(0)
    const domain = await cli(['find', '@ACME.test'])
    expect(domain.code).toBe(0)
    expect(domain.stdout).toMatch(/Taken as part of an email\.\nFrom the statistics scan finished \d{4}-\d\d-\d\dT[\d:.]+Z/)
    expect(domain.stdout).toMatch(/alice\talice@acme.test/)
    expect(domain.stdout).toMatch(/bob\tbob.standard@acme.test/)
    expect((await json(['find', '@acme.test'])).scan.members).toHaveLength(2)
    const nobody = await cli(['find', 'nobody_here'])
    expect(nobody.code).toBe(0)
    expect(nobody.stdout).toMatch(/No user matches "nobody_here"/)
  })

  it("leaves no password in any output or in the app's data (audit trail included)", () => {
    // The sandbox's emulator is the pool: it keeps passwords as Cognito does, and is not the app's data.
    const appData = filePlaces(temp.dir, 'data').filter((place) => !place.name.startsWith('data/sandbox/'))
    expect(appData.some((place) => place.name === 'data/audit.jsonl')).toBe(true)
    const places = [...outputs.map((text, i) => ({ name: `output ${i}`, text })), ...appData]
    expect(findCanaries(places, { temporary: TEMPORARY, permanent: PERMANENT })).toEqual([])
  })
})
