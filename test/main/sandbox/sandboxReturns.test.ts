/**
 * The sandbox's own EventBridge Scheduler: a return due while the sandbox runs is applied (its timer
 * is set for the next due time) and audited as done by the schedule; one that fell due while the
 * sandbox was off is applied when it starts again. The return is made through the app's real path.
 */
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { openConnection, type Connection } from '../../../src/main/cognito/connection'
import { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { SANDBOX_SCHEDULER_ACTOR } from '../../../src/main/sandbox/sandboxReturns'
import { TierReturns } from '../../../src/main/tierReturns/tierReturns'
import { getUser, setTier } from '../../../src/main/users/users'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-returns-')
let connection: Connection | null = null
afterEach(async () => {
  await connection?.close()
  connection = null
})

const open = async (): Promise<Connection> => (connection = await openConnection({ pool: { kind: 'sandbox' }, dataDir: temp.dir, listUsersRate: 30 }))
// The app refuses a return less than a minute ahead; a clock five minutes behind lets the test make one due in seconds.
const returnsOf = (c: Connection) => new TierReturns(c.gateway, c.schedulerRoleArn, () => new Date(Date.now() - 5 * 60_000))
const tierOf = async (c: Connection, username: string) => (await getUser(c.gateway, username)).tier

async function grantDueIn(c: Connection, username: string, ms: number): Promise<void> {
  await c.gateway.send(
    new AdminCreateUserCommand({
      UserPoolId: c.gateway.userPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: `${username}@example.com` },
        { Name: 'custom:user_tier', Value: 'standard' }
      ]
    })
  )
  const until = new Date(Date.now() + ms).toISOString()
  await setTier(c.gateway, new PoolSchemaService(c.gateway), { username, tier: 'premium', until }, undefined, returnsOf(c))
  expect(await tierOf(c, username)).toEqual({ kind: 'tier', tier: 'premium' })
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('timed out')
}

describe('the sandbox applies due tier returns', () => {
  it('runs a return that falls due while it runs, audited as done by the schedule, then deletes the schedule', async () => {
    const c = await open()
    await grantDueIn(c, 'ann', 2_000)
    await waitFor(async () => JSON.stringify(await tierOf(c, 'ann')) === JSON.stringify({ kind: 'tier', tier: 'standard' }), 15_000)
    expect(await returnsOf(c).find('ann')).toBeNull()
    const trail = []
    for await (const entry of c.audit.stream()) trail.push(entry)
    const run = trail.filter((e) => e.identity === SANDBOX_SCHEDULER_ACTOR)
    expect(run.map((e) => [e.phase, e.operation, e.username, e.changes, e.outcome])).toEqual([
      ['intent', 'AdminUpdateUserAttributes', 'ann', { 'custom:user_tier': 'standard' }, undefined],
      ['result', 'AdminUpdateUserAttributes', 'ann', { 'custom:user_tier': 'standard' }, 'ok']
    ])
  }, 30_000)

  it('runs at start a return that fell due while the sandbox was off', async () => {
    let c = await open()
    await grantDueIn(c, 'bob', 1_500)
    await c.close()
    connection = null
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    c = await open()
    expect(await tierOf(c, 'bob')).toEqual({ kind: 'tier', tier: 'standard' })
  }, 30_000)
})
