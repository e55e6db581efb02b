/**
 * `<dataDir>/profiles.json`: the operator's connection profiles and the one last chosen. The app and
 * CLI processes share it, so it is read afresh for every use and each change is a read-modify-write
 * under a lock file, replaced atomically (a crash leaves the old file or the new, never half of one).
 * A client secret is stored only sealed by the SecretStore; the file never holds it in plain text.
 */
import { randomBytes } from 'node:crypto'
import { open, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/errors'
import { ENVIRONMENT_PROFILE_ID, poolKey, SANDBOX_PROFILE_ID, type ProfileFields, type ProfileInput } from '../../shared/profiles'
import { ensurePrivateDir, PRIVATE_FILE_MODE, writeFileAtomic } from '../storage/privateFiles'
import { damagedProfiles, MAX_PROFILES_BYTES, notJson, unreadableText, wrongEntry } from './profilesDamage'
import { sealSecret, type SecretStore } from './secretStore'

export const PROFILES_FILE = 'profiles.json'

/** One profile as stored: the secret, when there is one, sealed (base64 of safeStorage's bytes). */
export interface StoredProfile extends ProfileFields {
  sealedSecret?: string
}

export interface ProfilesFile {
  /** The profile chosen last, opened at the next start. */
  active?: string
  profiles: StoredProfile[]
  /** The pools marked production (`region/poolId`): the mark stays with the pool when a profile is changed or deleted. */
  productionPools?: string[]
}

/** Whether a pool is production: marked, or named by a profile marked before the mark moved to the pool. */
export function isProductionPool(file: ProfilesFile, key: string): boolean {
  return (file.productionPools ?? []).includes(key) || file.profiles.some((profile) => profile.production && poolKey(profile) === key)
}

// Unknown keys are dropped and a damaged entry refuses the whole file, rather than connecting somewhere half-read.
const storedSchema = z.object({
  active: z.string().optional(),
  profiles: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      region: z.string(),
      userPoolId: z.string(),
      clientId: z.string(),
      // Only a web address: Cognito is reached over HTTP(S), and a file: or data: URL is no endpoint.
      endpoint: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' }).optional(),
      emulator: z.boolean(),
      production: z.boolean(),
      requireReason: z.boolean().optional(),
      schedulerRoleArn: z.string().optional(),
      credentialSource: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('default') }),
        z.object({ kind: z.literal('profile'), profile: z.string() }),
        z.object({ kind: z.literal('environment') })
      ]),
      sealedSecret: z.string().optional()
    })
  ),
  productionPools: z.array(z.string()).optional()
})

const RESERVED_IDS = new Set([SANDBOX_PROFILE_ID, ENVIRONMENT_PROFILE_ID])
/** A lock older than this was left by a process that died mid-change. */
const STALE_LOCK_MS = 10_000
const LOCK_WAIT_MS = 5_000

export class ProfileStore {
  readonly path: string

  constructor(
    private readonly dataDir: string,
    private readonly secrets?: SecretStore
  ) {
    this.path = join(dataDir, PROFILES_FILE)
  }

  /** The file as it is on disk now; an absent file is no profiles, a damaged one an error saying what is wrong. */
  async read(): Promise<ProfilesFile> {
    const { file, damage } = await this.inspect()
    if (damage) throw damage
    return file
  }

