/**
 * The gateway, on an SDK-level fake (cognito-local never throttles): throttling slows the shared
 * limiter and is retried; other failures are retried as the retry policy says, longer for a patient
 * caller, but a write that must not repeat is never resent after a lost answer; every write is
 * audited, failures too; nothing secret is written down.
 */
import { AdminDeleteUserCommand, AdminUpdateUserAttributesCommand, ListUsersCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { MemoryAuditLog } from '../../support/memoryAuditLog'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { toAppError } from '../../../src/main/cognito/errorMapping'
import { cognitoException, fakeCognitoClient } from '../../support/fakeCognitoClient'

const connectionReset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
const connectionRefused = (): Error => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', syscall: 'connect' })
const serverFault = (): Error => Object.assign(new Error('Service Unavailable'), { name: 'Unknown', $fault: 'server', $metadata: { httpStatusCode: 503 } })
const list = () => new ListUsersCommand({ UserPoolId: 'p' })

/** Fails the first `failures` calls with `error`, then answers. */
const failing = (failures: number, error: () => Error) => fakeCognitoClient((_name, _input, call) => (call <= failures ? error() : { Users: [] }))

/** A sleep that only records what it was asked to wait. */
function recordingSleep() {
  const waits: number[] = []
  return { waits, sleep: async (ms: number) => void waits.push(ms) }
}

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

  it.each([
    ['InternalErrorException', () => cognitoException('InternalErrorException')],
    ['an HTTP 503', serverFault],
    ['a reset connection', connectionReset],
    ['a timeout', () => cognitoException('TimeoutError')],
    ['a reset hidden under a wrapper', () => Object.assign(new Error('fetch failed'), { cause: connectionReset() })]
  ])('retries a read after %s', async (_name, error) => {
    const { client, sent } = failing(2, error)
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit: new MemoryAuditLog(), sleep: noSleep })
    await expect(gateway.send(list())).resolves.toEqual({ Users: [] })
    expect(sent).toHaveLength(3)
  })

  it('reports a refused connection at once to an operator, but a scan waits it out', async () => {
    const short = failing(3, connectionRefused)
    const interactive = new CognitoGateway({
      client: short.client,
      userPoolId: 'p',
      limiters: new QuotaLimiters(),
      audit: new MemoryAuditLog(),
      sleep: noSleep
    })
    await expect(interactive.send(list())).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(short.sent).toHaveLength(1)
    const long = failing(3, connectionRefused)
    const scan = new CognitoGateway({ client: long.client, userPoolId: 'p', limiters: new QuotaLimiters(), audit: new MemoryAuditLog(), sleep: noSleep })
    await expect(scan.send(list(), { patience: 'long' })).resolves.toEqual({ Users: [] })
    expect(long.sent).toHaveLength(4)
  })

  it('rides out at least 30 s of throttling with long patience, with growing jittered waits, where short gives up after 6 tries', async () => {
    // A high quota, so the limiter's own slow-down after each throttle does not hold the test up.
    const fast = () => new QuotaLimiters({ UserList: 10_000 })
    const short = failing(11, () => cognitoException('TooManyRequestsException'))
    const shortWaits = recordingSleep()
    const interactive = new CognitoGateway({ client: short.client, userPoolId: 'p', limiters: fast(), audit: new MemoryAuditLog(), sleep: shortWaits.sleep })
    await expect(interactive.send(list())).rejects.toMatchObject({ name: 'TooManyRequestsException' })
    expect(short.sent).toHaveLength(6)
    const long = failing(11, () => cognitoException('TooManyRequestsException'))
    const { waits, sleep } = recordingSleep()
    const scan = new CognitoGateway({ client: long.client, userPoolId: 'p', limiters: fast(), audit: new MemoryAuditLog(), sleep })
    await expect(scan.send(list(), { patience: 'long' })).resolves.toEqual({ Users: [] })
    expect(long.sent).toHaveLength(12)
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(30_000)
    expect(Math.max(...waits)).toBeLessThanOrEqual(10_000)
    expect(waits[5]!).toBeGreaterThan(waits[0]!)
    // Jitter: the same attempt does not wait the same time on every run.
    expect(new Set([...shortWaits.waits.slice(0, 4), ...waits.slice(0, 4)]).size).toBeGreaterThan(4)
  })

  describe('a request refused while its quota is shared', () => {
    /**
     * An "unlucky" request refused `refusals` times. With `others`, another request on the same quota is
     * answered while each refusal is on its way (a quota shared with other operators); without, nothing
     * is (a throttling storm). Waits end only when the test ends them, so a retry that comes anyway was
     * woken by the limiter, not by the wait's time running out.
     */
    function unlucky(refusals: number, others: boolean) {
      let refused = 0
      const { client, sent } = fakeCognitoClient((_name, input) => {
        if (input.Filter !== 'unlucky' || refused >= refusals) return { Users: [] }
        refused++
        const refusal = cognitoException('TooManyRequestsException')
        return others ? gateway.send(list()).then(() => Promise.reject(refusal)) : refusal
      })
      const waits: { ms: number; end: () => void }[] = []
      const gateway: CognitoGateway = new CognitoGateway({
        client,
        userPoolId: 'p',
        limiters: new QuotaLimiters({ UserList: 10_000 }),
        audit: new MemoryAuditLog(),
        sleep: (ms, signal) =>
          new Promise<void>((resolve, reject) => {
            waits.push({ ms, end: resolve })
            signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
          })
      })
      let done = false
      const outcome = gateway.send(new ListUsersCommand({ UserPoolId: 'p', Filter: 'unlucky' }), { patience: 'long' }).finally(() => (done = true))
      // Turns of the event loop that let timers fire too: the limiter paces with real (millisecond) sleeps,
      // which 200 bare turns could outrun on a fast machine.
      const turns = async (): Promise<boolean> => {
        for (let i = 0; i < 200 && !done; i++) await new Promise((resolve) => setTimeout(resolve, 1))
        return done
      }
      return { outcome, waits, sent, turns }
    }

    it('retries as soon as nothing else of its process waits on the quota, instead of sleeping out a growing wait', async () => {
      // A growing wait left a shared quota idle: the last of four operators had its few requests asleep for seconds.
      const { outcome, waits, sent, turns } = unlucky(6, true)
      expect(await turns()).toBe(true)
      await expect(outcome).resolves.toEqual({ Users: [] })
      expect(sent.filter((s) => s.input.Filter === 'unlucky')).toHaveLength(7)
      // The waits were asked for, growing as before, and cut short.
      expect(waits).toHaveLength(6)
      expect(waits[5]!.ms).toBeGreaterThan(waits[0]!.ms)
    })

    it('sleeps each wait out in a throttling storm, where nothing on the quota is answered', async () => {
      const { outcome, waits, turns } = unlucky(3, false)
      for (let refusal = 1; refusal <= 3; refusal++) {
        expect(await turns()).toBe(false)
        expect(waits).toHaveLength(refusal)
        waits[refusal - 1]!.end()
      }
      expect(await turns()).toBe(true)
      await expect(outcome).resolves.toEqual({ Users: [] })
    })
  })

  it('does not resend a write that must not repeat after a lost answer, however patient the caller', async () => {
    const { client, sent } = failing(1, connectionReset)
    const audit = new MemoryAuditLog()
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit, sleep: noSleep })
    const failure = await gateway.send(new AdminDeleteUserCommand({ UserPoolId: 'p', Username: 'jane' }), { patience: 'long' }).catch((e: unknown) => e)
    expect(failure).toMatchObject({ name: 'WriteOutcomeUnknownError' })
    expect(sent).toHaveLength(1)
    expect(audit.results).toEqual([expect.objectContaining({ operation: 'AdminDeleteUser', outcome: 'unknown', errorName: 'ECONNRESET' })])
  })

  it('resends a write that must not repeat after a refused connection when the caller is patient: it never left', async () => {
    const { client, sent } = failing(2, connectionRefused)
    const audit = new MemoryAuditLog()
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit, sleep: noSleep })
    await gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'jane', Password: 'Secret#123' }), { patience: 'long' })
    expect(sent).toHaveLength(3)
    expect(audit.results).toEqual([expect.objectContaining({ operation: 'SignUp', outcome: 'ok' })])
  })

  it("stops retrying when the caller aborts, with the caller's reason and nothing more sent", async () => {
    const { client, sent } = failing(100, () => cognitoException('TooManyRequestsException'))
    const controller = new AbortController()
    const stop = new Error('cancelled by the operator')
    const sleep = async (): Promise<void> => controller.abort(stop)
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit: new MemoryAuditLog(), sleep })
    await expect(gateway.send(list(), { patience: 'long', signal: controller.signal })).rejects.toBe(stop)
    expect(sent).toHaveLength(1)
  })

  it('tells the caller how long the answered request took, without its wait for the limiter', async () => {
    const { client } = fakeCognitoClient(() => new Promise((resolve) => setTimeout(() => resolve({ Users: [] }), 30)))
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit: new MemoryAuditLog(), sleep: noSleep })
    const latencies: number[] = []
    await gateway.send(list(), { onAnswered: (ms) => latencies.push(ms) })
    expect(latencies).toHaveLength(1)
    expect(latencies[0]).toBeGreaterThanOrEqual(25)
  })
})
