/**
 * The doctor through the real connection on a cognito-local sandbox: what the emulator can answer
 * (the pool, the client, its secret compared with the configured one, and every client's write list)
 * is checked; STS and IAM are "skipped (sandbox)". A second pool without custom:user_tier, made in the same emulator,
 * gets the fix with a real AddCustomAttributes, and nothing of the probes reaches the audit trail.
 */
import { CreateUserPoolClientCommand, CreateUserPoolCommand, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '../../../src/main/cognito/connection'
import { makeTierReadOnly } from '../../../src/main/doctor/clientFix'
import { runDoctor } from '../../../src/main/doctor/runDoctor'
import { doctorTargetOf } from '../../../src/main/doctor/target'
import { addTierAttribute } from '../../../src/main/doctor/tierFix'
import { provisioningClient } from '../../../src/main/sandbox/sandboxPool'
import { readWholeTrail } from '../../support/memoryAuditLog'
import { openTestSandbox } from '../../support/sandboxConnection'

let sandbox: Awaited<ReturnType<typeof openTestSandbox>>
beforeAll(async () => {
  sandbox = await openTestSandbox()
})
afterAll(async () => sandbox?.close())

describe('the pool doctor on the sandbox', () => {
  it('passes what the emulator can answer and skips STS and IAM', async () => {
    const report = await runDoctor(doctorTargetOf(sandbox.connection, { production: false }))
    expect(report.verdict).toBe('pass')
    const byStatus = (status: string) => report.checks.filter((c) => c.status === status).map((c) => c.id)
    expect(byStatus('pass')).toEqual(['pool', 'client', 'client-flows', 'client-secret', 'tier-attribute', `tier-integrity:${sandbox.connection.clientId}`])
    expect(report.checks.filter((c) => c.status === 'skipped').every((c) => c.detail.startsWith('Skipped (sandbox)'))).toBe(true)
    expect((await readWholeTrail(sandbox.connection.audit)).entries).toEqual([])
  })

  it("makes the tier read-only for a client that may write it, through the sandbox's UpdateUserPoolClient, changing nothing else", async () => {
    const { connection } = sandbox
    const admin = provisioningClient(connection.sandbox!.endpoint(), connection.sandbox!.credential())
    try {
      const created = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: connection.info.userPoolId,
          ClientName: 'public web',
          WriteAttributes: ['email', 'name', 'custom:user_tier'],
          CallbackURLs: ['https://shop.example.com/callback'],
          IdTokenValidity: 2,
          TokenValidityUnits: { IdToken: 'hours' }
        })
      )
      const clientId = created.UserPoolClient!.ClientId!
      const target = doctorTargetOf(connection, { production: false })
      const line = (await runDoctor(target)).checks.find((c) => c.id === `tier-integrity:${clientId}`)!
      expect(line).toMatchObject({ status: 'warn', fixable: 'make-tier-read-only', clientFix: { after: ['email', 'name'] } })
      const describe = async () =>
        (await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: connection.info.userPoolId, ClientId: clientId }))).UserPoolClient!
      const before = await describe()
      await makeTierReadOnly(target, { clientId, expectedWriteAttributes: line.clientFix!.before })
      const after = await describe()
      expect({ ...after, LastModifiedDate: undefined }).toEqual({ ...before, WriteAttributes: ['email', 'name'], LastModifiedDate: undefined })
      expect((await runDoctor(target)).checks.find((c) => c.id === `tier-integrity:${clientId}`)?.status).toBe('pass')
    } finally {
      admin.destroy()
    }
  })

  it('adds custom:user_tier to a pool without it, audited, and the doctor then passes', async () => {
    const { connection } = sandbox
    const admin = provisioningClient(connection.sandbox!.endpoint(), connection.sandbox!.credential())
    try {
      const pool = await admin.send(new CreateUserPoolCommand({ PoolName: 'no-tier' }))
      const poolId = pool.UserPool!.Id!
      const client = await admin.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'plain' }))
      const bare: Connection = {
        ...connection,
        info: { ...connection.info, userPoolId: poolId, clientId: client.UserPoolClient!.ClientId!, hasClientSecret: false },
        clientId: client.UserPoolClient!.ClientId!,
        clientSecret: undefined
      }
      const target = doctorTargetOf(bare, { production: false })
      const before = await runDoctor(target)
      expect(before.checks.filter((c) => c.status === 'fail').map((c) => [c.id, c.fixable])).toEqual([['tier-attribute', 'add-tier-attribute']])
      await addTierAttribute(target, { acknowledgePermanent: true })
      expect((await runDoctor(target)).verdict).toBe('pass')
      const trail = (await readWholeTrail(connection.audit)).entries.filter((e) => e.userPoolId === poolId)
      expect(trail.map((e) => [e.phase, e.operation, e.userPoolId, e.identity, e.outcome])).toEqual([
        ['intent', 'AddCustomAttributes', poolId, 'sandbox', undefined],
        ['result', 'AddCustomAttributes', poolId, 'sandbox', 'ok']
      ])
    } finally {
      admin.destroy()
    }
  })
})