  /** The file, or (damaged) no profiles and what is wrong: the built-in pools stay usable meanwhile. */
  async inspect(): Promise<{ file: ProfilesFile; damage?: AppError }> {
    let text: string
    try {
      const handle = await open(this.path, 'r')
      try {
        // At most one byte past the limit: enough to tell a 20 MB stranger without reading it.
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(MAX_PROFILES_BYTES + 1), 0, MAX_PROFILES_BYTES + 1, 0)
        const size = bytesRead > MAX_PROFILES_BYTES ? (await handle.stat()).size : bytesRead
        text = buffer.toString('utf8', 0, bytesRead)
        const unreadable = unreadableText(text, size)
        if (unreadable) return { file: { profiles: [] }, damage: damagedProfiles(this.path, unreadable) }
      } finally {
        await handle.close()
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: { profiles: [] } }
      throw error
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      return { file: { profiles: [] }, damage: damagedProfiles(this.path, notJson(error)) }
    }
    const result = storedSchema.safeParse(parsed)
    if (result.success) return { file: result.data }
    return { file: { profiles: [] }, damage: damagedProfiles(this.path, wrongEntry(result.error.issues, parsed)) }
  }

  /** Adds a profile or changes one; the secret is sealed first, so a refusal changes nothing. */
  async save(input: ProfileInput): Promise<StoredProfile> {
    if (input.id && RESERVED_IDS.has(input.id)) throw new AppError('VALIDATION', `The built-in profile "${input.id}" cannot be changed.`)
    const sealed = input.clientSecret ? sealSecret(this.secrets, input.name, input.clientSecret) : undefined
    return this.change((file) => {
      const existing = input.id ? file.profiles.find((profile) => profile.id === input.id) : undefined
      if (input.id && !existing) throw new AppError('VALIDATION', `No profile with id "${input.id}": it may have been deleted by another window or the CLI.`)
      if (file.profiles.some((profile) => profile.id !== input.id && profile.name.toLowerCase() === input.name.toLowerCase())) {
        throw new AppError('VALIDATION', `A profile named "${input.name}" already exists. Choose another name.`, { name: 'A profile with this name exists' })
      }
      const key = poolKey(input)
      // Unticking the mark in a save is refused; a new profile for a marked pool is production whatever it says.
      if (!input.production && existing && poolKey(existing) === key && isProductionPool(file, key)) {
        throw new AppError(
          'PRODUCTION_CONFIRMATION_REQUIRED',
          `Pool ${input.userPoolId} is marked production, and the mark belongs to the pool, not to one profile. Nothing was saved. Remove the mark on its own ("Remove production mark…"), which asks you to type the pool ID.`,
          { production: 'The pool is marked production' }
        )
      }
      const keptSecret = input.clearClientSecret ? undefined : existing?.sealedSecret
      // A save that does not say keeps the profile's choice (absent: the default for its pool).
      const requireReason = input.requireReason ?? existing?.requireReason
      const profile: StoredProfile = {
        id: existing?.id ?? newId(input.name, file.profiles),
        name: input.name,
        region: input.region,
        userPoolId: input.userPoolId,
        clientId: input.clientId,
        ...(input.endpoint ? { endpoint: input.endpoint } : {}),
        emulator: Boolean(input.endpoint) && input.emulator,
        production: input.production,
        ...(requireReason === undefined ? {} : { requireReason }),
        credentialSource: input.credentialSource,
        ...(input.schedulerRoleArn ? { schedulerRoleArn: input.schedulerRoleArn } : {}),
        ...((sealed ?? keptSecret) ? { sealedSecret: sealed ?? keptSecret } : {})
      }
      const profiles = existing ? file.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...file.profiles, profile]
      const productionPools = input.production ? [...new Set([...(file.productionPools ?? []), key])] : file.productionPools
      return [{ ...file, profiles, ...(productionPools ? { productionPools } : {}) }, profile]
    })
  }

  async remove(id: string): Promise<void> {
    await this.change((file) => {
      const profiles = file.profiles.filter((profile) => profile.id !== id)
      return [{ ...file, ...(file.active === id ? { active: undefined } : {}), profiles }, undefined]
    })
  }

  /** Takes the pool's production mark away, from the pool and every profile that names it. The caller has had a person confirm it. */
  async unmarkProduction(key: string): Promise<void> {
    await this.change((file) => {
      const profiles = file.profiles.map((profile) => (poolKey(profile) === key ? { ...profile, production: false } : profile))
      return [{ ...file, profiles, productionPools: (file.productionPools ?? []).filter((pool) => pool !== key) }, undefined]
    })
  }

  /** Remembers the profile to open at the next start. */
  async setActive(id: string): Promise<void> {
    await this.change((file) => [{ ...file, active: id }, undefined])
  }

  private async change<T>(apply: (file: ProfilesFile) => [ProfilesFile, T]): Promise<T> {
    await ensurePrivateDir(this.dataDir)
    const release = await this.lock()
    try {
      const [next, result] = apply(await this.read())
      await writeFileAtomic(this.path, JSON.stringify(next, null, 2) + '\n')
      return result
    } finally {
      await release()
    }
  }

  /** An exclusive lock file beside profiles.json, so two processes' changes do not overwrite each other. */
  private async lock(): Promise<() => Promise<void>> {
    const lockPath = `${this.path}.lock`
    const deadline = Date.now() + LOCK_WAIT_MS
    for (;;) {
      try {
        const handle = await open(lockPath, 'wx', PRIVATE_FILE_MODE)
        await handle.close()
        return () => rm(lockPath, { force: true })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const age = await stat(lockPath).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0
        )
        if (age > STALE_LOCK_MS) await rm(lockPath, { force: true })
        else if (Date.now() > deadline)
          throw new AppError('LOCKED_BY_OTHER_PROCESS', 'Another Tier Admin process is changing the profiles. Try again in a moment.')
        else await new Promise((resolve) => setTimeout(resolve, 25))
      }
    }
  }
}

/** A readable id from the name ("Prod EU" → "prod-eu"), made unique; never a built-in's. */
function newId(name: string, profiles: StoredProfile[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'profile'
  const taken = (id: string) => RESERVED_IDS.has(id) || profiles.some((profile) => profile.id === id)
  return taken(base) ? `${base}-${randomBytes(3).toString('hex')}` : base
}
