/**
 * Cross-process locks on files in the data folder: who owns the sandbox emulator, who is scanning a
 * pool. A lock is a small private file created exclusively (O_EXCL), naming its holder so a refusal
 * can say who has it. A holder that died (kill -9, power cut) leaves its file behind; the next process
 * sees that the recorded process is gone and takes the lock over, one taker at a time.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { PRIVATE_FILE_MODE } from './privateFiles'
import { withPath } from './withPath'

export interface LockHolder {
  /** What holds it, in the operator's words: "the Tier Admin app", "the tier-admin CLI (stats)". */
  owner: string
  pid: number
  hostname: string
  since: string
  /** The process's start time where the system tells it (Linux), so a reused PID is not taken for the holder. */
  started?: string
  token: string
}

export interface FileLock {
  readonly path: string
  readonly holder: LockHolder
  /** Gives the lock up; a no-op when it was already given up or taken over. */
  release(): void
}

export type LockAttempt = { acquired: true; lock: FileLock } | { acquired: false; heldBy: LockHolder }

/** A lock file younger than this with no readable holder is being written by its taker; older, by a crash. */
const UNREADABLE_GRACE_MS = 3000
/** A takeover guard older than this was left by a taker that died in the middle. */
const TAKEOVER_GUARD_STALE_MS = 10_000

const held = new Set<FileLock>()
process.once('exit', () => {
  for (const lock of held) lock.release()
})

/** Takes the lock if it is free or its holder is gone; otherwise says who holds it. Never waits for a live holder. */
export async function tryAcquireLock(path: string, owner: string): Promise<LockAttempt> {
  const deadline = Date.now() + UNREADABLE_GRACE_MS + 2000
  while (Date.now() < deadline) {
    const lock = createExclusive(path, owner)
    if (lock) return { acquired: true, lock }
    const raw = readRaw(path)
    if (raw === null) continue // released between our two looks
    const holder = parseHolder(raw)
    if (holder && holderIsAlive(holder)) return { acquired: false, heldBy: holder }
    if (!holder && ageMs(path) < UNREADABLE_GRACE_MS) {
      await sleep(50)
      continue
    }
    if (!(await removeIfUnchanged(path, raw))) await sleep(50)
  }
  const holder = parseHolder(readRaw(path) ?? '')
  if (holder) return { acquired: false, heldBy: holder }
  throw Object.assign(new Error(`The lock ${path} could not be taken`), { code: 'ELOCKED' })
}

/** Who holds a lock now, if anyone alive does. */
export function lockHolder(path: string): LockHolder | null {
  const holder = parseHolder(readRaw(path) ?? '')
  return holder && holderIsAlive(holder) ? holder : null
}

/** "the tier-admin CLI (stats), process 4242, since 14:02" */
export function describeHolder(holder: LockHolder): string {
  const time = new Date(holder.since).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
  const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`
  return `${holder.owner}, process ${holder.pid}${where}, since ${time}`
}

function createExclusive(path: string, owner: string): FileLock | null {
  const holder: LockHolder = {
    owner,
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
    started: processStartTime(process.pid),
    token: randomBytes(8).toString('hex')
  }
  let fd: number
  try {
    fd = openSync(path, 'wx', PRIVATE_FILE_MODE)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null
    throw error
  }
  try {
    writeSync(fd, JSON.stringify(holder))
    fsyncSync(fd)
  } catch (error) {
    // An empty lock would hold every later process off: a lock not written whole is no lock.
    closeSync(fd)
    rmSync(path, { force: true })
    throw withPath(error, path)
  }
  closeSync(fd)
  const lock: FileLock = {
    path,
    holder,
    release() {
      held.delete(lock)
      if (parseHolder(readRaw(path) ?? '')?.token === holder.token) unlinkQuietly(path)
    }
  }
  held.add(lock)
  return lock
}

/**
 * Removes a dead holder's lock file, but only the one that was looked at: two processes finding the
 * same dead holder must not remove each other's fresh lock. A short-lived guard file makes the
 * look-and-remove one step.
 */
async function removeIfUnchanged(path: string, seen: string): Promise<boolean> {
  const guard = `${path}.takeover`
  try {
    closeSync(openSync(guard, 'wx', PRIVATE_FILE_MODE))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    if (ageMs(guard) > TAKEOVER_GUARD_STALE_MS) unlinkQuietly(guard)
    return false
  }
  try {
    if (readRaw(path) === seen) unlinkQuietly(path)
    return true
  } finally {
    unlinkQuietly(guard)
  }
}

function holderIsAlive(holder: LockHolder): boolean {
  // A process on another machine (a shared network folder) cannot be checked: assume it is alive.
  if (holder.hostname !== hostname()) return true
  if (holder.pid === process.pid) return held.size > 0 && [...held].some((lock) => lock.holder.token === holder.token)
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
  }
  const started = processStartTime(holder.pid)
  return !(holder.started && started && started !== holder.started)
}

/** Field 22 of /proc/<pid>/stat: the start time in clock ticks since boot. Undefined off Linux. */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may contain spaces and parentheses; fields after it are plain.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>
    return typeof value.pid === 'number' && typeof value.token === 'string' && typeof value.owner === 'string' ? (value as LockHolder) : null
  } catch {
    return null
  }
}

function readRaw(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs
  } catch {
    return 0
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // Already gone.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
