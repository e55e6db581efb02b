/**
 * The embedded sandbox pool: a cognito-local emulator on a free 127.0.0.1 port with its data under the
 * app's data folder. Exactly one process owns the emulator and its files at a time, under the lock
 * `owner.lock`; every other process of the app (the CLI beside the app, a second terminal) uses that
 * one through `server.json`. When the owner goes away, the next process to need the sandbox takes
 * ownership; two emulators never open the same files.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { describeHolder, tryAcquireLock, type FileLock, type LockHolder } from '../storage/fileLock'
import { ensurePrivateDir, writeFileAtomic } from '../storage/privateFiles'
import { AUDIT_FILE } from '../audit/auditLog'
import { SANDBOX_MOVED, SANDBOX_OWNER_LOCK } from './constants'
import { startEmulator, type RunningEmulator } from './emulatorServer'
import { SandboxOutbox } from './outbox'
import { ensurePool, readPoolRecord, type SandboxPool } from './sandboxPool'
import { SandboxDamagedError } from './sandboxDamage'
import { damagedSandboxError } from './sandboxRepair'
import { emulatorAnswers, readServerRecord, removeServerRecord, writeServerRecord, type ServerRecord } from './serverRecord'

export type { SandboxPool } from './sandboxPool'

/** How long a process waits for another one that holds the sandbox to have it answering (a big pool loads slowly). */
const ATTACH_TIMEOUT_MS = 30_000
const ATTACH_POLL_MS = 100
/** How long a leaving owner keeps answering "moved" after letting the sandbox go. */
const HANDOVER_GRACE_MS = 300

export interface Sandbox extends SandboxPool {
  dataDir: string
  outbox: SandboxOutbox
  /** Where requests go now; changes when ownership moves or the emulator restarts. */
  endpoint(): string
  /** The per-run credential every request must carry. */
  credential(): string
  /** Whether the emulator answers right now. */
  answers(): Promise<boolean>
  /**
   * After a request that never reached a working emulator (connection refused, or answered "moved"
   * by an owner handing over): finds the emulator again, taking it over if its owner is gone. Resolves
   * true when the request may be resent; false for any other failure.
   */
  reconnect(error: unknown): Promise<boolean>
  /** Starts the emulator afresh (this process's own), or finds the one another process runs. */
  restart(): Promise<void>
  stop(): Promise<void>
}

type Role = { kind: 'owner'; lock: FileLock; emulator: RunningEmulator; record: ServerRecord; pool: SandboxPool } | { kind: 'attached'; record: ServerRecord }

export interface OpenSandboxOptions {
  /** Who this process is, for the lock file and for refusals: "the Tier Admin app", "the tier-admin CLI". */
  processLabel: string
}

export async function openSandbox(appDataDir: string, options: OpenSandboxOptions): Promise<Sandbox> {
  try {
    return await open(appDataDir, options)
  } catch (error) {
    throw error instanceof SandboxDamagedError ? damagedSandboxError(error, join(appDataDir, 'sandbox')) : error
  }
}

