/**
 * Canary secrets (an AWS secret access key, a session token, a client secret) planted in the
 * configuration of a pool reached through COGNITO_ENDPOINT (the sandbox's emulator behind an open
 * endpoint) must never come back out: not in an IPC reply, a pushed event, a console line, a file of
 * the data folder or one the app saved, nor the CLI's output. The journey goes through every channel
 * of the contract (those that cannot work here answer an error, which is searched too), the ticket
 * summary among them (app and CLI).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppContext, type AppContext } from '../../../src/main/app/appContext'
import type { FrontEnd } from '../../../src/main/operations/frontEnd'
import { createOperations } from '../../../src/main/operations/handlers'
import { registerIpc } from '../../../src/main/ipc/registerIpc'
import { SANDBOX_REGION } from '../../../src/main/sandbox/constants'
import { contract, operations, type Operation } from '../../../src/shared/contract'
import { CANARIES, CANARY_ACCESS_KEY_ID, filePlaces, findCanaries, scramblingSecretStore, type Place } from '../../support/canaryScan'
import { cleanEnv, runTierAdmin } from '../../support/cliRunner'
import { openEmulatorEndpoint } from '../../support/credentialProxy'
import { openHeaderTap } from '../../support/headerTap'
import { validSample } from '../../support/malformedPayloads'
import { openTestSandbox } from '../../support/sandboxConnection'
import { makeTempDir } from '../../support/tempDir'

const PASSWORD = 'Secure#Pass123'
const TERMINAL = new Set(['done', 'failed', 'cancelled', 'interrupted', 'paused'])
const AWS_CANARIES = {
  AWS_ACCESS_KEY_ID: CANARY_ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY: CANARIES['AWS secret access key'],
  AWS_SESSION_TOKEN: CANARIES['AWS session token']
}

const temp = makeTempDir('tier-admin-canary-')
const dataDir = join(temp.dir, 'data')
const outDir = join(temp.dir, 'saved')
const csvFile = join(temp.dir, 'import.csv')
const places: Place[] = []
let sandbox: Awaited<ReturnType<typeof openTestSandbox>>
let endpoint: Awaited<ReturnType<typeof openEmulatorEndpoint>>
let tap: Awaited<ReturnType<typeof openHeaderTap>>
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  mkdirSync(dataDir)
  mkdirSync(outDir)
  writeFileSync(csvFile, 'username,email,tier\ncanary_carol,carol@example.com,premium\n')
  sandbox = await openTestSandbox()
  const emulator = sandbox.connection.sandbox!
  endpoint = await openEmulatorEndpoint(() => ({ endpoint: emulator.endpoint(), credential: emulator.credential() }))
  tap = await openHeaderTap(endpoint.endpoint)
  env = cleanEnv({
    TIER_ADMIN_DATA_DIR: dataDir,
    COGNITO_USER_POOL_ID: emulator.userPoolId,
    COGNITO_CLIENT_ID: emulator.clientId,
    COGNITO_CLIENT_SECRET: CANARIES['client secret'],
    COGNITO_REGION: SANDBOX_REGION,
    COGNITO_ENDPOINT: tap.endpoint,
    // Marked an emulator, so STS is not asked at the regional endpoint with the canary keys.
    COGNITO_ENDPOINT_IS_EMULATOR: 'true',
    ...AWS_CANARIES
  })
})

afterAll(async () => {
  await tap?.close()
  await endpoint?.close()
  await sandbox?.close()
  temp.remove()
})

/** Every console call and write to stdout/stderr of this process while `run` runs, kept as places. */
async function capturingOutput<T>(run: () => Promise<T>): Promise<T> {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const originals = methods.map((method) => console[method])
  const writes = [process.stdout.write, process.stderr.write] as const
  methods.forEach((method, i) => {
    console[method] = (...args: unknown[]) => {
      places.push({ name: `console.${method}`, text: args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ') })
      originals[i](...args)
    }
  })
  for (const [stream, original] of [
    [process.stdout, writes[0]],
    [process.stderr, writes[1]]
  ] as const) {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      places.push({ name: stream === process.stdout ? 'stdout' : 'stderr', text: String(chunk) })
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest)
    }) as typeof stream.write
  }
  try {
    return await run()
  } finally {
    methods.forEach((method, i) => (console[method] = originals[i]))
    process.stdout.write = writes[0]
    process.stderr.write = writes[1]
  }
}

