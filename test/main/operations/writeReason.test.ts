/**
 * A reason typed for a write, through the real operations layer against the simulated pool: it reaches
 * Cognito's ClientMetadata, the user's history, the Audit rows, the audit CSV and a bulk job's results
 * CSV; a profile that asks for one refuses a write without it before anything is sent; and a tier
 * change says when it takes effect, read from the pool's app clients.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppContext, type AppContext } from '../../../src/main/app/appContext'
import { ProfileStore } from '../../../src/main/config/profileStore'
import { createOperations } from '../../../src/main/operations/handlers'
import { invokeOperation } from '../../../src/main/operations/invoke'
import type { Operation, RequestOf } from '../../../src/shared/contract'
import { profileSchemas } from '../../../src/shared/profiles'
import { cleanEnv } from '../../support/cliRunner'
import { startCognitoSim, type CognitoSim, type SimClientSeed } from '../../support/cognitoSim'
import { fakeSecretStore } from '../../support/fakeSecretStore'
import { makeTempDir } from '../../support/tempDir'

const APP_CLIENT = 'appclient000000000000001'
const clients: SimClientSeed[] = [
  {
    ClientName: 'tier-admin',
    ClientId: APP_CLIENT,
    ReadAttributes: ['email', 'custom:user_tier'],
    IdTokenValidity: 45,
    TokenValidityUnits: { IdToken: 'minutes' }
  },
  { ClientName: 'web', ReadAttributes: ['email', 'custom:user_tier'], IdTokenValidity: 2, TokenValidityUnits: { IdToken: 'hours' } },
  // No read list: only the standard attributes and the _verified flags, so never the tier.
  { ClientName: 'legacy kiosk' }
]
const user = (username: string) => ({ username, attributes: { email: `${username}@example.com`, 'custom:user_tier': 'standard' } })

describe('the reason of a write, from the request to every record of it', () => {
  const temp = makeTempDir('tier-admin-reason-')
  let sim: CognitoSim
  let app: AppContext
  const metadata: [string, unknown][] = []
  let saveTo = ''
  let call: <K extends Operation>(operation: K, request: RequestOf<K> | undefined, audience?: 'app' | 'cli') => ReturnType<typeof invokeOperation<K>>

  beforeAll(async () => {
    sim = await startCognitoSim({
      detailedUsers: ['ada', 'bob', 'cy', 'dee'].map(user),
      clients,
      clientId: APP_CLIENT,
      describeSchema: true,
      onRequest: (operation, body) => {
        if (operation === 'AdminUpdateUserAttributes') metadata.push([String(body.Username), body.ClientMetadata])
      }
    })
    const secrets = fakeSecretStore()
    await new ProfileStore(temp.dir, secrets).save(
      profileSchemas.save.parse({
        name: 'Support desk',
        region: 'us-east-1',
        userPoolId: sim.userPoolId,
        clientId: APP_CLIENT,
        endpoint: sim.endpoint,
        emulator: true,
        requireReason: true
      })
    )
    app = await openAppContext({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }), cwd: temp.dir, secretStore: secrets, profile: 'support-desk' })
    const { handlers } = createOperations(app, { chooseSaveFile: async () => saveTo })
    call = (operation, request, audience = 'app') => invokeOperation(handlers, operation, request, audience)
  })

  afterAll(async () => {
    await app?.close()
    await sim?.stop()
    temp.remove()
  })

  it('is refused as missing on a profile that asks for one, before anything is sent, in the words of each front end', async () => {
    const app = await call('setTier', { username: 'ada', tier: 'premium' })
    expect(app).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED', fields: { reason: expect.any(String) } } })
    expect(!app.ok && app.error.message).toMatch(/Ticket or reason/)
    const blank = await call('setTier', { username: 'ada', tier: 'premium', reason: '   ' }, 'cli')
    expect(blank).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } })
    expect(!blank.ok && blank.error.message).toMatch(/--reason/)
    expect(sim.writes).toEqual([])
    expect(sim.tierOf('ada')).toBe('standard')
  })

  it('is refused when too long or not text, naming the field', async () => {
    const long = await call('disableUser', { username: 'ada', reason: 'x'.repeat(201) })
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: 'A reason has at most 200 characters' } } })
    const cli = await call('disableUser', { username: 'ada', reason: 'x'.repeat(201) }, 'cli')
    expect(!cli.ok && cli.error.message).toMatch(/--reason: A reason has at most 200 characters/)
    const number = await invokeOperation(createOperations(app).handlers, 'disableUser', { username: 'ada', reason: 7 })
    expect(number).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: expect.any(String) } } })
    // An operation that does not write takes no reason: its strict schema refuses the field.
    expect(await invokeOperation(createOperations(app).handlers, 'getUser', { username: 'ada', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: 'This form has no such field' } }
    })
  })

  it('reaches ClientMetadata, the history, the Audit rows and the audit CSV, and the change says when it takes effect', async () => {
    const changed = await call('setTier', { username: 'ada', tier: 'premium', reason: '  TICKET-812 paid upgrade  ' })
    expect(changed).toMatchObject({ ok: true, data: { to: 'premium' } })
    expect(changed.ok && changed.data.takesEffect).toEqual({ within: '2 hours', clients: 3, cannotRead: ['legacy kiosk'] })
    expect(metadata).toContainEqual(['ada', { reason: 'TICKET-812 paid upgrade' }])

    const history = await call('userHistory', { username: 'ada' })
    expect(history.ok && history.data.entries[0]).toMatchObject({ reason: 'TICKET-812 paid upgrade' })
    const rows = await call('auditQuery', { reason: 'ticket-812' })
    expect(rows.ok && rows.data.rows.map((row) => [row.username, row.operation, row.reason])).toEqual([
      ['ada', 'AdminUpdateUserAttributes', 'TICKET-812 paid upgrade']
    ])
    saveTo = join(temp.dir, 'audit.csv')
    expect(await call('auditExport', {})).toMatchObject({ ok: true })
    const csv = readFileSync(saveTo, 'utf8').split('\r\n')
    expect(csv[0]).toMatch(/,reason$/)
    expect(csv.find((line) => line.includes('AdminUpdateUserAttributes'))).toMatch(/,TICKET-812 paid upgrade$/)
  })

  it('follows a bulk job: every row carries the reason it started with, into its results CSV', async () => {
    const preview = await call('bulkPreview', { rows: ['bob', 'cy'].map((username) => ({ username, tier: 'premium' })) })
    if (!preview.ok) throw new Error(preview.error.message)
    expect(await call('bulkStart', { jobId: preview.data.jobId })).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } })
    expect(await call('bulkStart', { jobId: preview.data.jobId, reason: 'TICKET-900 plan migration' })).toMatchObject({ ok: true })
    await app.services().bulk.settled(preview.data.jobId)
    // Rows run side by side: in either order.
    expect(metadata.filter(([username]) => username === 'bob' || username === 'cy').sort()).toEqual([
      ['bob', { reason: 'TICKET-900 plan migration' }],
      ['cy', { reason: 'TICKET-900 plan migration' }]
    ])
    const detail = await call('bulkJob', { jobId: preview.data.jobId })
    expect(detail.ok && detail.data.takesEffect).toMatchObject({ within: '2 hours', cannotRead: ['legacy kiosk'] })
    saveTo = join(temp.dir, 'bulk.csv')
    expect(await call('bulkResultsCsv', { jobId: preview.data.jobId })).toMatchObject({ ok: true })
    const lines = readFileSync(saveTo, 'utf8').trim().split('\r\n')
    expect(lines[0]).toBe('row,username,from,to,outcome,reason,return,ticket_or_reason')
    expect(lines.slice(1).every((line) => line.endsWith(',TICKET-900 plan migration'))).toBe(true)
  })
})

describe('when a tier change takes effect', () => {
  const temp = makeTempDir('tier-admin-effect-')
  afterAll(() => temp.remove())

  const effectOf = async (seeds: SimClientSeed[]) => {
    const sim = await startCognitoSim({ detailedUsers: [user('eve')], clients: seeds, clientId: seeds[0]!.ClientId, describeSchema: true })
    const dir = join(temp.dir, String(Math.random()).slice(2))
    const secrets = fakeSecretStore()
    const profile = { name: 'Sim', region: 'us-east-1', userPoolId: sim.userPoolId, clientId: seeds[0]!.ClientId!, endpoint: sim.endpoint, emulator: true }
    await new ProfileStore(dir, secrets).save(profileSchemas.save.parse(profile))
    const app = await openAppContext({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dir }), cwd: dir, secretStore: secrets, profile: 'sim' })
    try {
      const result = await invokeOperation(createOperations(app).handlers, 'setTier', { username: 'eve', tier: 'premium' })
      return result.ok ? result.data.takesEffect : result.error
    } finally {
      await app.close()
      await sim.stop()
    }
  }

  it('takes the longest ID-token lifetime in each client’s own unit, and Cognito’s hour for a client that sets none', async () => {
    const reads = ['custom:user_tier']
    expect(await effectOf([{ ClientName: 'a', ClientId: 'clienta00000000000000001', ReadAttributes: reads }])).toEqual({
      within: '1 hour',
      clients: 1,
      cannotRead: []
    })
    expect(
      await effectOf([
        { ClientName: 'a', ClientId: 'clienta00000000000000001', ReadAttributes: reads, IdTokenValidity: 90, TokenValidityUnits: { IdToken: 'minutes' } },
        { ClientName: 'b', ReadAttributes: reads, IdTokenValidity: 1, TokenValidityUnits: { IdToken: 'hours' } }
      ])
    ).toMatchObject({ within: '90 minutes' })
    expect(
      await effectOf([
        { ClientName: 'a', ClientId: 'clienta00000000000000001', ReadAttributes: reads, IdTokenValidity: 1, TokenValidityUnits: { IdToken: 'days' } },
        { ClientName: 'b', IdTokenValidity: 3600, TokenValidityUnits: { IdToken: 'seconds' } },
        { ClientName: 'c', ReadAttributes: ['email'] }
      ])
    ).toEqual({ within: '1 day', clients: 3, cannotRead: ['b', 'c'] })
  })
})

describe('the profile setting', () => {
  const temp = makeTempDir('tier-admin-require-')
  afterAll(() => temp.remove())

  it('is on by default for a production pool, off otherwise, and a choice made holds', async () => {
    const store = new ProfileStore(temp.dir, fakeSecretStore())
    const base = { region: 'eu-west-1', clientId: 'abc123', emulator: false }
    await store.save(profileSchemas.save.parse({ ...base, name: 'Prod', userPoolId: 'eu-west-1_Prod1', production: true }))
    await store.save(profileSchemas.save.parse({ ...base, name: 'Staging', userPoolId: 'eu-west-1_Stage1' }))
    await store.save(profileSchemas.save.parse({ ...base, name: 'Prod quiet', userPoolId: 'eu-west-1_Prod2', production: true, requireReason: false }))
    const { listProfiles } = await import('../../../src/main/config/profiles')
    const { summaries } = await listProfiles({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }), cwd: temp.dir })
    expect(Object.fromEntries(summaries.map((summary) => [summary.name, summary.requireReason]))).toEqual({
      Sandbox: false,
      Prod: true,
      Staging: false,
      'Prod quiet': false
    })
  })
})
