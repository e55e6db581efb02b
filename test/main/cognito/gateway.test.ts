/**
 * The gateway, on an SDK-level fake (cognito-local never throttles): throttling slows the shared
 * limiter and is retried; every write is audited, failures too; nothing secret is written down.
 */
import { AdminUpdateUserAttributesCommand, ListUsersCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { MemoryAuditLog } from '../../support/memoryAuditLog'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { toAppError } from '../../../src/main/cognito/errorMapping'
import { cognitoException, fakeCognitoClient } from '../../support/fakeCognitoClient'

const connectionReset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })

const noSleep = async () => undefined

describe('CognitoGateway', () => {
  it('retries a throttled request and lowers the limiter of its quota category', async () => {
    const { client, sent } = fakeCognitoClient((_name, _input, call) => (call <= 2 ? cognitoException('TooManyRequestsException') : { Users: [] }))
    const limiters = new QuotaLimiters({ UserList: 30 })
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters, audit: new MemoryAuditLog(), sleep: noSleep })
    await gateway.send(new ListUsersCommand({ UserPoolId: 'p' }))
    expect(sent).toHaveLength(3)
    expect(limiters.get('UserList').rate).toBeLessThan(30)
    expect(limiters.get('UserUpdate').rate).toBe(25)
  })

  it('gives up after its attempts and lets the error through', async () => {
    const { client, sent } = fakeCognitoClient(() => cognitoException('TooManyRequestsException'))
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit: new MemoryAuditLog(), sleep: noSleep })
    await expect(gateway.send(new ListUsersCommand({ UserPoolId: 'p' }), { maxAttempts: 3 })).rejects.toMatchObject({ name: 'TooManyRequestsException' })
    expect(sent).toHaveLength(3)
  })

  it('does not retry an error that another attempt cannot fix', async () => {
    const { client, sent } = fakeCognitoClient(() => cognitoException('UsernameExistsException'))
    const audit = new MemoryAuditLog()
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit, sleep: noSleep })
    await expect(gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'jane', Password: 'Secret#123' }))).rejects.toThrow()
    expect(sent).toHaveLength(1)
    expect(audit.results).toEqual([expect.objectContaining({ operation: 'SignUp', username: 'jane', outcome: 'failed', errorName: 'UsernameExistsException' })])
  })

  it('audits writes with the tier value but no other attribute values or passwords, and never reads', async () => {
    const { client } = fakeCognitoClient(() => ({}))
    const audit = new MemoryAuditLog()
    const gateway = new CognitoGateway({ client, userPoolId: 'pool-1', limiters: new QuotaLimiters(), audit, sleep: noSleep })
    await gateway.send(new ListUsersCommand({ UserPoolId: 'pool-1' }))
    await gateway.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: 'pool-1',
        Username: 'jane',
        UserAttributes: [
          { Name: 'custom:user_tier', Value: 'premium' },
          { Name: 'custom:company', Value: 'Secret Corp' }
        ]
      })
    )
    await gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'bob', Password: 'Hunter#2hunter', SecretHash: 'hash' }))
    expect(audit.results.map((entry) => entry.operation)).toEqual(['AdminUpdateUserAttributes', 'SignUp'])
    expect(audit.results[0].changes).toEqual({ 'custom:user_tier': 'premium', 'custom:company': '(set)' })
    const written = JSON.stringify(audit.entries)
    expect(written).not.toContain('Hunter#2hunter')
    expect(written).not.toContain('Secret Corp')
    expect(written).not.toContain('hash')
  })

  it('sends a registration once when the connection drops, and says its outcome is unknown', async () => {
    const { client, sent } = fakeCognitoClient(() => connectionReset())
    const audit = new MemoryAuditLog()
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit, sleep: noSleep })
    const failure = await gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'jane', Password: 'Secret#123' })).catch((error: unknown) => error)
    expect(sent).toHaveLength(1)
    const shown = toAppError(failure, { operation: 'register' })
    expect(shown.code).toBe('WRITE_OUTCOME_UNKNOWN')
    expect(shown.message).toMatch(/not known whether Cognito applied it.*Look jane up/)
    expect(audit.results).toEqual([expect.objectContaining({ operation: 'SignUp', username: 'jane', outcome: 'unknown', errorName: 'ECONNRESET' })])
  })

  it('repeats a dropped tier change, which is harmless to send twice', async () => {
    const { client, sent } = fakeCognitoClient((_name, _input, call) => (call === 1 ? connectionReset() : {}))
    const audit = new MemoryAuditLog()
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit, sleep: noSleep })
    await gateway.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: 'p', Username: 'jane', UserAttributes: [{ Name: 'custom:user_tier', Value: 'premium' }] })
    )
    expect(sent).toHaveLength(2)
    expect(audit.results).toEqual([expect.objectContaining({ operation: 'AdminUpdateUserAttributes', outcome: 'ok' })])
  })

  it('retries a throttled registration, since Cognito refused it before doing anything', async () => {
    const { client, sent } = fakeCognitoClient((_name, _input, call) => (call === 1 ? cognitoException('TooManyRequestsException') : { UserSub: 'sub-1' }))
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit: new MemoryAuditLog(), sleep: noSleep })
    await expect(gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'jane', Password: 'Secret#123' }))).resolves.toEqual({ UserSub: 'sub-1' })
    expect(sent).toHaveLength(2)
  })

  it('writes the intent to the audit trail before the request leaves, and the result under the same id', async () => {
    const audit = new MemoryAuditLog()
    const seenAtSend: string[] = []
    const { client } = fakeCognitoClient(() => {
      seenAtSend.push(...audit.entries.map((entry) => entry.phase))
      return { UserSub: 'sub-1' }
    })
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit, sleep: noSleep })
    await gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'jane', Password: 'Secret#123' }))
    expect(seenAtSend).toEqual(['intent'])
    const [intent, result] = audit.entries
    expect(intent).toMatchObject({ phase: 'intent', operation: 'SignUp', username: 'jane' })
    expect(intent.outcome).toBeUndefined()
    expect(result).toMatchObject({ phase: 'result', id: intent.id, outcome: 'ok' })
    expect(typeof intent.osUser).toBe('string')
  })

  it('sends nothing when the intent cannot be written, and says the audit log is the problem', async () => {
    const { client, sent } = fakeCognitoClient(() => ({}))
    const unwritable = {
      location: '/data/audit.jsonl',
      record: async () => {
        throw Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR', syscall: 'open', path: '/data/audit.jsonl' })
      }
    }
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit: unwritable, sleep: noSleep })
    const failure = await gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'jane', Password: 'Secret#123' })).catch((error: unknown) => error)
    expect(sent).toHaveLength(0)
    const shown = toAppError(failure, { operation: 'register' })
    expect(shown.code).toBe('AUDIT_UNWRITABLE')
    expect(shown.message).toMatch(/Nothing was sent to Cognito.*audit log.*\/data\/audit\.jsonl/)
    // Reads are not audited, so they go through whatever the trail's state.
    await gateway.send(new ListUsersCommand({ UserPoolId: 'p' }))
    expect(sent).toHaveLength(1)
  })

  it('keeps the result of a write that happened when its result cannot be written', async () => {
    const { client } = fakeCognitoClient(() => ({ UserSub: 'sub-1' }))
    let calls = 0
    const failures: unknown[] = []
    const flaky = {
      location: 'audit.jsonl',
      record: async () => {
        if (++calls > 1) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'write', path: 'audit.jsonl' })
      }
    }
    const gateway = new CognitoGateway({
      client,
      userPoolId: 'p',
      limiters: new QuotaLimiters(),
      audit: flaky,
      sleep: noSleep,
      onAuditFailure: (e) => failures.push(e)
    })
    await expect(gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'jane', Password: 'Secret#123' }))).resolves.toEqual({ UserSub: 'sub-1' })
    expect(failures).toHaveLength(1)
  })

  it('resends a write whose connection was refused once the endpoint is found again (it never left)', async () => {
    const refused = () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', syscall: 'connect' })
    }
    const { client, sent } = fakeCognitoClient((_name, _input, call) => (call === 1 ? refused() : { UserSub: 'sub-1' }))
    const audit = new MemoryAuditLog()
    let reconnects = 0
    const gateway = new CognitoGateway({
      client,
      userPoolId: 'p',
      limiters: new QuotaLimiters(),
      audit,
      sleep: noSleep,
      reconnect: async () => ++reconnects > 0
    })
    await expect(gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'jane', Password: 'Secret#123' }))).resolves.toEqual({ UserSub: 'sub-1' })
    expect(sent).toHaveLength(2)
    expect(reconnects).toBe(1)
    expect(audit.results).toEqual([expect.objectContaining({ outcome: 'ok' })])
  })
})
