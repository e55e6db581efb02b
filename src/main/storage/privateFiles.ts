/**
 * The app's data folder holds member lists of a real pool, the audit trail and the sandbox's
 * database, so everything in it is private to the operator's account and replaced whole: a crash or a
 * full disk leaves either the old file or the new one, never a 0-byte or half-written one.
 */
import { randomBytes } from 'node:crypto'
import { chmod, link, lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { withPath } from './withPath'

/** Folders: owner only. Set at creation (not chmod-ed after), so there is no moment they are readable. */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE })
}

export interface AtomicWriteOptions {
  /** Keep the replaced version beside the file under this name: the last good copy to fall back on. */
  keepPreviousAs?: string
}

/**
 * Replaces a file atomically: a private temporary file beside it, flushed to disk, renamed over it,
 * and the folder flushed so the rename itself survives a power cut.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temporary = temporaryNameFor(path)
  const handle = await open(temporary, 'wx', PRIVATE_FILE_MODE)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(temporary, { force: true })
    throw withPath(error, path)
  }
  await handle.close()
  try {
    if (options.keepPreviousAs) await keepPrevious(path, options.keepPreviousAs)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  await syncFolder(dirname(path))
}

/**
 * writeFileAtomic for content too large to hold: chunks are written as they come (each awaited, so
 * memory stays flat), to a private temporary file that replaces `path` only once whole and flushed.
 * Anything thrown, an abort included, removes the temporary file and leaves `path` as it was.
 */
export async function writeStreamAtomic(
  path: string,
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  signal?: AbortSignal
): Promise<void> {
  const temporary = temporaryNameFor(path)
  const handle = await open(temporary, 'wx', PRIVATE_FILE_MODE)
  try {
    for await (const chunk of chunks) {
      signal?.throwIfAborted()
      // Two overloads of write: the branch lets TypeScript pick one.
      await (typeof chunk === 'string' ? handle.write(chunk) : handle.write(chunk))
    }
    await handle.sync()
    await handle.close()
    await rename(temporary, path)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(temporary, { force: true })
    throw withPath(error, path)
  }
  await syncFolder(dirname(path))
}

/** Temporary files carry the target's name, so a crash's leftovers can be found and removed. */
export function temporaryNameFor(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
}

export function isTemporaryName(name: string): boolean {
  return /\.tmp-\d+-[0-9a-f]{8}$/.test(name)
}

/** A hard link costs nothing and leaves the current file in place until the rename replaces it. */
async function keepPrevious(path: string, backupPath: string): Promise<void> {
  const staging = temporaryNameFor(backupPath)
  try {
    await link(path, staging)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return
    throw error
  }
  await rename(staging, backupPath)
}

async function syncFolder(path: string): Promise<void> {
  // Windows cannot open a folder for flushing; its renames are durable through the journal instead.
  if (process.platform === 'win32') return
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Removes temporary files a crash left behind in a folder (not its subfolders). */
export async function removeLeftoverTemporaries(folder: string): Promise<void> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return
  }
  for (const name of names) if (isTemporaryName(name)) await rm(join(folder, name), { force: true })
}

/**
 * Makes an existing data folder private: folders 0700 and files 0600, all the way down. Folders made
 * by an earlier version (0755, files 0644) are tightened the first time this version starts.
 */
export async function tightenPrivateTree(root: string): Promise<void> {
  if (process.platform === 'win32') return
  const info = await lstat(root).catch(() => null)
  if (!info) return
  // Another process of the app may be renaming or removing files meanwhile: a vanished file is no error.
  if (info.isDirectory()) {
    if ((info.mode & 0o777) !== PRIVATE_DIR_MODE) await chmod(root, PRIVATE_DIR_MODE).catch(ignoreVanished)
    const names = await readdir(root).catch((error: unknown) => (ignoreVanished(error), [] as string[]))
    for (const name of names) await tightenPrivateTree(join(root, name))
  } else if (info.isFile() && (info.mode & 0o077) !== 0) {
    await chmod(root, PRIVATE_FILE_MODE).catch(ignoreVanished)
  }
}

function ignoreVanished(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
}

/** The file name alone, for messages: the folder is the operator's business only when it helps them act. */
export function fileLabel(path: string): string {
  return `${basename(dirname(path))}/${basename(path)}`
}
