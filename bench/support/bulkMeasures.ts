/**
 * The throughput half of the bulk benchmark: a re-tier and a registration run through the app's job
 * services against the simulator at Cognito's quotas, each beside the one-at-a-time approach (one
 * request awaited after another, as a person or a naive script would) on the same simulator.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  SignUpCommand
} from '@aws-sdk/client-cognito-identity-provider'
import { createHmac } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportMethod } from '../../src/shared/importing'
import type { BulkProgress, ImportProgress } from '../../src/shared/jobProgress'
import { TIER_ATTRIBUTE } from '../../src/shared/tiers'
import { startCognitoSim, type CognitoSim } from '../../test/support/cognitoSim'
import { benchServices, type BenchQuotas, type SimTarget } from './simWiring'

export interface SimSettings {
  latency: number
  quotas: BenchQuotas
  throttleFraction?: number
}

/** SignUp's app client has a secret, as the app's own pools do, so every SignUp carries a SecretHash. */
const CLIENT_SECRET = 'bench-client-secret'

export async function startBenchSim(users: number, settings: SimSettings): Promise<{ sim: CognitoSim; target: SimTarget }> {
  const { quotas } = settings
  const sim = await startCognitoSim({
    users,
    latencyMs: settings.latency,
    readQuota: quotas.read,
    updateQuota: quotas.update,
    createQuota: quotas.create,
    throttleFraction: settings.throttleFraction,
    clientSecret: CLIENT_SECRET,
    describeSchema: true
  })
  return { sim, target: { endpoint: sim.endpoint, userPoolId: sim.userPoolId, clientId: sim.clientId, clientSecret: CLIENT_SECRET, quotas } }
}

/** Every row changes: standard goes to premium, anything else (premium, none, invalid) to standard. */
export const flipped = (tier: string | undefined): string => (tier === 'standard' ? 'premium' : 'standard')

export const retierRows = (sim: CognitoSim, from: number, to: number): { username: string; tier: string }[] =>
  Array.from({ length: to - from }, (_, i) => ({ username: sim.userAt(from + i).username, tier: flipped(sim.userAt(from + i).tier) }))

export interface RegisterRow {
  username: string
  email: string
  tier: string
  password: string
}

export const registerRows = (prefix: string, count: number): RegisterRow[] =>
  Array.from({ length: count }, (_, i) => ({
    username: `${prefix}-${String(i).padStart(5, '0')}`,
    email: `${prefix}-${i}@example.com`,
    tier: i % 3 === 0 ? 'premium' : 'standard',
    // Meets the default policy the simulator applies: upper and lower case, digits, a symbol.
    password: `Bench-${i}-Pass!`
  }))

export async function writeRegisterCsv(path: string, rows: RegisterRow[]): Promise<void> {
  const lines = ['username,email,tier,password', ...rows.map((r) => `${r.username},${r.email},${r.tier},${r.password}`)]
  await writeFile(path, lines.join('\r\n') + '\r\n')
}

export interface Timed<P> {
  rows: number
  previewSeconds: number
  runSeconds: number
  /** Rows the run wrote (changed or created) per second of the run. */
  rowsPerSecond: number
  end: P
  throttled: number
}

export interface Baseline {
  rows: number
  seconds: number
  rowsPerSecond: number
}

/** Prints a line every 30 s of a long run, so a ten-minute bench shows it is alive. */
function heartbeat<P extends { done: number; total: number; rate: number; state: string }>(label: string): (jobId: string, p: P) => void {
  let last = performance.now()
  return (_jobId, p) => {
    if (p.state !== 'running' || p.done === 0 || performance.now() - last < 30_000) return
    last = performance.now()
    console.log(`  ${label}: ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} rows, ${p.rate.toFixed(1)} rows/s`)
  }
}

