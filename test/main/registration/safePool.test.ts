/**
 * Registration on a safe pool (no app client may write custom:user_tier), on the Cognito simulator,
 * which holds SignUp to the client's write list as Cognito does: SignUp goes without the tier and the
 * tier is set at once as an administrator, both under one audit intent; a client that may write the
 * tier still gets it in SignUp. A process killed between SignUp and the tier write leaves a user
 * without a tier, which is found (from the trail, checked with Cognito), shown as "registration not
 * finished", and finished.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { FileAuditLog } from '../../../src/main/audit/auditLog'
import { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { registerUser } from '../../../src/main/registration/registration'
import { findUnfinished, finishRegistration, markUnfinished } from '../../../src/main/registration/unfinished'
import { getUser } from '../../../src/main/users/users'
import { tierLabel } from '../../../src/shared/tiers'
import { startCognitoSim, type CognitoSim, type CognitoSimOptions, type SimClientSeed } from '../../support/cognitoSim'
import { readWholeTrail } from '../../support/memoryAuditLog'
import { simConnection } from '../../support/simConnection'
import { makeTempDir } from '../../support/tempDir'

const TIER = 'custom:user_tier'
const readOnly: SimClientSeed = {
  ClientName: 'tier-admin',
  ClientId: 'tieradminclient0000000001',
  ClientSecret: 'app-secret',
  WriteAttributes: ['email', 'name']
}
const writing: SimClientSeed = { ...readOnly, WriteAttributes: ['email', 'name', TIER] }

const temp = makeTempDir('tier-admin-safe-pool-')
afterAll(() => temp.remove())
let sim: CognitoSim | undefined
afterEach(async () => {
  await sim?.stop()
  sim = undefined
})

async function open(client: SimClientSeed, options: Partial<CognitoSimOptions> = {}) {
  sim = await startCognitoSim({ detailedUsers: [], clients: [client], ...options })
  const app = { endpoint: sim.endpoint, userPoolId: sim.userPoolId, clientId: client.ClientId!, clientSecret: client.ClientSecret }
  return { sim, app }
}

const register = (connection: ReturnType<typeof simConnection>, username: string, tier = 'premium') =>
  registerUser(connection, new PoolSchemaService(connection.gateway), { username, email: `${username}@example.com`, password: 'Secure#Pass123', tier })

describe('registration on a safe pool', () => {
  it('registers through a client that may not write the tier: SignUp without it, then the tier as an administrator, under one audit intent', async () => {
    const { sim: s, app } = await open(readOnly)
    const connection = simConnection(app)
    const result = await register(connection, 'ada')
    expect(result).toMatchObject({ username: 'ada', tier: 'premium' })
    expect(s.tierOf('ada')).toBe('premium')
    const writes = s.writes.filter((w) => w.username === 'ada').map((w) => [w.operation, w.outcome])
    expect(writes).toEqual([
      ['SignUp', 'ok'],
      ['AdminUpdateUserAttributes', 'ok']
    ])
    const entries = connection.audit.entries.map((e) => [e.phase, e.operation, e.username, e.changes?.[TIER], e.steps, e.stepsDone, e.outcome])
    expect(entries).toEqual([
      ['intent', 'SignUp', 'ada', 'premium', ['SignUp', 'AdminUpdateUserAttributes'], undefined, undefined],
      ['result', 'SignUp', 'ada', 'premium', ['SignUp', 'AdminUpdateUserAttributes'], ['SignUp', 'AdminUpdateUserAttributes'], 'ok']
    ])
    expect(await findUnfinished(connection)).toEqual([])
  })

  it('sends the tier in SignUp through a client that may write it', async () => {
    const { sim: s, app } = await open(writing)
    const connection = simConnection(app)
    await register(connection, 'bob', 'standard')
    expect(s.tierOf('bob')).toBe('standard')
    expect(s.writes.map((w) => w.operation)).toEqual(['SignUp'])
    expect(connection.audit.entries.every((e) => e.steps === undefined)).toBe(true)
  })

  it('finds a registration killed between SignUp and the tier write, shows it as not finished, and finishes it', async () => {
    let killChild: () => void = () => undefined
    let holding: () => void = () => undefined
    let held = false
    const tierWriteHeld = new Promise<void>((resolve) => (holding = resolve))
    const { sim: s, app } = await open(readOnly, {
      // The tier write is held until the process that sent it is dead: it never reaches the pool.
      onRequest: (operation) => {
        if (operation !== 'AdminUpdateUserAttributes' || held) return
        held = true
        holding()
        return new Promise<void>((resolve) => {
          killChild = () => resolve()
        })
      }
    })
    const trail = join(temp.dir, 'audit.jsonl')
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, '../../support/registerChild.ts'),
        trail,
        app.endpoint,
        app.userPoolId,
        app.clientId,
        app.clientSecret!,
        'cy',
        'premium'
      ],
      { stdio: 'inherit' }
    )
    try {
      await tierWriteHeld
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
    } finally {
      child.kill('SIGKILL')
      killChild()
    }
    expect(s.tierOf('cy')).toBeUndefined()
    const { entries } = await readWholeTrail(new FileAuditLog(trail))
    expect(entries.map((e) => [e.phase, e.operation, e.username])).toEqual([['intent', 'SignUp', 'cy']])

    // The next start: the trail names the registration, Cognito confirms the user is there without a tier.
    const connection = simConnection(app, new FileAuditLog(trail))
    expect(await findUnfinished(connection)).toEqual([{ username: 'cy', tier: 'premium', startedAt: entries[0].at }])
    const shown = await markUnfinished(connection, await getUser(connection.gateway, 'cy'))
    expect(tierLabel(shown.tier)).toBe('no tier — registration not finished')

    await finishRegistration(connection, 'cy')
    expect(s.tierOf('cy')).toBe('premium')
    expect(await findUnfinished(connection)).toEqual([])
    expect((await markUnfinished(connection, await getUser(connection.gateway, 'cy'))).tier).toEqual({ kind: 'tier', tier: 'premium' })
    const after = (await readWholeTrail(new FileAuditLog(trail))).entries
    expect(after.map((e) => [e.phase, e.operation, e.changes?.[TIER], e.previous?.[TIER], e.outcome])).toEqual([
      ['intent', 'SignUp', 'premium', undefined, undefined],
      ['intent', 'AdminUpdateUserAttributes', 'premium', '', undefined],
      ['result', 'AdminUpdateUserAttributes', 'premium', '', 'ok'],
      ['result', 'SignUp', 'premium', undefined, 'ok']
    ])
    await expect(finishRegistration(connection, 'cy')).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})
