/**
 * Append-only JSON-lines files (the audit trail, the sandbox outbox). Each entry is one write of one
 * whole line to a file opened for appending, so entries from several processes never interleave. A
 * crash can still leave a torn last line; it is skipped on read and ended before the next entry, so it
 * never swallows the entry written after it.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { PRIVATE_FILE_MODE } from './privateFiles'
import { withPath } from './withPath'

const NEWLINE = 0x0a

export interface AppendOptions {
  /** Flush to disk before returning: for entries that must exist before the act they describe. */
  durable?: boolean
}

/**
 * Appends one whole line, or fails and leaves none: a write the disk takes only part of (a full
 * disk can answer with fewer bytes than asked, and no error) is rolled back and reported as ENOSPC,
 * so a half-written audit intent is never taken for a recorded one.
 */
export async function appendJsonLine(path: string, value: unknown, options: AppendOptions = {}): Promise<void> {
  const line = `${JSON.stringify(value)}\n`
  const handle = await open(path, 'a+', PRIVATE_FILE_MODE)
  try {
    let { size, ended } = await lastLineEnded(handle)
    if (!ended) {
      // Another process's line may be half-copied into the file right now (a read is not atomic with a
      // write): look again a moment later, so only a line a crash tore is ended (else an empty line).
      await new Promise((resolve) => setTimeout(resolve, TORN_LINE_RECHECK_MS))
      ;({ size, ended } = await lastLineEnded(handle))
    }
    const text = ended ? line : `\n${line}`
    const bytes = Buffer.from(text)
    // One write call, so lines of several processes never interleave; a short one is not completed by a second.
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length).catch(async (error: unknown) => {
      await rollBack(handle, size)
      throw withPath(error, path)
    })
    if (bytesWritten < bytes.length) {
      await rollBack(handle, size)
      throw Object.assign(new Error(`No room on the disk for a whole line of ${path}`), { code: 'ENOSPC', syscall: 'write', path })
    }
    if (options.durable) await handle.datasync().catch((error: unknown) => Promise.reject(withPath(error, path)))
  } finally {
    await handle.close()
  }
}

const TORN_LINE_RECHECK_MS = 5

/** The file's size, and whether it is empty or ends with a newline. */
async function lastLineEnded(handle: FileHandle): Promise<{ size: number; ended: boolean }> {
  const { size } = await handle.stat()
  if (size === 0) return { size, ended: true }
  const last = Buffer.alloc(1)
  await handle.read(last, 0, 1, size - 1)
  return { size, ended: last[0] === NEWLINE }
}

/** Cuts off what a failed append left, unless another process has appended since (its line must stay; ours is then a torn line readers skip). */
async function rollBack(handle: FileHandle, size: number): Promise<void> {
  try {
    const now = (await handle.stat()).size
    if (now > size) {
      const tail = Buffer.alloc(Math.min(now - size, 1 << 20))
      const { bytesRead } = await handle.read(tail, 0, tail.length, size)
      // Ours has no newline before its end: a newline inside means another process's whole line follows it.
      if (!tail.subarray(0, bytesRead).subarray(1).includes(NEWLINE)) await handle.truncate(size)
    }
  } catch {
    // The torn line, if it stays, is skipped on read and ended before the next entry.
  }
}

export interface JsonLines<T> {
  entries: T[]
  /** Lines that were not whole JSON objects (a torn write), left out. */
  skipped: number
}

/** Every whole entry of a JSON-lines file, oldest first; torn or foreign lines are counted and skipped. */
export function readJsonLines<T>(path: string, isEntry: (value: unknown) => value is T): JsonLines<T> {
  if (!existsSync(path)) return { entries: [], skipped: 0 }
  const entries: T[] = []
  let skipped = 0
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const value = parseOrUndefined(line)
    if (value !== undefined && isEntry(value)) entries.push(value)
    else skipped++
  }
  return { entries, skipped }
}

/**
 * The same entries read a line at a time, for files too large to hold whole (the audit trail): only
 * the current line is in memory. `onSkipped` hears of each torn or foreign line.
 */
export async function* streamJsonLines<T>(path: string, isEntry: (value: unknown) => value is T, onSkipped?: () => void): AsyncGenerator<T> {
  if (!existsSync(path)) return
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue
      const value = parseOrUndefined(line)
      if (value !== undefined && isEntry(value)) yield value
      else onSkipped?.()
    }
  } finally {
    lines.close()
  }
}

function parseOrUndefined(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}