async function open(appDataDir: string, options: OpenSandboxOptions): Promise<Sandbox> {
  const dir = join(appDataDir, 'sandbox')
  await ensurePrivateDir(dir)
  const outbox = new SandboxOutbox(join(dir, 'outbox.jsonl'))
  const paths = { lock: join(dir, SANDBOX_OWNER_LOCK), server: join(dir, 'server.json') }
  let role: Role = await connect()
  let pool: SandboxPool = await poolFor(role)
  let reconnecting: Promise<boolean> | null = null

  async function connect(): Promise<Role> {
    const deadline = Date.now() + ATTACH_TIMEOUT_MS
    let lastHolder: LockHolder | null = null
    while (Date.now() < deadline) {
      const attempt = await tryAcquireLock(paths.lock, options.processLabel)
      if (attempt.acquired) return becomeOwner(attempt.lock)
      lastHolder = attempt.heldBy
      const record = readServerRecord(paths.server)
      if (record && record.pid === attempt.heldBy.pid && (await emulatorAnswers(record.port, record.credential))) return { kind: 'attached', record }
      await sleep(ATTACH_POLL_MS)
    }
    throw new AppError(
      'SANDBOX_UNAVAILABLE',
      `The sandbox is held by ${lastHolder ? describeHolder(lastHolder) : 'another process'}, which is not answering. Close that program (or end that process), then try again.`
    )
  }

  async function becomeOwner(lock: FileLock): Promise<Role> {
    let emulator: RunningEmulator | null = null
    try {
      readPoolRecord(dir) // a damaged record stops the start before anything is written
      await writeEmulatorDefaults(dir)
      const credential = randomBytes(32).toString('hex')
      emulator = await startEmulator(dir, outbox, credential, join(appDataDir, AUDIT_FILE))
      const record: ServerRecord = { pid: process.pid, port: emulator.port, credential }
      const ownPool = await ensurePool(dir, emulator.endpoint, credential)
      await writeServerRecord(paths.server, record)
      return { kind: 'owner', lock, emulator, record, pool: ownPool }
    } catch (error) {
      await emulator?.close()
      lock.release()
      throw explainStartFailure(error, dir)
    }
  }

  async function poolFor(current: Role): Promise<SandboxPool> {
    if (current.kind === 'owner') return current.pool
    const recorded = readPoolRecord(dir)
    if (!recorded) throw new AppError('SANDBOX_UNAVAILABLE', 'The process that runs the sandbox has not recorded its pool. {restartSandbox}.')
    return recorded
  }

  /**
   * Hands the sandbox over: requests in flight finish, later ones are answered "moved" (never
   * processed, so their senders resend them to the next owner). The port stays open a moment after
   * the record is gone, so a request already on its way gets that answer rather than a reset
   * connection, which would leave its sender not knowing whether it was done. Only then is the port
   * closed and the lock let go, so no two emulators ever listen for the same files.
   */
  async function stopOwn(): Promise<void> {
    if (role.kind !== 'owner') return
    const { lock, emulator, record } = role
    await emulator.drain()
    removeServerRecord(paths.server, record)
    await sleep(HANDOVER_GRACE_MS)
    await emulator.close()
    lock.release()
  }

  async function findAgain(): Promise<boolean> {
    if (await emulatorAnswers(role.record.port, role.record.credential)) return true
    await stopOwn()
    role = await connect()
    pool = await poolFor(role)
    return true
  }

  const sandbox: Sandbox = {
    get userPoolId() {
      return pool.userPoolId
    },
    get clientId() {
      return pool.clientId
    },
    get clientSecret() {
      return pool.clientSecret
    },
    dataDir: dir,
    outbox,
    endpoint: () => `http://127.0.0.1:${role.record.port}`,
    credential: () => role.record.credential,
    answers: () => emulatorAnswers(role.record.port, role.record.credential),
    reconnect(error: unknown) {
      if (!wasNotDelivered(error)) return Promise.resolve(false)
      reconnecting ??= findAgain()
        .catch(() => false)
        .finally(() => (reconnecting = null))
      return reconnecting
    },
    async restart() {
      await stopOwn()
      role = await connect()
      pool = await poolFor(role)
    },
    stop: stopOwn
  }
  return sandbox
}

/** Username sign-in, not cognito-local's default of email-as-username. */
async function writeEmulatorDefaults(dir: string): Promise<void> {
  const configPath = join(dir, 'config.json')
  if (!existsSync(configPath)) await writeFileAtomic(configPath, JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }, null, 2))
}

function explainStartFailure(error: unknown, dir: string): unknown {
  if (error instanceof SandboxDamagedError) return error
  if (error instanceof AppError) return error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC') return error
  return new AppError(
    'SANDBOX_UNAVAILABLE',
    `The sandbox pool could not start (${(error as Error).message}). See the files in ${dir}, or configure a real pool.`
  )
}

function wasNotDelivered(error: unknown): boolean {
  const e = error as { name?: string; code?: string; cause?: { code?: string } } | null
  return e?.code === 'ECONNREFUSED' || e?.cause?.code === 'ECONNREFUSED' || e?.name === SANDBOX_MOVED
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
