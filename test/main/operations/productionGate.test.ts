/**
 * A profile marked production, through the real IPC path (registerIpc → invokeOperation → the real
 * handlers) against a cognito-local sandbox reached as an emulator endpoint: every write is refused
 * until confirmed, naming the pool, and a confirmation is spent by one call. Also: placeholder AWS keys
 * only for an endpoint marked emulator.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openAppContext, type AppContext } from '../../../src/main/app/appContext'
import { ProfileStore } from '../../../src/main/config/profileStore'
import { CONFIRMATION_TTL_MS, ProductionGate } from '../../../src/main/operations/productionGate'
import { createOperations } from '../../../src/main/operations/handlers'
import { invokeOperation } from '../../../src/main/operations/invoke'
import { registerIpc } from '../../../src/main/ipc/registerIpc'
import { getUser } from '../../../src/main/users/users'
import { SANDBOX_REGION } from '../../../src/main/sandbox/constants'
import { contract, isWriteOperation, operations, type Operation } from '../../../src/shared/contract'
import { profileSchemas } from '../../../src/shared/profiles'
import { cleanEnv } from '../../support/cliRunner'
import { openEmulatorEndpoint } from '../../support/credentialProxy'
import { fakeSecretStore } from '../../support/fakeSecretStore'
import { openTestSandbox } from '../../support/sandboxConnection'
import { makeTempDir } from '../../support/tempDir'
import { sampleRequests } from './sampleRequests'

type Listener = (event: unknown, payload: unknown) => Promise<unknown>

describe('a production profile', () => {
  let sandbox: Awaited<ReturnType<typeof openTestSandbox>>
  let endpoint: Awaited<ReturnType<typeof openEmulatorEndpoint>>
  let app: AppContext
  const temp = makeTempDir('tier-admin-prod-')
  const listeners = new Map<string, Listener>()
  const call = (operation: Operation, payload?: unknown) =>
    listeners.get(contract[operation].channel)!({ senderFrame: { url: 'app://tier-admin/index.html' } }, payload) as Promise<{
      ok: boolean
      data?: unknown
      error?: { code: string; message: string }
    }>

  beforeAll(async () => {
    sandbox = await openTestSandbox()
    const emulator = sandbox.connection.sandbox!
    endpoint = await openEmulatorEndpoint(() => ({ endpoint: emulator.endpoint(), credential: emulator.credential() }))
    const secrets = fakeSecretStore()
    await new ProfileStore(temp.dir, secrets).save(
      profileSchemas.save.parse({
        name: 'Prod (sim)',
        region: SANDBOX_REGION,
        userPoolId: emulator.userPoolId,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        endpoint: endpoint.endpoint,
        emulator: true,
        production: true
      })
    )
    app = await openAppContext({
      env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }),
      cwd: temp.dir,
      secretStore: secrets,
      profile: 'prod-sim',
      processLabel: 'the production test'
    })
    writeFileSync(join(temp.dir, 'people.csv'), 'username,email\nprod_csv,csv@example.com\n')
    const frontEnd = {
      chooseSaveFile: async () => join(temp.dir, 'saved.csv'),
      chooseOpenFile: async () => join(temp.dir, 'people.csv'),
      askInPerson: async () => {
        asked++
        return personSays
      }
    }
    registerIpc(
      { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener) } as never,
      createOperations(app, frontEnd).handlers,
      () => true
    )
  })

  afterAll(async () => {
    await app?.close()
    await endpoint?.close()
    await sandbox?.close()
    temp.remove()
  })

  const jane = { username: 'prod_jane', email: 'jane@example.com', password: 'Passw0rd!x', tier: 'standard' }
  /** What the person at the computer answers main's own question, and how often they were asked. */
  let personSays = false
  let asked = 0

  it('lets no write through unconfirmed, and no operation that is not marked `write` changes the pool', async () => {
    const userPoolId = sandbox.connection.sandbox!.userPoolId
    const requests = sampleRequests(userPoolId, endpoint.endpoint, jane)
    const trail = join(temp.dir, 'audit.jsonl')
    const intents = (): number =>
      existsSync(trail)
        ? readFileSync(trail, 'utf8')
            .split('\n')
            .filter((line) => line.includes('"intent"')).length
        : 0
    // The confirmation last: it arms a write, which none of the others may have.
    for (const operation of [...operations.filter((name) => name !== 'confirmProductionWrite'), 'confirmProductionWrite' as const]) {
      const before = intents()
      const reply = await call(operation, requests[operation])
      if (isWriteOperation(operation)) expect(reply, operation).toMatchObject({ ok: false, error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' } })
      expect(intents(), `${operation} sent a write to the pool`).toBe(before)
    }
  })

  it('refuses a write without the confirmation, names the pool, and sends nothing', async () => {
    expect(app.status.state).toBe('connected')
    const refused = await call('register', jane)
    expect(refused).toMatchObject({ ok: false, error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' } })
    expect(refused.error!.message).toContain(sandbox.connection.sandbox!.userPoolId)
    await expect(getUser(sandbox.connection.gateway, 'prod_jane')).rejects.toMatchObject({ name: 'UserNotFoundException' })
    // Reads need no confirmation.
    expect(await call('searchUsers', { query: 'prod', by: 'username' })).toMatchObject({ ok: true })
  })

  it('allows exactly one call after the operator confirmed that operation on that pool', async () => {
    const userPoolId = sandbox.connection.sandbox!.userPoolId
    expect(await call('confirmProductionWrite', { userPoolId: 'us-east-1_Other', operation: 'register' })).toMatchObject({
      ok: false,
      error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' }
    })
    expect(await call('confirmProductionWrite', { userPoolId, operation: 'setTier' })).toMatchObject({ ok: true, data: { armed: true } })
    // A confirmation of setTier does not let a register through.
    expect(await call('register', jane)).toMatchObject({ ok: false, error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' } })
    expect(await call('confirmProductionWrite', { userPoolId, operation: 'register' })).toMatchObject({ ok: true, data: { armed: true } })
    const registered = await call('register', jane)
    expect(registered, JSON.stringify(registered)).toMatchObject({ ok: true })
    expect(await call('register', { ...jane, username: 'prod_joe' })).toMatchObject({ ok: false, error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' } })
    expect(await call('getUser', { username: 'prod_jane' })).toMatchObject({ ok: true })
    // The setTier permission armed above is still there, and is spent here.
    expect(await call('setTier', { username: 'prod_jane', tier: 'premium' })).toMatchObject({ ok: true })
    expect(await call('setTier', { username: 'prod_jane', tier: 'standard' })).toMatchObject({ ok: false, error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' } })
  })

  it('forgets permissions on a switch, and the sandbox needs none', async () => {
    const userPoolId = sandbox.connection.sandbox!.userPoolId
    await call('confirmProductionWrite', { userPoolId, operation: 'deleteUser' })
    const switched = await call('switchProfile', { id: 'sandbox' })
    expect(switched).toMatchObject({ ok: true, data: { state: 'connected', info: { mode: 'sandbox' } } })
    expect(await call('listProfiles')).toMatchObject({ ok: true, data: { activeId: 'sandbox' } })
    expect(await call('register', { ...jane, username: 'sandbox_sam' })).toMatchObject({ ok: true })
    await call('switchProfile', { id: 'prod-sim' })
    expect(await call('deleteUser', { username: 'prod_jane', confirmUsername: 'prod_jane' })).toMatchObject({
      ok: false,
      error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' }
    })
    expect(JSON.stringify(await call('listProfiles'))).not.toContain(sandbox.connection.sandbox!.clientSecret)
  })

  it('keeps the mark with the pool: a save cannot untick it, and a twin profile of the pool is production too', async () => {
    const emulator = sandbox.connection.sandbox!
    const pool = { region: SANDBOX_REGION, userPoolId: emulator.userPoolId, clientId: emulator.clientId, endpoint: endpoint.endpoint, emulator: true }
    const unticked = await call('saveProfile', { id: 'prod-sim', name: 'Prod (sim)', ...pool, production: false })
    expect(unticked).toMatchObject({ ok: false, error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' } })
    expect(await call('register', { ...jane, username: 'prod_after_untick' })).toMatchObject({ ok: false, error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' } })
    const saved = (await call('saveProfile', { name: 'Twin', ...pool, production: false })) as {
      ok: true
      data: { profiles: { id: string; name: string; production: boolean }[] }
    }
    const twin = saved.data.profiles.find((profile) => profile.name === 'Twin')!
    expect(twin.production).toBe(true)
    await call('switchProfile', { id: twin.id })
    expect(await call('deleteUser', { username: 'prod_jane', confirmUsername: 'prod_jane' })).toMatchObject({
      ok: false,
      error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' }
    })
    await call('switchProfile', { id: 'prod-sim' })
  })

  it('lifts the mark only when a person says yes in main to the pool ID typed again, and audits it', async () => {
    const userPoolId = sandbox.connection.sandbox!.userPoolId
    const request = { region: SANDBOX_REGION, userPoolId, typedPoolId: userPoolId }
    // A page's call alone, with nobody main can ask: refused.
    const nobody = await invokeOperation(createOperations(app).handlers, 'unmarkProduction', request)
    expect(nobody).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } })
    expect(await call('unmarkProduction', { ...request, typedPoolId: 'us-east-1_Other' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(asked).toBe(0)
    personSays = false
    expect(await call('unmarkProduction', request)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(await call('register', { ...jane, username: 'prod_after_no' })).toMatchObject({ ok: false, error: { code: 'PRODUCTION_CONFIRMATION_REQUIRED' } })
    personSays = true
    const lifted = (await call('unmarkProduction', request)) as { ok: true; data: { profiles: { userPoolId: string; production: boolean }[] } }
    expect(asked).toBe(2)
    expect(lifted.data.profiles.filter((profile) => profile.userPoolId === userPoolId).map((profile) => profile.production)).toEqual([false, false])
    const trail = readFileSync(join(temp.dir, 'audit.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { operation: string; phase: string; outcome?: string })
    expect(trail.filter((entry) => entry.operation === 'RemoveProductionMark').map((entry) => [entry.phase, entry.outcome])).toEqual([
      ['intent', undefined],
      ['result', 'ok']
    ])
  })
})

describe('the confirmation window', () => {
  it('lasts 60 seconds', () => {
    let now = 1_000
    const gate = new ProductionGate(
      () => ({ production: true, userPoolId: 'p', profileName: 'Prod' }),
      () => now
    )
    gate.confirm('p', 'bulkStart')
    now += CONFIRMATION_TTL_MS + 1
    expect(() => gate.consume('bulkStart')).toThrow(/needs your explicit confirmation/)
    gate.allowAll('p')
    expect(() => gate.consume('bulkStart')).not.toThrow()
  })
})

describe('placeholder AWS credentials', () => {
  const noCredentials = (dir: string) => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '')
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '')
    vi.stubEnv('AWS_SESSION_TOKEN', '')
    vi.stubEnv('AWS_PROFILE', '')
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'no-config'))
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'no-credentials'))
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true')
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', '')
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', '')
    vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', '')
  }

  it('are used only at an endpoint marked emulator; a real endpoint without credentials says none were found', async () => {
    const temp = makeTempDir('tier-admin-creds-')
    noCredentials(temp.dir)
    try {
      const base = { TIER_ADMIN_DATA_DIR: temp.dir, COGNITO_USER_POOL_ID: 'us-east-1_Vpc1', COGNITO_CLIENT_ID: 'c', COGNITO_ENDPOINT: 'http://127.0.0.1:9' }
      const real = await openAppContext({ env: cleanEnv(base), cwd: temp.dir })
      const { handlers } = createOperations(real)
      await expect(handlers.getUser({ username: 'x' })).rejects.toMatchObject({ name: 'CredentialsProviderError' })
      expect(await invokeOperation(handlers, 'getUser', { username: 'x' })).toMatchObject({ ok: false, error: { code: 'NO_CREDENTIALS' } })
      await real.close()
      const emulator = await openAppContext({ env: cleanEnv({ ...base, COGNITO_ENDPOINT_IS_EMULATOR: 'true' }), cwd: temp.dir })
      // Placeholder keys are signed and sent: the closed port answers, not the credential chain.
      await expect(createOperations(emulator).handlers.getUser({ username: 'x' })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
      await emulator.close()
    } finally {
      vi.unstubAllEnvs()
      temp.remove()
    }
  })
})
