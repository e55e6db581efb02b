/**
 * Finding and repairing damaged sandbox files. Every file the sandbox keeps is replaced atomically
 * with the replaced version kept as `.bak`, so a file that is damaged anyway (a disk error, a hand
 * edit, an older version's torn save) has a last good copy beside it. Repair keeps the damaged file
 * (renamed `.damaged-<time>`) and puts the copy in its place; it never starts an empty pool.
 */
import { readdir, readFile, rename } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { describeHolder, tryAcquireLock } from '../storage/fileLock'
import { writeFileAtomic } from '../storage/privateFiles'
import { BACKUP_SUFFIX, SANDBOX_OWNER_LOCK } from './constants'
import { readStoreFile } from './durableStore'
import { SandboxDamagedError } from './sandboxDamage'
import { parsePool, poolRecordPath } from './sandboxPool'

export function damagedSandboxError(error: SandboxDamagedError, dir: string): AppError {
  const backup = error.path + BACKUP_SUFFIX
  const remedy = existsSync(backup)
    ? 'A last good copy is kept beside it: choose "Restore last good copy" (CLI: tier-admin sandbox-restore --yes).'
    : error.path === poolRecordPath(dir)
      ? 'It can be rebuilt from the pool\'s database, users kept: choose "Restore last good copy" (CLI: tier-admin sandbox-restore --yes).'
      : `There is no earlier copy of it; move the sandbox folder (${dir}) aside to start an empty sandbox.`
  return new AppError(
    'SANDBOX_DAMAGED',
    `The sandbox was not started because its file ${error.describe(dir)} is damaged (${error.reason}). Nothing was changed and the file is kept. ${remedy}`
  )
}

/** The sandbox's files that should parse: its pool record, the emulator's config, and every store in db/. */
async function sandboxFiles(dir: string): Promise<{ path: string; check: (path: string) => Promise<void> }[]> {
  const store = async (path: string): Promise<void> => void (await readStoreFile(path))
  const record = async (path: string): Promise<void> => {
    const text = await readFile(path, 'utf8')
    if (!parsePool(text)) throw new SandboxDamagedError(path, 'it is not a complete pool record')
  }
  const files = [
    { path: poolRecordPath(dir), check: record },
    { path: join(dir, 'config.json'), check: store }
  ]
  const dbDir = join(dir, 'db')
  const names = existsSync(dbDir) ? await readdir(dbDir) : []
  for (const name of names) if (name.endsWith('.json')) files.push({ path: join(dbDir, name), check: store })
  const pool = await readFile(poolRecordPath(dir), 'utf8').then(parsePool, () => null)
  const poolDb = pool && join(dbDir, `${pool.userPoolId}.json`)
  if (poolDb && !names.includes(`${pool.userPoolId}.json`) && existsSync(poolDb + BACKUP_SUFFIX)) files.push({ path: poolDb, check: store })
  return files.filter((file) => existsSync(file.path) || existsSync(file.path + BACKUP_SUFFIX))
}

export interface RestoreReport {
  /** Files put back from their last good copy, relative to the sandbox folder. */
  restored: string[]
}

/**
 * Puts the last good copy in place of every damaged file. Runs under the sandbox's owner lock, so
 * never while another process has the sandbox open.
 */
export async function restoreLastGoodCopies(appDataDir: string, processLabel: string): Promise<RestoreReport> {
  const dir = join(appDataDir, 'sandbox')
  const attempt = await tryAcquireLock(join(dir, SANDBOX_OWNER_LOCK), processLabel)
  if (!attempt.acquired) {
    throw new AppError('LOCKED_BY_OTHER_PROCESS', `The sandbox is open in ${describeHolder(attempt.heldBy)}. Close it there before restoring.`)
  }
  try {
    const restored: string[] = []
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    for (const file of await sandboxFiles(dir)) {
      const damage = existsSync(file.path)
        ? await file.check(file.path).then(
            () => null,
            (error: unknown) => error
          )
        : new SandboxDamagedError(file.path, 'it is missing')
      if (!damage) continue
      const backup = file.path + BACKUP_SUFFIX
      const backupIsGood =
        existsSync(backup) &&
        (await file.check(backup).then(
          () => true,
          () => false
        ))
      if (!backupIsGood && file.path === poolRecordPath(dir) && existsSync(file.path)) {
        // pool.json is written once, so it seldom has a copy; it only names the pool and its client, which
        // the next start finds again in the pool's database (as for a missing record), never a new pool.
        await rename(file.path, `${file.path}.damaged-${stamp}`)
        restored.push(relativeTo(dir, file.path))
        continue
      }
      if (!backupIsGood) throw new AppError('SANDBOX_DAMAGED', `The sandbox's file ${relativeTo(dir, file.path)} is damaged and has no good copy to restore.`)
      if (existsSync(file.path)) await rename(file.path, `${file.path}.damaged-${stamp}`)
      await writeFileAtomic(file.path, await readFile(backup))
      restored.push(relativeTo(dir, file.path))
    }
    return { restored }
  } finally {
    attempt.lock.release()
  }
}

function relativeTo(dir: string, path: string): string {
  return path.startsWith(dir) ? path.slice(dir.length + 1) : path
}
