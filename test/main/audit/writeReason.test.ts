/** A write's reason reaches every request it makes: the audit intent, and ClientMetadata where Cognito takes it. */
import { AdminDisableUserCommand, AdminUpdateUserAttributesCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { withReason } from '../../../src/main/audit/writeReason'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { fakeCognitoClient } from '../../support/fakeCognitoClient'
import { MemoryAuditLog } from '../../support/memoryAuditLog'

function gateway() {
  const { client, sent } = fakeCognitoClient(() => ({}))
  const audit = new MemoryAuditLog()
  return { gateway: new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit }), sent, audit }
}

describe('the reason of a write', () => {
  it('goes into the audit intent, and into ClientMetadata where the command takes it', async () => {
    const { gateway: g, sent, audit } = gateway()
    await withReason('  TICKET-812 upgrade after payment  ', async () => {
      await g.send(
        new AdminUpdateUserAttributesCommand({ UserPoolId: 'p', Username: 'jane', UserAttributes: [{ Name: 'custom:user_tier', Value: 'premium' }] })
      )
      await g.send(new AdminDisableUserCommand({ UserPoolId: 'p', Username: 'jane' }))
      await g.send(new ListUsersCommand({ UserPoolId: 'p' }))
    })
    expect(sent.map((request) => [request.name, (request.input as { ClientMetadata?: unknown }).ClientMetadata])).toEqual([
      ['AdminUpdateUserAttributes', { reason: 'TICKET-812 upgrade after payment' }],
      ['AdminDisableUser', undefined],
      ['ListUsers', undefined]
    ])
    expect(audit.entries.filter((entry) => entry.phase === 'intent').map((entry) => [entry.operation, entry.reason])).toEqual([
      ['AdminUpdateUserAttributes', 'TICKET-812 upgrade after payment'],
      ['AdminDisableUser', 'TICKET-812 upgrade after payment']
    ])
  })

  it('follows work started under it (a job), and stays with that write only', async () => {
    const { gateway: g, audit } = gateway()
    let job: Promise<unknown> = Promise.resolve()
    await withReason('TICKET-9', async () => {
      job = new Promise((resolve) => setTimeout(resolve, 5)).then(() => g.send(new AdminDisableUserCommand({ UserPoolId: 'p', Username: 'a' })))
    })
    await g.send(new AdminDisableUserCommand({ UserPoolId: 'p', Username: 'b' }))
    await job
    const reasons = Object.fromEntries(audit.entries.filter((entry) => entry.phase === 'intent').map((entry) => [entry.username, entry.reason]))
    expect(reasons).toEqual({ a: 'TICKET-9', b: undefined })
  })
})
