/**
 * The one find box on the simulator's detailed pool: an email, a sub, a phone number or a username
 * recognised and matched exactly, the lower-cased retry Cognito's case-sensitive matching needs, and
 * part of an email looked up in the last finished scan's copy of the pool, labelled with its date.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { findUsers, recognise } from '../../../src/main/support/find'
import { createStatsService } from '../../../src/main/stats/statsService'
import type { SimPoolSettings, SimUserSeed } from '../../support/cognitoSim'
import { openSupportSim, type SupportSim } from './supportSim'

const SUB = '3f2b8c1e-7a4d-4e5f-9a6b-1c2d3e4f5a6b'
const users: SimUserSeed[] = [
  { username: 'alice', attributes: { email: 'alice@acme.com', 'custom:user_tier': 'premium' } },
  { username: 'alice_b', attributes: { email: 'alice.b@acme.com' } },
  { username: 'bob', sub: SUB, attributes: { email: 'bob.standard@acme.test', phone_number: '+447700900123' } },
  { username: 'carol', attributes: { email: 'Carol@Other.org' } }
]

let sim: SupportSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function open(pool: SimPoolSettings = {}) {
  sim = await openSupportSim(users, pool)
  const stats = createStatsService(sim.deps, { partitionDigits: 1, concurrency: 4 })
  return { find: (query: string, token?: string) => findUsers({ gateway: sim!.deps.gateway, stats }, query, token), stats }
}
const names = (result: { users: { username: string }[] }) => result.users.map((user) => user.username)

describe('recognising a query', () => {
  it('tells an email, a sub, a phone number, part of an email and a username apart', () => {
    expect(recognise('bob.STANDARD@acme.test')).toBe('email')
    expect(recognise(SUB.toUpperCase())).toBe('sub')
    expect(recognise('+44 7700 900123')).toBe('phone')
    expect(recognise('@acme.com')).toBe('email-part')
    expect(recognise('alice@')).toBe('email-part')
    expect(recognise('Alice')).toBe('username')
    expect(recognise('acme.com')).toBe('username')
  })
})

describe('finding a person', () => {
  it('finds an email in any case, saying when it tried it lower-cased', async () => {
    const { find } = await open()
    expect(await find('bob.standard@acme.test')).toMatchObject({ foundBy: 'email', users: [{ username: 'bob' }] })
    const mixed = await find('bob.STANDARD@acme.test')
    expect(mixed).toMatchObject({ foundBy: 'email', loweredCase: true })
    expect(names(mixed)).toEqual(['bob'])
    // Stored with capitals: found as typed, no retry.
    expect(await find('Carol@Other.org')).toMatchObject({ users: [{ username: 'carol' }] })
    expect((await find('nobody@acme.test')).users).toEqual([])
  })

  it('finds a sub, and a phone number written with spaces', async () => {
    const { find } = await open()
    expect(names(await find(SUB))).toEqual(['bob'])
    expect(await find(SUB.toUpperCase())).toMatchObject({ foundBy: 'sub', loweredCase: true, users: [{ username: 'bob' }] })
    expect(await find('+44 7700 900123')).toMatchObject({ foundBy: 'phone', users: [{ username: 'bob' }] })
  })

  it('finds "Alice" on a pool whose usernames are case-sensitive by retrying lower-cased, listing both', async () => {
    const { find } = await open({ UsernameCaseSensitive: true })
    const result = await find('Alice')
    expect(result).toMatchObject({ foundBy: 'username', loweredCase: true })
    expect(names(result)).toEqual(['alice', 'alice_b'])
    expect(await find('alice')).toMatchObject({ users: [{ username: 'alice', mfa: { enabled: [] } }] })
  })

  it('finds "Alice" at once where the pool ignores the case of usernames', async () => {
    const { find } = await open()
    const result = await find('Alice')
    expect(names(result)).toEqual(['alice'])
    expect(result.loweredCase).toBeUndefined()
  })

  it('looks part of an email up in the last finished scan, labelled with its date, or says there is none', async () => {
    const { find, stats } = await open()
    expect(await find('@acme.com')).toEqual({ foundBy: 'email-part', users: [], scan: null })
    await stats.start()
    await stats.settled()
    const { last } = await stats.snapshot()
    const domain = await find('@ACME.com')
    expect(domain).toEqual({
      foundBy: 'email-part',
      users: [],
      scan: {
        finishedAt: last!.finishedAt,
        truncated: false,
        members: expect.arrayContaining([
          { username: 'alice', email: 'alice@acme.com', tierValue: 'premium' },
          { username: 'alice_b', email: 'alice.b@acme.com', tierValue: '' }
        ])
      }
    })
    expect(domain.scan!.members).toHaveLength(2)
    // A bare domain that is nobody's username is taken for part of an email.
    expect((await find('other.org')).scan?.members).toEqual([{ username: 'carol', email: 'Carol@Other.org', tierValue: '' }])
  })
})
