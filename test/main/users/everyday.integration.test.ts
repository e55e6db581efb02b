/**
 * The everyday jobs against a real cognito-local sandbox. cognito-local does not enforce the password
 * policy or the schema, so these tests also prove the app's own checks catch them before Cognito.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { toAppError } from '../../../src/main/cognito/errorMapping'
import { adminConfirm, confirmWithCode, resendCode } from '../../../src/main/registration/confirmation'
import { registerUser } from '../../../src/main/registration/registration'
import { getUser, searchUsers, setTier } from '../../../src/main/users/users'
import { openTestSandbox } from '../../support/sandboxConnection'

type Sandbox = Awaited<ReturnType<typeof openTestSandbox>>
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await openTestSandbox()
})
afterAll(async () => sandbox?.close())

const strong = 'Secure#Pass123'

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error, `expected ${code}`).not.toBeNull()
  // Services let Cognito's exceptions through; the IPC boundary maps them as toAppError does here.
  const mapped = toAppError(error)
  expect(mapped.code, mapped.message).toBe(code)
  return mapped
}

describe('registration and confirmation', () => {
  it('registers a premium user with extra attributes, delivers a code to the outbox, and confirms', async () => {
    const { connection, schema } = sandbox
    // cognito-local would store any attribute; the app refuses one the schema lacks, by name, before writing.
    const refused = await expectAppError(
      registerUser(connection, schema, {
        username: 'jane_premium',
        email: 'jane@example.com',
        password: strong,
        tier: 'premium',
        attributes: { company: 'TechCorp', shoe_size: '42' }
      }),
      'ATTRIBUTE_NOT_IN_SCHEMA'
    )
    expect(refused.message).toContain('custom:shoe_size')
    expect(refused.message).not.toContain('custom:company')
    expect(refused.message).toMatch(/Add/)
    await expectAppError(getUser(connection.gateway, 'jane_premium'), 'USER_NOT_FOUND')

    const attributes = { company: 'TechCorp', 'custom:department': 'Engineering', role: 'Developer' }
    const result = await registerUser(connection, schema, {
      username: 'jane_premium',
      email: 'jane@example.com',
      password: strong,
      tier: 'premium',
      attributes
    })
    expect(result.confirmed).toBe(false)
    expect(result.userSub).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.delivery).toEqual({ destination: 'jane@example.com', medium: 'EMAIL', attribute: 'email' })

    const code = connection.sandbox!.outbox.latestCodeFor('jane_premium')
    expect(code).toMatch(/^\d{6}$/)
    await expectAppError(confirmWithCode(connection, 'jane_premium', code === '000000' ? '111111' : '000000'), 'CODE_MISMATCH')
    await confirmWithCode(connection, 'jane_premium', code!)
    const user = await getUser(connection.gateway, 'jane_premium')
    expect(user.status).toBe('CONFIRMED')
    expect(user.tier).toEqual({ kind: 'tier', tier: 'premium' })
    expect(user.attributes).toEqual(
      expect.arrayContaining([
        { name: 'custom:company', value: 'TechCorp' },
        { name: 'custom:department', value: 'Engineering' },
        { name: 'custom:role', value: 'Developer' }
      ])
    )
  })

  it('defaults an omitted tier to standard and refuses an unknown one without writing', async () => {
    const { connection, schema } = sandbox
    await expectAppError(registerUser(connection, schema, { username: 'gold_guy', email: 'gold@example.com', password: strong, tier: 'gold' }), 'INVALID_TIER')
    await expectAppError(getUser(connection.gateway, 'gold_guy'), 'USER_NOT_FOUND')
    await registerUser(connection, schema, { username: 'plain_joe', email: 'joe@example.com', password: strong })
    expect((await getUser(connection.gateway, 'plain_joe')).tier).toEqual({ kind: 'tier', tier: 'standard' })
  })

  it('refuses a weak password with the rules it misses, and a duplicate username', async () => {
    const { connection, schema } = sandbox
    const weak = await expectAppError(
      registerUser(connection, schema, { username: 'weakling', email: 'w@example.com', password: 'password' }),
      'PASSWORD_POLICY'
    )
    expect(weak.message).toMatch(/upper-case letter/)
    expect(weak.fields?.password).toBeTruthy()
    await expectAppError(registerUser(connection, schema, { username: 'plain_joe', email: 'joe2@example.com', password: strong }), 'USERNAME_EXISTS')
  })

  it('resends a new code and admin-confirms without one', async () => {
    const { connection, schema } = sandbox
    await registerUser(connection, schema, { username: 'walk_in', email: 'walkin@example.com', password: strong })
    const first = connection.sandbox!.outbox.latestCodeFor('walk_in')
    const resent = await resendCode(connection, 'walk_in')
    expect(resent.delivery?.destination).toBe('walkin@example.com')
    expect(connection.sandbox!.outbox.list()[0]).toMatchObject({ username: 'walk_in', reason: 'ResendCode' })
    expect(connection.sandbox!.outbox.latestCodeFor('walk_in')).toBeDefined()
    expect(first).toBeDefined()
    await adminConfirm(connection, 'walk_in')
    expect((await getUser(connection.gateway, 'walk_in')).status).toBe('CONFIRMED')
    await expectAppError(adminConfirm(connection, 'walk_in'), 'ALREADY_CONFIRMED')
  })
})

describe('lookup and tier edits', () => {
  it('finds users by email prefix and username prefix, and changes a tier', async () => {
    const { connection } = sandbox
    const byEmail = await searchUsers(connection.gateway, { query: 'jane@', by: 'email', match: 'prefix' })
    expect(byEmail.users.map((u) => u.username)).toEqual(['jane_premium'])
    const byName = await searchUsers(connection.gateway, { query: 'plain', by: 'username', match: 'prefix' })
    expect(byName.users.map((u) => u.username)).toEqual(['plain_joe'])
    const updated = await setTier(connection.gateway, sandbox.schema, { username: 'jane_premium', tier: 'standard', expected: 'premium' })
    expect(updated).toMatchObject({ from: { kind: 'tier', tier: 'premium' }, to: 'standard', user: { tier: { kind: 'tier', tier: 'standard' } } })
    expect((await getUser(connection.gateway, 'jane_premium')).tier).toEqual({ kind: 'tier', tier: 'standard' })
    await expectAppError(setTier(connection.gateway, sandbox.schema, { username: 'jane_premium', tier: 'platinum' }), 'INVALID_TIER')
    await expectAppError(getUser(connection.gateway, 'nobody_here'), 'USER_NOT_FOUND')
  })

  it('keeps the audit trail of every write with the tier before and after, without passwords', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const lines = readFileSync(join(sandbox.dataDir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.some((l) => l.operation === 'SignUp' && l.username === 'jane_premium' && l.outcome === 'ok')).toBe(true)
    const tierChange = lines.filter((l) => l.operation === 'AdminUpdateUserAttributes' && l.username === 'jane_premium')
    // Written ahead: the intent, then the result under the same id.
    expect(tierChange.map((l) => l.phase)).toEqual(['intent', 'result'])
    expect(tierChange[1]).toMatchObject({
      id: tierChange[0].id,
      changes: { 'custom:user_tier': 'standard' },
      previous: { 'custom:user_tier': 'premium' },
      outcome: 'ok'
    })
    expect(JSON.stringify(lines)).not.toContain(strong)
  })
})
