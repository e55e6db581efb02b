/**
 * The embedded sandbox pool: a cognito-local emulator on a free 127.0.0.1 port with its data under the
 * app's data folder, provisioned once with a pool shaped like production's. A second process (the CLI
 * while the app runs, or the other way round) connects to the emulator already running instead of
 * opening the same files twice.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand
} from '@aws-sdk/client-cognito-identity-provider'
import { AppError } from '../../shared/errors'
import { startEmulator, type RunningEmulator } from './emulatorServer'
import { SandboxOutbox } from './outbox'

export const SANDBOX_REGION = 'us-east-1'
export const SANDBOX_CREDENTIALS = { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' }

export interface SandboxPool {
  userPoolId: string
  clientId: string
  clientSecret: string
}

export interface Sandbox extends SandboxPool {
  endpoint: string
  dataDir: string
  outbox: SandboxOutbox
  /** True when this process runs the emulator (and so stops it on quit). */
  owned: boolean
  stop(): Promise<void>
}

interface ServerRecord {
  pid: number
  port: number
}

export async function openSandbox(appDataDir: string): Promise<Sandbox> {
  const dir = join(appDataDir, 'sandbox')
  mkdirSync(dir, { recursive: true })
  const outbox = new SandboxOutbox(join(dir, 'outbox.jsonl'))
  try {
    const shared = await findRunningEmulator(dir)
    const emulator = shared ?? (await startOwnedEmulator(dir, outbox))
    const pool = await ensurePool(dir, emulator.endpoint)
    return {
      ...pool,
      endpoint: emulator.endpoint,
      dataDir: dir,
      outbox,
      owned: !shared,
      stop: () => (shared ? Promise.resolve() : emulator.close())
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError(
      'SANDBOX_UNAVAILABLE',
      `The sandbox pool could not start (${(error as Error).message}). Check that ${dir} is writable, or configure a real pool.`
    )
  }
}

async function startOwnedEmulator(dir: string, outbox: SandboxOutbox): Promise<RunningEmulator> {
  writeEmulatorDefaults(dir)
  const emulator = await startEmulator(dir, outbox)
  const recordPath = join(dir, 'server.json')
  writeFileSync(recordPath, JSON.stringify({ pid: process.pid, port: emulator.port } satisfies ServerRecord))
  return {
    ...emulator,
    close: async () => {
      await emulator.close()
      if (readRecord(recordPath)?.pid === process.pid) rmSync(recordPath, { force: true })
    }
  }
}

/** Username sign-in, not cognito-local's default of email-as-username. */
function writeEmulatorDefaults(dir: string): void {
  const configPath = join(dir, 'config.json')
  if (!existsSync(configPath)) writeFileSync(configPath, JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }, null, 2))
}

async function findRunningEmulator(dir: string): Promise<RunningEmulator | null> {
  const record = readRecord(join(dir, 'server.json'))
  if (!record || record.pid === process.pid || !processIsAlive(record.pid)) return null
  if (!(await portAnswers(record.port))) return null
  return { endpoint: `http://127.0.0.1:${record.port}`, port: record.port, close: async () => undefined }
}

function readRecord(path: string): ServerRecord | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ServerRecord
  } catch {
    return null
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.setTimeout(1000)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })
}

/** The pool and client recorded at first start, or newly provisioned when missing or gone. */
async function ensurePool(dir: string, endpoint: string): Promise<SandboxPool> {
  const client = new CognitoIdentityProviderClient({ endpoint, region: SANDBOX_REGION, credentials: SANDBOX_CREDENTIALS })
  try {
    const poolPath = join(dir, 'pool.json')
    const recorded = readPoolRecord(poolPath)
    if (recorded && (await poolExists(client, recorded.userPoolId))) return recorded
    const pool = await provisionPool(client)
    writeFileSync(poolPath, JSON.stringify(pool, null, 2), { mode: 0o600 })
    return pool
  } finally {
    client.destroy()
  }
}

function readPoolRecord(path: string): SandboxPool | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SandboxPool
  } catch {
    return null
  }
}

async function poolExists(client: CognitoIdentityProviderClient, userPoolId: string): Promise<boolean> {
  try {
    await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))
    return true
  } catch {
    return false
  }
}

/** A pool shaped like the production one the seed describes. */
async function provisionPool(client: CognitoIdentityProviderClient): Promise<SandboxPool> {
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'tier-admin-sandbox',
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true }
      },
      // The tier, plus the profile attributes the seed's onboarding examples use.
      Schema: ['user_tier', 'company', 'department', 'role'].map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true, Required: false }))
    })
  )
  const userPoolId = UserPool?.Id as string
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'tier-admin',
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']
    })
  )
  return { userPoolId, clientId: UserPoolClient?.ClientId as string, clientSecret: UserPoolClient?.ClientSecret as string }
}
