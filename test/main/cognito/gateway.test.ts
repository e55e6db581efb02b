/**
 * The gateway, on an SDK-level fake (cognito-local never throttles): throttling slows the shared
 * limiter and is retried; every write is audited, failures too; nothing secret is written down.
 */
import { AdminUpdateUserAttributesCommand, ListUsersCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { MemoryAuditLog } from '../../../src/main/cognito/audit'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { cognitoException, fakeCognitoClient } from '../../support/fakeCognitoClient'

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
    expect(audit.entries).toEqual([expect.objectContaining({ operation: 'SignUp', username: 'jane', outcome: 'failed', errorName: 'UsernameExistsException' })])
  })

  it('audits writes with the tier value but no other attribute values or passwords, and never reads', async () => {
    const { client } = fakeCognitoClient(() => ({}))
    const audit = new MemoryAuditLog()
    const gateway = new CognitoGateway({ client, userPoolId: 'pool-1', limiters: new QuotaLimiters(), audit, sleep: noSleep })
    await gateway.send(new ListUsersCommand({ UserPoolId: 'pool-1' }))
    await gateway.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: 'pool-1', Username: 'jane', UserAttributes: [{ Name: 'custom:user_tier', Value: 'premium' }, { Name: 'custom:company', Value: 'Secret Corp' }] })
    )
    await gateway.send(new SignUpCommand({ ClientId: 'c', Username: 'bob', Password: 'Hunter#2hunter', SecretHash: 'hash' }))
    expect(audit.entries.map((entry) => entry.operation)).toEqual(['AdminUpdateUserAttributes', 'SignUp'])
    expect(audit.entries[0].changes).toEqual({ 'custom:user_tier': 'premium', 'custom:company': '(set)' })
    const written = JSON.stringify(audit.entries)
    expect(written).not.toContain('Hunter#2hunter')
    expect(written).not.toContain('Secret Corp')
    expect(written).not.toContain('hash')
  })
})
