/**
 * The support desk through the operations layer against the real cognito-local sandbox, as the app and
 * the e2e tests meet it: bad input refused in the app's words with nothing written (no audit intent),
 * a pool without threat protection answering sign-in events as Cognito does, and the canary: a
 * password set here is in no reply, console line or file of the data folder.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { AdminSetUserMFAPreferenceCommand, SetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider'
import { openAppContext, type AppContext } from '../../../src/main/app/appContext'
import { createOperations, type Operations } from '../../../src/main/operations/handlers'
import { invokeOperation } from '../../../src/main/operations/invoke'
import { provisioningClient } from '../../../src/main/sandbox/sandboxPool'
import type { Operation, ResultOf } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/errors'
import { filePlaces, findCanaries, type Place } from '../../support/canaryScan'
import { cleanEnv } from '../../support/cliRunner'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-support-sandbox-')
const TYPED = 'Canary#Pw-7f3a9c2e'
const handedOver: string[] = []
const replies: Place[] = []
const consoleLines: string[] = []
let app: AppContext
let operations: Operations

async function call<K extends Operation>(operation: K, payload: unknown): Promise<Result<ResultOf<K>>> {
  const reply = await invokeOperation(operations.handlers, operation, payload, 'app')
  replies.push({ name: `${operation} reply`, text: JSON.stringify(reply) })
  return reply
}

/** The data of a reply that must have succeeded. */
async function data<K extends Operation>(operation: K, payload: unknown): Promise<ResultOf<K>> {
  const reply = await call(operation, payload)
  if (!reply.ok) throw new Error(`${operation} failed: ${reply.error.message}`)
  return reply.data
}

const trail = () => join(temp.dir, 'audit.jsonl')
const intents = () =>
  existsSync(trail())
    ? readFileSync(trail(), 'utf8')
        .split('\n')
        .filter((line) => line.includes('"intent"')).length
    : 0

/** Refused with this code, in words with no exception name, and nothing sent. */
async function refused(operation: Operation, payload: unknown, code: string): Promise<string> {
  const before = intents()
  const reply = await call(operation, payload)
  if (reply.ok) throw new Error(`${operation} was not refused`)
  expect(reply.error.code).toBe(code)
  expect(reply.error.message).not.toMatch(/Exception/)
  expect(intents(), `${operation} wrote to the pool`).toBe(before)
  return reply.error.message
}

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')))
  }
  app = await openAppContext({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }), cwd: temp.dir, processLabel: 'the support test' })
  operations = createOperations(app, {
    handOverSecret: async (secret) => {
      handedOver.push(secret)
      return 'copied to the clipboard'
    }
  })
  for (const [username, email] of [
    ['ann', 'ann@example.com'],
    ['bob', 'bob@example.com']
  ]) {
    expect(await call('register', { username, email, password: 'Secure#Pass123', tier: 'standard' })).toMatchObject({ ok: true })
    expect(await call('adminConfirm', { username })).toMatchObject({ ok: true })
    expect(await call('verifyEmail', { username })).toMatchObject({ ok: true })
  }
})

afterAll(async () => {
  vi.restoreAllMocks()
  await app?.close()
  temp.remove()
})

