/**
 * The IPC boundary: payloads are validated against the contract, nothing thrown crosses it, and
 * every failure arrives as { ok: false, error: { code, message } }.
 */
import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src/main/app/appContext'
import { createOperations } from '../../../src/main/operations/handlers'
import { invokeOperation } from '../../../src/main/operations/invoke'
import { registerIpc } from '../../../src/main/ipc/registerIpc'
import { contract, operations } from '../../../src/shared/contract'
import { cognitoException } from '../../support/fakeCognitoClient'
import { describedPool, fakeConnection } from '../../support/fakeConnection'
import { serviceDeps } from '../../support/serviceDeps'

function appOn(answers: Parameters<typeof fakeConnection>[0]) {
  const { connection, sent } = fakeConnection(answers)
  const deps = serviceDeps({ connection, dataDir: '/nowhere' })
  const app = {
    status: { state: 'connected', info: connection.info },
    profile: { id: 'test', name: 'test', production: false, userPoolId: connection.info.userPoolId },
    services: () => ({ deps, connection, schema: deps.schema, stats: {} }),
    close: async () => undefined
  } as unknown as AppContext
  return { handlers: createOperations(app).handlers, sent }
}

describe('invokeOperation', () => {
  it('refuses malformed payloads field by field, without calling Cognito', async () => {
    const { handlers, sent } = appOn({})
    const result = await invokeOperation(handlers, 'register', { username: 'has space', email: 'not-an-email', password: '' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['email', 'password', 'username'])
    expect(sent).toHaveLength(0)
    for (const payload of [null, 42, 'x', [], { username: { $ne: 1 } }]) {
      const bad = await invokeOperation(handlers, 'getUser', payload)
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  })

  it('turns a Cognito exception into a code and a sentence', async () => {
    const { handlers } = appOn({ AdminGetUser: () => cognitoException('UserNotFoundException', 'User does not exist.') })
    expect(await invokeOperation(handlers, 'getUser', { username: 'ghost' })).toEqual({
      ok: false,
      error: { code: 'USER_NOT_FOUND', message: expect.stringMatching(/No user with that username/) }
    })
  })

  it('shows a missing or unknown tier as such, never as standard', async () => {
    const user = (tier?: string) => ({
      Username: 'u',
      UserStatus: 'CONFIRMED',
      Enabled: true,
      UserAttributes: [{ Name: 'sub', Value: 's' }, ...(tier === undefined ? [] : [{ Name: 'custom:user_tier', Value: tier }])]
    })
    for (const [stored, expected] of [
      [undefined, { kind: 'none' }],
      ['gold', { kind: 'invalid', value: 'gold' }],
      ['premium', { kind: 'tier', tier: 'premium' }]
    ] as const) {
      // The user page reads the pool's settings too, for the sign-in verdict.
      const { handlers } = appOn({ DescribeUserPool: () => describedPool(), AdminGetUser: () => user(stored) })
      const result = await invokeOperation(handlers, 'getUser', { username: 'u' })
      expect(result).toMatchObject({ ok: true, data: { tier: expected } })
    }
  })

  it('pages a prefix search with the token Cognito returns, and escapes quotes in the filter', async () => {
    const { handlers, sent } = appOn({
      DescribeUserPool: () => describedPool(),
      ListUsers: (input) => (input.PaginationToken ? { Users: [] } : { Users: [{ Username: 'a', Attributes: [] }], PaginationToken: 'page-2' })
    })
    const first = await invokeOperation(handlers, 'searchUsers', { query: 'ja"ne', by: 'email' })
    expect(first).toMatchObject({ ok: true, data: { nextToken: 'page-2' } })
    expect(sent[0].input).toMatchObject({ Filter: 'email ^= "ja\\"ne"', Limit: 60 })
    await invokeOperation(handlers, 'searchUsers', { query: 'ja', by: 'email', nextToken: 'page-2' })
    expect(sent[1].input).toMatchObject({ PaginationToken: 'page-2' })
  })

  it('follows empty filtered pages instead of reporting no users while Cognito has more', async () => {
    const pages: Record<string, { Users: unknown[]; PaginationToken?: string }> = {
      start: { Users: [], PaginationToken: 't1' },
      t1: { Users: [], PaginationToken: 't2' },
      t2: { Users: [{ Username: 'jane', Attributes: [{ Name: 'email', Value: 'jane@example.com' }] }], PaginationToken: 't3' }
    }
    const { handlers, sent } = appOn({ ListUsers: (input) => pages[(input.PaginationToken as string | undefined) ?? 'start'] })
    const result = await invokeOperation(handlers, 'searchUsers', { query: 'jane@', by: 'email' })
    expect(result).toMatchObject({ ok: true, data: { users: [{ username: 'jane' }], nextToken: 't3' } })
    expect(sent.map((call) => call.input.PaginationToken)).toEqual([undefined, 't1', 't2'])
  })
})

describe('registerIpc', () => {
  it('registers every channel and refuses frames that are not the app', async () => {
    const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>()
    const { handlers, sent } = appOn({ DescribeUserPool: () => describedPool(), AdminGetUser: () => ({ Username: 'u', UserAttributes: [] }) })
    registerIpc(
      { handle: (channel: string, listener: never) => void registered.set(channel, listener) } as never,
      handlers,
      (event) => event.senderFrame?.url === 'app://index.html'
    )
    expect([...registered.keys()].sort()).toEqual(operations.map((op) => contract[op].channel).sort())
    const getUser = registered.get(contract.getUser.channel)!
    expect(await getUser({ senderFrame: { url: 'https://evil.example' } }, { username: 'u' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(sent).toHaveLength(0)
    expect(await getUser({ senderFrame: { url: 'app://index.html' } }, { username: 'u' })).toMatchObject({ ok: true })
  })
})