export async function runRetier(rows: number, sample: number, settings: SimSettings, dir: string): Promise<{ job: Timed<BulkProgress>; baseline: Baseline }> {
  const { sim, target } = await startBenchSim(rows + sample, settings)
  const services = benchServices(target, join(dir, 'jobs-retier'))
  try {
    const unsubscribe = services.jobUpdates.on('bulk-tier', heartbeat('re-tier'))
    let begin = performance.now()
    const preview = await services.bulk.preview({ rows: retierRows(sim, 0, rows) })
    const previewSeconds = (performance.now() - begin) / 1000
    begin = performance.now()
    await services.bulk.start(preview.jobId)
    const end = await services.bulk.settled(preview.jobId)
    const runSeconds = (performance.now() - begin) / 1000
    unsubscribe()
    if (end.state !== 'done') throw new Error(`The re-tier ended ${end.state}: ${end.error?.message ?? ''}`)
    const throttled = sim.stats.throttled
    const job = { rows, previewSeconds, runSeconds, rowsPerSecond: end.changed / runSeconds, end, throttled }
    // After the job, so the two do not share the quotas; on users the job did not touch.
    const baseline = await oneAtATime(sim, retierRows(sim, rows, rows + sample), async (client, row) => {
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: sim.userPoolId, Username: row.username }))
      if (user.UserAttributes?.find((a) => a.Name === TIER_ATTRIBUTE)?.Value === row.tier) return
      await client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: sim.userPoolId,
          Username: row.username,
          UserAttributes: [{ Name: TIER_ATTRIBUTE, Value: row.tier }]
        })
      )
    })
    return { job, baseline }
  } finally {
    await services.close()
    await sim.stop()
  }
}

export async function runRegister(
  method: ImportMethod,
  rows: number,
  sample: number,
  settings: SimSettings,
  dir: string
): Promise<{ job: Timed<ImportProgress>; baseline: Baseline }> {
  const { sim, target } = await startBenchSim(1000, settings)
  const services = benchServices(target, join(dir, `jobs-${method}`))
  try {
    const path = join(dir, `register-${method}.csv`)
    await writeRegisterCsv(path, registerRows(`new-${method}`, rows))
    const unsubscribe = services.jobUpdates.on('import', heartbeat(method))
    let begin = performance.now()
    const preview = await services.imports.preview({ path })
    const previewSeconds = (performance.now() - begin) / 1000
    if (preview.creates !== rows) throw new Error(`The import preview would create ${preview.creates} of ${rows} rows`)
    begin = performance.now()
    await services.imports.start(preview.jobId, method === 'signup' ? { method } : { method, invitation: 'suppress' })
    const end = await services.imports.settled(preview.jobId)
    const runSeconds = (performance.now() - begin) / 1000
    unsubscribe()
    if (end.state !== 'done') throw new Error(`The ${method} import ended ${end.state}: ${end.error?.message ?? ''}`)
    const job = { rows, previewSeconds, runSeconds, rowsPerSecond: end.created / runSeconds, end, throttled: sim.stats.throttled }
    const secretHash = (username: string): string =>
      createHmac('sha256', CLIENT_SECRET)
        .update(username + sim.clientId)
        .digest('base64')
    const baseline = await oneAtATime(sim, registerRows(`naive-${method}`, sample), async (client, row) => {
      const attributes = [
        { Name: 'email', Value: row.email },
        { Name: TIER_ATTRIBUTE, Value: row.tier }
      ]
      if (method === 'signup') {
        // The same two requests the job makes: the bench's client has no write list, so it may not write the tier.
        await client.send(
          new SignUpCommand({
            ClientId: sim.clientId,
            Username: row.username,
            Password: row.password,
            SecretHash: secretHash(row.username),
            UserAttributes: attributes.filter((a) => a.Name !== TIER_ATTRIBUTE)
          })
        )
        await client.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: sim.userPoolId,
            Username: row.username,
            UserAttributes: [{ Name: TIER_ATTRIBUTE, Value: row.tier }]
          })
        )
      } else {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: sim.userPoolId,
            Username: row.username,
            TemporaryPassword: row.password,
            MessageAction: 'SUPPRESS',
            UserAttributes: attributes
          })
        )
      }
    })
    return { job, baseline }
  } finally {
    await services.close()
    await sim.stop()
  }
}

/** Each row's requests awaited one after another through a plain SDK client (its default three attempts). */
async function oneAtATime<R>(sim: CognitoSim, rows: R[], step: (client: CognitoIdentityProviderClient, row: R) => Promise<void>): Promise<Baseline> {
  const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: sim.endpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } })
  const begin = performance.now()
  try {
    for (const row of rows) await step(client, row)
  } finally {
    client.destroy()
  }
  const seconds = (performance.now() - begin) / 1000
  return { rows: rows.length, seconds, rowsPerSecond: rows.length / seconds }
}