describe('the support desk on the sandbox', () => {
  it('opens a user with their MFA and verdict', async () => {
    expect(await call('getUser', { username: 'ann' })).toMatchObject({
      ok: true,
      data: { username: 'ann', mfa: { enabled: [], preferred: null }, identities: [], verdict: { canSignIn: true, reason: 'ok' } }
    })
    // An account action answers with the user as their page shows them now: the verdict moves with it.
    expect((await data('disableUser', { username: 'ann' })).user?.verdict).toMatchObject({ reason: 'disabled', fixes: ['enable'] })
    expect((await data('enableUser', { username: 'ann' })).user?.verdict).toMatchObject({ reason: 'ok' })
  })

  it('refuses each bad input in the words of the form, writing nothing', async () => {
    expect(await refused('setAttributes', { username: 'ann', attributes: { phone_number: '07700900123' } }, 'VALIDATION')).toContain('starts with +')
    expect(await refused('setAttributes', { username: 'ann', attributes: { email: 'bob@example.com' } }, 'USERNAME_EXISTS')).toContain(
      'already signs in with the email address bob@example.com'
    )
    expect(await refused('setAttributes', { username: 'ann', attributes: { 'custom:user_tier': 'premium' } }, 'VALIDATION')).toContain("the user's tier editor")
    expect(await refused('setAttributes', { username: 'ann', attributes: { sub: 'x' } }, 'VALIDATION')).toContain('cannot be changed')
    expect(await refused('setPassword', { username: 'ann', permanent: true, password: 'weakpass1' }, 'PASSWORD_POLICY')).toContain('an upper-case letter')
  })

  it('changes an attribute and an email, saying a code goes to the new address', async () => {
    expect(await call('setAttributes', { username: 'ann', attributes: { 'custom:company': 'Acme' } })).toMatchObject({
      ok: true,
      data: { message: 'ann: custom:company set to "Acme".', user: { attributes: expect.arrayContaining([{ name: 'custom:company', value: 'Acme' }]) } }
    })
    const email = await data('setAttributes', { username: 'ann', attributes: { email: 'ann.new@example.com' } })
    expect(email.message).toContain('Cognito sends an email with a verification code to the new email address.')
    expect(email.user).toMatchObject({ email: 'ann.new@example.com', emailVerified: false })
    const marked = await data('setAttributes', { username: 'ann', attributes: { email: 'ann@example.com' }, markVerified: true })
    expect(marked.user).toMatchObject({ email: 'ann@example.com', emailVerified: true })
    expect(await call('deleteAttributes', { username: 'ann', names: ['custom:company'] })).toMatchObject({ ok: true })
  })

  it('sets passwords without ever showing, logging or storing them', async () => {
    const temporary = await data('setPassword', { username: 'ann', permanent: false })
    expect(temporary.message).toContain('The password was copied to the clipboard')
    expect(temporary.user).toMatchObject({ status: 'FORCE_CHANGE_PASSWORD', verdict: { reason: 'temporary-password' } })
    expect(await call('setPassword', { username: 'bob', permanent: true, password: TYPED })).toMatchObject({
      ok: true,
      data: { user: { status: 'CONFIRMED' } }
    })
    const history = await data('userHistory', { username: 'ann' })
    expect(history.entries[0]).toMatchObject({ summary: 'Password set, temporary', outcome: 'ok' })

    // The sandbox's emulator keeps passwords in its own database, as Cognito does on its side; nothing else may.
    const files = filePlaces(temp.dir, 'data').filter((place) => !place.name.startsWith(join('data', 'sandbox', 'db')))
    expect(files.some((place) => place.name.startsWith('data/audit.jsonl'))).toBe(true)
    const places = [...files, ...replies, { name: 'console', text: consoleLines.join('\n') }]
    expect(findCanaries(places, { typed: TYPED, generated: handedOver[0]! })).toEqual([])
  })

  it('answers sign-in events as Cognito does without threat protection, and lists no devices', async () => {
    const events = await call('listSignInEvents', { username: 'bob' })
    expect(events).toEqual({ ok: true, data: { recorded: false, why: expect.stringContaining('threat protection (advanced security) is off') } })
    expect(await call('listDevices', { username: 'bob' })).toEqual({ ok: true, data: { devices: [] } })
    expect(await call('resetMfa', { username: 'bob' })).toMatchObject({ ok: true, data: { message: expect.stringContaining('MFA is off on this pool') } })
  })

  it('on a pool that requires MFA, tells a method that cannot reach them, and resets it', async () => {
    const emulator = app.services().connection.sandbox!
    const admin = provisioningClient(emulator.endpoint(), emulator.credential())
    // MFA required with an authenticator app; no SNS role, so the pool cannot send texts.
    await admin.send(
      new SetUserPoolMfaConfigCommand({ UserPoolId: emulator.userPoolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } })
    )
    await data('describePool', { refresh: true })
    await data('setAttributes', { username: 'bob', attributes: { phone_number: '+447700900123' } })
    await admin.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId: emulator.userPoolId, Username: 'bob', SMSMfaSettings: { Enabled: true, PreferredMfa: true } })
    )
    expect(await data('getUser', { username: 'bob' })).toMatchObject({
      mfa: { enabled: ['SMS'], preferred: 'SMS' },
      verdict: { canSignIn: false, reason: 'mfa-required-no-method', fixes: ['reset-mfa'] }
    })
    const reset = await data('resetMfa', { username: 'bob' })
    expect(reset.message).toBe(
      "bob's MFA is reset (turned off: text message). This pool requires MFA: at the next sign-in they are asked to set up a method again (authenticator app) before they get in."
    )
    expect(reset.user).toMatchObject({ mfa: { enabled: [], preferred: null }, verdict: { canSignIn: true, reason: 'ok' } })
  })

  it('finds a person from a ticket in any case', async () => {
    expect(await call('findUsers', { query: 'BOB@example.com' })).toMatchObject({
      ok: true,
      data: { foundBy: 'email', loweredCase: true, users: [{ username: 'bob' }] }
    })
    expect(await call('findUsers', { query: 'Bob' })).toMatchObject({ ok: true, data: { foundBy: 'username', users: [{ username: 'bob' }] } })
    expect(await call('findUsers', { query: '@example.com' })).toEqual({ ok: true, data: { foundBy: 'email-part', users: [], scan: null } })
  })
})