/** The journey in the app's process: every channel through registerIpc, as the window calls it. */
async function appJourney(app: AppContext, frontEnd: FrontEnd): Promise<Set<Operation>> {
  const called = new Set<Operation>()
  const listeners = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>()
  const trusted = { senderFrame: { url: 'app://tier-admin/index.html' } }
  registerIpc(
    { handle: (channel: string, listener: never) => void listeners.set(channel, listener) } as never,
    createOperations(app, frontEnd).handlers,
    ((sender: unknown) => sender === trusted || sender === trusted.senderFrame.url) as never
  )
  const updates: { kind: string; progress: { state: string } }[] = []
  const stopForwarding = app.jobUpdates.subscribe((update) => {
    updates.push(update as never)
    places.push({ name: `event jobUpdate ${update.kind}`, text: JSON.stringify(update) })
  })
  const call = async (operation: Operation, payload?: unknown): Promise<Record<string, unknown>> => {
    called.add(operation)
    const reply = (await listeners.get(contract[operation].channel)!(trusted, payload)) as Record<string, unknown>
    places.push({ name: `reply ${operation}`, text: JSON.stringify(reply) })
    return reply
  }
  /** Starts a long job and waits until its progress says it stopped. */
  const runJob = async (kind: string, start: () => Promise<unknown>) => {
    const from = updates.length
    await start()
    const deadline = Date.now() + 60_000
    while (!updates.slice(from).some((update) => update.kind === kind && TERMINAL.has(update.progress.state))) {
      if (Date.now() > deadline) throw new Error(`${kind} did not finish`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const jobIdOf = (reply: Record<string, unknown>) => (reply.data as { jobId?: string } | null)?.jobId

  try {
    expect(await call('getConnection')).toMatchObject({ ok: true, data: { state: 'connected', info: { hasClientSecret: true } } })
    await call('describePool', { refresh: true })
    await call('checkConnection')
    for (const username of ['canary_alice', 'canary_bob']) {
      const registered = await call('register', {
        username,
        email: `${username}@example.com`,
        password: PASSWORD,
        tier: 'premium',
        attributes: { company: 'Acme' }
      })
      expect(registered).toMatchObject({ ok: true })
    }
    await call('confirm', { username: 'canary_alice', code: '000000' })
    await call('resendCode', { username: 'canary_alice' })
    await call('adminConfirm', { username: 'canary_alice' })
    await call('getUser', { username: 'canary_alice' })
    await call('searchUsers', { query: 'canary', by: 'username' })
    await call('setTier', { username: 'canary_alice', tier: 'standard', expected: 'premium' })
    for (const operation of [
      'disableUser',
      'enableUser',
      'verifyEmail',
      'resetPassword',
      'resendInvite',
      'signOutEverywhere',
      'userGroups',
      'userHistory'
    ] as const) {
      await call(operation, { username: 'canary_alice' })
    }
    await call('addToGroup', { username: 'canary_alice', group: 'admins' })
    // The ticket summary: the account, its groups and its last changes, and neither a canary nor the password.
    const summary = await call('userSummary', { username: 'canary_alice' })
    expect(summary).toMatchObject({ ok: true, data: { text: expect.stringContaining('Username: canary_alice'), markdown: expect.stringContaining('Last ') } })
    expect(JSON.stringify(summary)).not.toContain(PASSWORD)
    await call('removeFromGroup', { username: 'canary_alice', group: 'admins' })
    await call('getOutbox')
    await runJob('stats-scan', () => call('startStats'))
    await call('getStats')
    await call('listTierMembers', { bucket: 'premium' })
    await call('statsCsv', { kind: 'figures' })
    await call('statsCsv', { kind: 'tier', bucket: 'standard' })
    await call('pauseStats')
    await call('cancelStats')
    const preview = await call('bulkPreview', { rows: [{ username: 'canary_bob', tier: 'standard' }] })
    const bulkId = jobIdOf(preview)!
    await runJob('bulk-tier', () => call('bulkStart', { jobId: bulkId }))
    for (const operation of ['bulkJob', 'bulkResultsCsv', 'bulkPause', 'bulkCancel'] as const) await call(operation, { jobId: bulkId })
    await call('bulkJobs')
    const imported = await call('importPreview')
    const importId = jobIdOf(imported)!
    await runJob('import', () => call('importStart', { jobId: importId, method: 'admin-create', invitation: 'suppress' }))
    for (const operation of ['importJob', 'importResultsCsv', 'importPause', 'importCancel'] as const) await call(operation, { jobId: importId })
    await call('importJobs')
    await runJob('export', () => call('startExport', { format: 'jsonl' }))
    await call('exportStatus')
    await call('cancelExport')
    await call('auditQuery', {})
    await call('auditExport', {})
    // Refusals are replies too: a bad form, an unknown key, a user that is not there.
    await call('register', { username: 'has space', email: 'nope', password: '', colour: 'red' })
    await call('getUser', { username: 'ghost' })
    await call('deleteUser', { username: 'canary_bob', confirmUsername: 'canary_bob' })
    // Whatever channel the journey has not reached yet (profiles, doctor, the sandbox's), with a valid request where one is known.
    for (const operation of operations.filter((operation) => !called.has(operation))) {
      const sample = validSample(operation)
      await call(operation, operation === 'saveProfile' ? { ...sample, id: undefined, clientSecret: CANARIES['client secret'] } : sample)
    }
    await call('listProfiles')
    await call('getConnection')
  } finally {
    stopForwarding()
  }
  return called
}

/** The CLI on the same data folder and configuration: its commands, including some that fail. */
async function cliJourney(): Promise<number> {
  const runs: [string[], string?][] = [
    [['pool']],
    [['pool', '--json']],
    [['doctor', '--json']],
    [['register', '--username', 'canary_dave', '--email', 'dave@example.com', '--password-stdin', '--tier', 'premium', '--json'], `${PASSWORD}\n`],
    [['admin-confirm', '--username', 'canary_dave', '--yes']],
    [['confirm', '--username', 'canary_dave', '--code', '000000']],
    [['get', 'canary_dave', '--json']],
    [['search', 'canary']],
    [['set-tier', '--username', 'canary_dave', '--tier', 'standard']],
    [['history', 'canary_dave']],
    [['groups', 'canary_dave']],
    [['stats', '--json']],
    [['list-tier', 'standard', '--json']],
    [['bulk-set-tier', '--tier', 'premium', '--users', 'canary_dave', '--yes', '--json']],
    [['jobs', '--json']],
    [['export', '--format', 'csv', '--out', join(outDir, 'cli-export.csv')]],
    [['import', csvFile, '--dry-run', '--json']],
    [['audit', '--json']],
    [['outbox']],
    [['register', '--username', 'bad name', '--email', 'nope', '--password-stdin'], 'x\n'],
    [['summary', 'canary_dave']],
    [['summary', 'canary_dave', '--markdown', '--json']],
    [['open', 'tier-admin://open?username=canary_dave&pool=environment', '--json']],
    [['delete', 'canary_dave', '--yes']],
    [['profiles']]
  ]
  for (const [args, stdin] of runs) {
    const run = await runTierAdmin(args, { env, cwd: temp.dir, stdin })
    places.push({ name: `CLI ${args[0]} stdout`, text: run.stdout }, { name: `CLI ${args[0]} stderr`, text: run.stderr })
  }
  return runs.length
}

describe('canary secrets', () => {
  it('the search finds a canary in each form it may leak in', () => {
    const secret = CANARIES['client secret']
    for (const text of [`x${secret}y`, Buffer.from(`ab${secret}`).toString('base64'), encodeURIComponent(`k=${secret}`), secret.slice(10, 40)]) {
      expect(findCanaries([{ name: 'control', text }]).length).toBeGreaterThan(0)
    }
  })

  it('never appear in a reply, an event, a log line, a file or the CLI output', { timeout: 600_000 }, async () => {
    const saved = Object.fromEntries(Object.keys(AWS_CANARIES).map((name) => [name, process.env[name]]))
    // The SDK's credential chain reads this process's environment, not the one given to the app.
    Object.assign(process.env, AWS_CANARIES)
    let called: Set<Operation>
    try {
      const app = await openAppContext({
        env,
        cwd: temp.dir,
        processLabel: 'the canary test',
        secretStore: scramblingSecretStore
      })
      const frontEnd: FrontEnd = { chooseSaveFile: async (request) => join(outDir, request.suggestedName), chooseOpenFile: async () => csvFile }
      try {
        called = await capturingOutput(() => appJourney(app, frontEnd))
      } finally {
        await app.close()
      }
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
    const cliRuns = await cliJourney()
    places.push(...filePlaces(dataDir, 'data folder'), ...filePlaces(outDir, 'saved files'))

    // The canaries really went out: requests signed with the planted key, carrying the planted token.
    const signed = tap.headers.filter((headers) => String(headers.authorization).includes(`Credential=${CANARY_ACCESS_KEY_ID}/`))
    expect(signed.length).toBeGreaterThan(0)
    expect(signed.every((headers) => headers['x-amz-security-token'] === CANARIES['AWS session token'])).toBe(true)
    if (process.env.CANARY_PLACES_FILE) {
      // For a person checking what the journey collected: each place's name and opening.
      writeFileSync(process.env.CANARY_PLACES_FILE, places.map((place) => `${place.name}: ${place.text.slice(0, 300)}`).join('\n'))
    }
    const findings = findCanaries(places)
    const accessKeyIdPlaces = findCanaries(places, { 'access key id': CANARY_ACCESS_KEY_ID }).map((finding) => finding.place)
    console.log(
      [
        `requests signed with the planted credentials: ${signed.length} of ${tap.headers.length}`,
        `canaries: ${Object.keys(CANARIES).length} secrets searched in ${places.length} places (${called.size} of ${operations.length} channels, ${cliRuns} CLI runs, ` +
          `${places.filter((place) => place.name.startsWith('data folder') || place.name.startsWith('saved files')).length / 2} files); found ${findings.length}`,
        `  access key id (an identifier, not failed on) seen in: ${[...new Set(accessKeyIdPlaces)].join(', ') || 'nowhere'}`
      ].join('\n')
    )
    expect(called.size).toBe(operations.length)
    expect(findings).toEqual([])
  })
})
