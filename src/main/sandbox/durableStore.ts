/**
 * cognito-local's storage, made crash-safe. Its own store (StormDB) rewrites each JSON file in place,
 * so a kill or a full disk mid-save leaves a 0-byte or half file, which it then reads as an empty pool.
 * This one keeps the same files and format but:
 *  - replaces a file atomically (temporary file, fsync, rename) and keeps the replaced one as `.bak`,
 *    the last good copy;
 *  - answers a write only once it is on disk, saving the writes that arrive together in one go;
 *  - on a failed save, returns the memory to what is on disk and fails every write not yet saved, so
 *    nothing is acknowledged, or shown, that a restart would lose;
 *  - refuses an empty, truncated or unparsable file rather than starting over (SandboxDamagedError);
 *  - looks keys up as own properties only, so "__proto__" or "constructor" never reach object internals.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { InvalidParameterError } from 'cognito-local/lib/errors'
import { CognitoError } from 'cognito-local/lib/errors'
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore'
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory'
import { BACKUP_SUFFIX } from './constants'
import { ensurePrivateDir, removeLeftoverTemporaries, writeFileAtomic } from '../storage/privateFiles'
import { reasonOf, remedyFor } from '../storage/localErrors'
import { SANDBOX_NOT_SAVED } from './constants'
import { isReservedName } from './reservedNames'
import { SandboxDamagedError } from './sandboxDamage'

type Json = Record<string, unknown>

/**
 * Keys ending in "Date" hold Dates in memory and ISO strings on disk, as cognito-local's own store
 * does. Date's toJSON already writes ISO strings, so no replacer (which would cost a call per key of a
 * pool of many thousand users) is needed on the way out.
 */
function serialize(data: Json): string {
  return JSON.stringify(data)
}

function deserialize(text: string): Json {
  return JSON.parse(text, (key, value) => (key.endsWith('Date') && (typeof value === 'string' || typeof value === 'number') ? new Date(value) : value))
}

/** Reads a store file; anything but a JSON object is damage, never an empty store. */
export async function readStoreFile(path: string): Promise<Json> {
  const text = await readFile(path, 'utf8')
  let data: unknown
  try {
    data = text.trim() === '' ? undefined : deserialize(text)
  } catch {
    data = undefined
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new SandboxDamagedError(path, text.length === 0 ? 'it is empty' : 'it is not complete JSON')
  }
  return data as Json
}

class DurableFile {
  private pending: { resolve: () => void; reject: (error: unknown) => void }[] = []
  private writing = false

  constructor(
    readonly path: string,
    public data: Json
  ) {}

  /** Resolves once the data as it is now is on disk. */
  save(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject })
      if (!this.writing) void this.drain()
    })
  }

  private async drain(): Promise<void> {
    this.writing = true
    while (this.pending.length) {
      const batch = this.pending.splice(0)
      try {
        await writeFileAtomic(this.path, serialize(this.data), { keepPreviousAs: this.path + BACKUP_SUFFIX })
        for (const waiter of batch) waiter.resolve()
      } catch (error) {
        const reloaded = await readStoreFile(this.path).catch(() => this.data)
        // Every write not on disk fails, including those that arrived while the disk was read back:
        // their changes were made to the memory that is now replaced.
        const unsaved = [...batch, ...this.pending.splice(0)]
        this.data = reloaded
        // A definite refusal (HTTP 400, its own name), not a server failure: the change was not made, and the
        // client must not report the outcome as unknown or blame the connection.
        const failure = new CognitoError(
          SANDBOX_NOT_SAVED,
          `The sandbox could not save ${basename(this.path)} (${reasonOf(error)}); the change was not made. ${remedyFor(error, this.path)}`
        )
        for (const waiter of unsaved) waiter.reject(failure)
      }
    }
    this.writing = false
  }
}

function keysOf(key: string | string[]): string[] {
  const keys = Array.isArray(key) ? key : [key]
  for (const k of keys) if (isReservedName(k)) throw new InvalidParameterError(`"${k}" is a reserved name in the sandbox`)
  return keys
}

function ownChild(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Json)[key] : undefined
}

class DurableDataStore implements DataStore {
  constructor(private readonly file: DurableFile) {}

  async get<T>(_ctx: unknown, key: string | string[], defaultValue?: T): Promise<T> {
    let value: unknown = this.file.data
    for (const k of Array.isArray(key) ? key : [key]) value = isReservedName(k) ? undefined : ownChild(value, k)
    return (value ?? defaultValue ?? null) as T
  }

  async getRoot<T>(): Promise<T> {
    return this.file.data as T
  }

  async set<T>(_ctx: unknown, key: string | string[], value: T): Promise<void> {
    const keys = keysOf(key)
    let parent = this.file.data
    for (const k of keys.slice(0, -1)) {
      const next = ownChild(parent, k)
      if (next === null || typeof next !== 'object') parent[k] = {}
      parent = parent[k] as Json
    }
    parent[keys[keys.length - 1]] = value
    await this.file.save()
  }

  async delete(_ctx: unknown, key: string | string[]): Promise<void> {
    const keys = keysOf(key)
    let parent: unknown = this.file.data
    for (const k of keys.slice(0, -1)) parent = ownChild(parent, k)
    if (parent && typeof parent === 'object') delete (parent as Json)[keys[keys.length - 1]]
    await this.file.save()
  }
}

/** One store per file, as cognito-local asks for them: `config`, `clients` and one per pool. */
export class DurableDataStoreFactory implements DataStoreFactory {
  private tidied = false

  constructor(private readonly directory: string) {}

  async create(_ctx: unknown, id: string, defaults: object): Promise<DataStore> {
    if (isReservedName(id)) throw new InvalidParameterError(`"${id}" is a reserved name in the sandbox`)
    await ensurePrivateDir(this.directory)
    // Once, before any store of this folder saves: later, a temporary file is another store's save in flight.
    if (!this.tidied) await removeLeftoverTemporaries(this.directory)
    this.tidied = true
    const path = join(this.directory, `${id}.json`)
    if (existsSync(path)) return new DurableDataStore(new DurableFile(path, await readStoreFile(path)))
    const file = new DurableFile(path, structuredClone(defaults) as Json)
    await file.save()
    return new DurableDataStore(file)
  }
}
