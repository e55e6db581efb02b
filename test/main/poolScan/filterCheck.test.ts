/**
 * The `sub ^=` self-check: only Cognito's answer about the filter makes the scan go sequential; a
 * fault on the way is retried by the gateway and, if it persists, thrown so the scan stops as failed.
 */
import { describe, expect, it } from 'vitest'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { checkSubPrefixFilter } from '../../../src/main/poolScan/filterCheck'
import { cognitoException, fakeCognitoClient } from '../../support/fakeCognitoClient'
import { MemoryAuditLog } from '../../support/memoryAuditLog'

const POOL = ['1a0e', '2b41', '2c99', '7f00'].map((prefix, i) => ({
  Username: `user${i}`,
  Attributes: [{ Name: 'sub', Value: `${prefix}c2d0-1111-4222-8333-444455556666` }]
}))
const FIRST_SUB = POOL[0]!.Attributes[0]!.Value

type Input = Record<string, unknown>
type Answer = (input: Input, call: number) => unknown

/** ListUsers as Cognito answers it: `sub ^= "x"` returns exactly the users whose sub starts with x. */
const honest: Answer = (input) => {
  const prefix = /^sub \^= "(.*)"$/.exec(String(input.Filter ?? ''))?.[1]
  const users = prefix === undefined ? POOL : POOL.filter((u) => u.Attributes[0]!.Value.startsWith(prefix))
  return { Users: users.slice(0, Number(input.Limit ?? 60)) }
}

const filtered = (input: Input): boolean => typeof input.Filter === 'string'

function check(answer: Answer, pool: readonly unknown[] = POOL) {
  const { client, sent } = fakeCognitoClient((_name, input, call) => (pool.length === 0 ? { Users: [] } : answer(input, call)))
  const limiters = new QuotaLimiters({ UserList: 10_000 })
  const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters, audit: new MemoryAuditLog(), sleep: async () => undefined })
  return { result: checkSubPrefixFilter(gateway, new AbortController().signal), sent }
}

const dropped = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })

describe('checkSubPrefixFilter', () => {
  it('partitions a pool whose filter Cognito honours', async () => {
    await expect(check(honest).result).resolves.toEqual({ kind: 'partitioned' })
  })

  it('says a pool with no users is empty', async () => {
    await expect(check(honest, []).result).resolves.toEqual({ kind: 'empty' })
  })

  it("goes sequential when Cognito rejects the filter, quoting Cognito's words", async () => {
    const rejecting: Answer = (input, call) =>
      filtered(input) ? cognitoException('InvalidParameterException', 'Invalid filter operator for attribute sub') : honest(input, call)
    const verdict = await check(rejecting).result
    expect(verdict).toEqual({
      kind: 'sequential',
      reason:
        'Cognito rejected the filter sub ^= "…" (InvalidParameterException: Invalid filter operator for attribute sub), so the pool is read in one sequential pass.'
    })
  })

  it("goes sequential when the filter does not find a user's own sub, naming the user", async () => {
    const empty: Answer = (input, call) => (filtered(input) ? { Users: [] } : honest(input, call))
    const verdict = await check(empty).result
    expect(verdict).toEqual({
      kind: 'sequential',
      reason: `Cognito returned nothing for the filter sub ^= "${FIRST_SUB}", the sub of user0, so the pool is read in one sequential pass.`
    })
  })

  it('goes sequential when the filter returns a user without the prefix, naming that user', async () => {
    const ignoring: Answer = (input, call) => (String(input.Filter).includes('"2"') ? { Users: POOL } : honest(input, call))
    const verdict = await check(ignoring).result
    expect(verdict).toMatchObject({
      kind: 'sequential',
      reason: expect.stringMatching(/^Cognito ignored the filter sub \^= "2": it returned user0, whose sub is 1a0e/)
    })
  })

  it('follows empty filtered pages that carry a token before it calls the answer nothing', async () => {
    // A backend that filters after paging can answer an empty page and find the user on the next.
    const sliced: Answer = (input, call) => (filtered(input) && input.PaginationToken === undefined ? { Users: [], PaginationToken: 't' } : honest(input, call))
    await expect(check(sliced).result).resolves.toEqual({ kind: 'partitioned' })
  })

  it('rides out a dropped connection during the check: the gateway asks again', async () => {
    let drops = 2
    const flaky: Answer = (input, call) => (filtered(input) && drops-- > 0 ? dropped() : honest(input, call))
    const { result, sent } = check(flaky)
    await expect(result).resolves.toEqual({ kind: 'partitioned' })
    expect(sent.length).toBe(3 + 2)
  })

  it.each([
    ['a connection that keeps dropping', dropped],
    ['a timeout that persists', () => cognitoException('TimeoutError')],
    ['an outage (HTTP 503)', () => Object.assign(new Error('Service Unavailable'), { name: 'Unknown', $fault: 'server', $metadata: { httpStatusCode: 503 } })]
  ])('throws %s instead of calling it a verdict on the filter', async (_name, fault) => {
    const broken: Answer = (input, call) => (filtered(input) ? fault() : honest(input, call))
    const { result, sent } = check(broken)
    const error = await result.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toHaveProperty('kind')
    // One unfiltered page, then the long patience's 12 attempts at the filtered one.
    expect(sent).toHaveLength(1 + 12)
  })

  it('throws an answer that is about the pool, not the filter', async () => {
    const gone: Answer = (input, call) => (filtered(input) ? cognitoException('ResourceNotFoundException', 'User pool p does not exist.') : honest(input, call))
    await expect(check(gone).result).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
  })
})
