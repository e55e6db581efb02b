/**
 * The doctor through the real connection on a cognito-local sandbox: what the emulator can answer
 * (the pool, the client, its secret and attribute permissions) is checked; STS, the secret hash and
 * IAM are "skipped (sandbox)". A second pool without custom:user_tier, made in the same emulator,
 * gets the fix with a real AddCustomAttributes, and nothing of the probes reaches the audit trail.
 */
import { CreateUserPoolClientCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '../../../src/main/cognito/connection'
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
  it('passes what the emulator can answer and skips STS, the secret hash and IAM', async () => {
    const report = await runDoctor(doctorTargetOf(sandbox.connection))
    expect(report.verdict).toBe('pass')
    const byStatus = (status: string) => report.checks.filter((c) => c.status === status).map((c) => c.id)
    expect(byStatus('pass')).toEqual(['pool', 'client', 'client-flows', 'client-secret-set', 'tier-attribute', 'client-attributes'])
    expect(report.checks.filter((c) => c.status === 'skipped').every((c) => c.detail.startsWith('Skipped (sandbox)'))).toBe(true)
    expect((await readWholeTrail(sandbox.connection.audit)).entries).toEqual([])
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
      const target = doctorTargetOf(bare)
      const before = await runDoctor(target)
      expect(before.checks.filter((c) => c.status === 'fail').map((c) => [c.id, c.fixable])).toEqual([['tier-attribute', 'add-tier-attribute']])
      await addTierAttribute(target, { acknowledgePermanent: true })
      expect((await runDoctor(target)).verdict).toBe('pass')
      const trail = (await readWholeTrail(connection.audit)).entries
      expect(trail.map((e) => [e.phase, e.operation, e.userPoolId, e.identity, e.outcome])).toEqual([
        ['intent', 'AddCustomAttributes', poolId, 'sandbox', undefined],
        ['result', 'AddCustomAttributes', poolId, 'sandbox', 'ok']
      ])
    } finally {
      admin.destroy()
    }
  })
})
