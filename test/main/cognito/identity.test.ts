/**
 * The AWS identity on every audit entry: STS GetCallerIdentity through the real SDK client against a
 * loopback stand-in for STS, asked once per connection, and never a reason for a write to wait or fail.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AdminDisableUserCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { cachedIdentity, stsIdentity } from '../../../src/main/cognito/identity'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { fakeCognitoClient } from '../../support/fakeCognitoClient'
import { MemoryAuditLog } from '../../support/memoryAuditLog'

const ARN = 'arn:aws:iam::123456789012:user/ops'
let server: Server
let endpoint = ''
const requests: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      requests.push(body)
      response.setHeader('content-type', 'text/xml')
      response.end(
        `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${ARN}</Arn>` +
          `<UserId>AIDEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`
      )
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((done) => server.close(() => done())))

const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' })

function gatewayWith(identity: ReturnType<typeof cachedIdentity>) {
  const audit = new MemoryAuditLog()
  const { client } = fakeCognitoClient(() => ({}))
  const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit, identity, sleep: async () => undefined })
  return { audit, gateway }
}

describe('caller identity', () => {
  it('asks STS once per connection and records the ARN on intent and result', async () => {
    const before = requests.length
    const { audit, gateway } = gatewayWith(cachedIdentity(stsIdentity({ region: 'eu-west-1', endpoint, credentials })))
    await gateway.send(new AdminDisableUserCommand({ UserPoolId: 'p', Username: 'ann' }))
    await gateway.send(new AdminDisableUserCommand({ UserPoolId: 'p', Username: 'bob' }))
    expect(requests.length - before).toBe(1)
    expect(requests.at(-1)).toContain('GetCallerIdentity')
    expect(audit.entries.map((entry) => entry.identity)).toEqual([ARN, ARN, ARN, ARN])
  })

  it('records "unknown" with the error name when STS refuses, and the write still goes', async () => {
    const refused = Object.assign(new Error('no'), { name: 'ExpiredTokenException' })
    const { audit, gateway } = gatewayWith(cachedIdentity(async () => Promise.reject(refused)))
    await gateway.send(new AdminDisableUserCommand({ UserPoolId: 'p', Username: 'ann' }))
    expect(audit.results[0]).toMatchObject({ outcome: 'ok', identity: 'unknown', identityError: 'ExpiredTokenException' })
  })

  it('does not hold a write back longer than its time limit when STS never answers', async () => {
    const { audit, gateway } = gatewayWith(cachedIdentity(() => new Promise<string>(() => undefined), 50))
    await gateway.send(new AdminDisableUserCommand({ UserPoolId: 'p', Username: 'ann' }))
    expect(audit.results[0]).toMatchObject({ outcome: 'ok', identity: 'unknown', identityError: 'TimeoutError' })
  })
})
