/**
 * Everything a scan keeps on disk, in the pool's state folder, private to the operator's account:
 *
 *   current.json              which result is the last finished one: { result, folder }
 *   results/<id>/<bucket>.tsv that result's users per tier bucket (username, email, tier value)
 *   scan/state.json           the unfinished scan: mode and partitions (its state and time are in job.json)
 *   scan/done/<part>.json     a finished partition's counts, written once when it finishes
 *   scan/members/<part>.tsv   a finished partition's users; `.part` while it is being scanned
 *
 * A partition counts as finished only once its done file exists, so after a crash or cancel any
 * member file without one is deleted and the partition is scanned again from its start. A finished
 * result is written to a new folder and then named in current.json in one atomic replace, so a
 * reader in another process (the CLI's list-tier beside the app) sees the old result or the new one,
 * figures and member lists always from the same scan.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { TIER_BUCKETS, type ScanProgress, type StatsResult, type TierBucket, type TierMember } from '../../shared/domain'
import { ensurePrivateDir, PRIVATE_FILE_MODE, writeFileAtomic } from '../storage/privateFiles'
import { withPath } from '../storage/withPath'
import type { ScannedUser } from '../poolScan/listPages'
import { bucketOf, type Tally } from './tally'

/** The unfinished scan's description. */
export interface ScanMeta {
  version: 1
  userPoolId: string
  mode: ScanProgress['mode']
  modeReason?: string
  /** Sub prefixes, or [''] for a sequential scan. */
  partitions: string[]
  startedAt: string
  estimatedUsers?: number
}

export interface PartitionRecord {
  key: string
  pages: number
  tally: Tally
}

const fileKey = (prefix: string): string => (prefix === '' ? 'all' : prefix)

/** Members are stored one per line; these four characters are escaped so any tier value fits. */
function escapeField(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
}

function unescapeField(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c))
}

export function memberLine(user: ScannedUser): string {
  return `${escapeField(user.username)}\t${escapeField(user.email ?? '')}\t${escapeField(user.tierValue)}\n`
}

function parseMemberLine(line: string): TierMember {
  const [username = '', email = '', tierValue = ''] = line.split('\t')
  return { username: unescapeField(username), email: email === '' ? null : unescapeField(email), tierValue: unescapeField(tierValue) }
}

function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  return writeFileAtomic(path, JSON.stringify(value))
}

/** The pointer to the last finished result and the folder that holds its member lists. */
interface CurrentResult {
  result: StatsResult
  /** A folder under results/, or "" for the layout of earlier versions (last.json and members/). */
  folder: string
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    // A torn or corrupt file is treated as absent: the scan it described is redone.
    if (error instanceof SyntaxError) return null
    throw error
  }
}

/** Appends one partition's members while it is scanned; `finish` makes them count. */
export class PartitionWriter {
  private constructor(
    private readonly handle: FileHandle,
    private readonly partPath: string,
    private readonly finalPath: string
  ) {}

  static async open(partPath: string, finalPath: string): Promise<PartitionWriter> {
    return new PartitionWriter(await open(partPath, 'w', PRIVATE_FILE_MODE), partPath, finalPath)
  }

  async write(users: readonly ScannedUser[]): Promise<void> {
    if (users.length) await this.handle.write(users.map(memberLine).join('')).catch((error: unknown) => Promise.reject(withPath(error, this.finalPath)))
  }

  async finish(): Promise<void> {
    // On disk before its done record can exist, or a power cut could leave a finished partition empty.
    await this.handle.sync().catch((error: unknown) => Promise.reject(withPath(error, this.finalPath)))
    await this.handle.close()
    await rename(this.partPath, this.finalPath)
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined)
    await rm(this.partPath, { force: true })
  }
}

/** The on-disk state of one pool's scans. */
export class ScanStore {
  private readonly scanDir: string
  private readonly doneDir: string
  private readonly scanMembersDir: string

  constructor(private readonly dir: string) {
    this.scanDir = join(dir, 'scan')
    this.doneDir = join(this.scanDir, 'done')
    this.scanMembersDir = join(this.scanDir, 'members')
  }

  async loadLast(): Promise<StatsResult | null> {
    return (await this.current())?.result ?? null
  }

  /** Read afresh each time: another process may have finished a scan since. */
  private async current(): Promise<CurrentResult | null> {
    const current = await readJson<CurrentResult>(join(this.dir, 'current.json'))
    if (current?.result) return current
    const legacy = await readJson<StatsResult>(join(this.dir, 'last.json'))
    return legacy ? { result: legacy, folder: '' } : null
  }

  private membersPath(current: CurrentResult | null, bucket: TierBucket): string {
    return current?.folder ? join(this.dir, 'results', current.folder, `${bucket}.tsv`) : join(this.dir, 'members', `${bucket}.tsv`)
  }

  /** The unfinished scan and its finished partitions; null when there is none. */
  async loadScan(): Promise<{ meta: ScanMeta; done: PartitionRecord[] } | null> {
    const meta = await readJson<ScanMeta>(join(this.scanDir, 'state.json'))
    if (!meta || meta.version !== 1) return null
    const done: PartitionRecord[] = []
    for (const prefix of meta.partitions) {
      const record = await readJson<PartitionRecord>(join(this.doneDir, `${fileKey(prefix)}.json`))
      if (record) done.push(record)
    }
    return { meta, done }
  }

  /** Starts a new scan from nothing, dropping any earlier unfinished one. */
  async beginScan(meta: ScanMeta): Promise<void> {
    await rm(this.scanDir, { recursive: true, force: true })
    await ensurePrivateDir(this.doneDir)
    await ensurePrivateDir(this.scanMembersDir)
    await this.saveMeta(meta)
  }

  private saveMeta(meta: ScanMeta): Promise<void> {
    return writeJsonAtomic(join(this.scanDir, 'state.json'), meta)
  }

  /** Deletes member files of partitions that did not finish, so they are scanned again from the start. */
  async discardUnfinished(finished: ReadonlySet<string>): Promise<void> {
    await ensurePrivateDir(this.scanMembersDir)
    await ensurePrivateDir(this.doneDir)
    for (const name of await readdir(this.scanMembersDir)) {
      const key = name.replace(/\.tsv(\.part)?$/, '')
      if (name.endsWith('.part') || !finished.has(key === 'all' ? '' : key)) await rm(join(this.scanMembersDir, name), { force: true })
    }
  }

  openPartition(prefix: string): Promise<PartitionWriter> {
    const base = join(this.scanMembersDir, `${fileKey(prefix)}.tsv`)
    return PartitionWriter.open(`${base}.part`, base)
  }

  /** Records a partition as finished; its member file must already be in place. */
  savePartition(record: PartitionRecord): Promise<void> {
    return writeJsonAtomic(join(this.doneDir, `${fileKey(record.key)}.json`), record)
  }

  /**
   * Makes the finished scan the last result: splits the partitions' members into one file per bucket
   * in a new results folder, names it in current.json, then drops the scan folder and old results.
   */
  async finalize(result: StatsResult, partitions: readonly string[]): Promise<void> {
    const previous = await this.current()
    const folder = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`
    const target = join(this.dir, 'results', folder)
    await ensurePrivateDir(target)
    const outputs = new Map<TierBucket, FileHandle>()
    try {
      for (const bucket of TIER_BUCKETS) outputs.set(bucket, await open(join(target, `${bucket}.tsv`), 'w', PRIVATE_FILE_MODE))
      for (const prefix of partitions) await this.splitPartition(join(this.scanMembersDir, `${fileKey(prefix)}.tsv`), outputs)
      for (const handle of outputs.values()) await handle.sync()
    } finally {
      for (const handle of outputs.values()) await handle.close()
    }
    await writeJsonAtomic(join(this.dir, 'current.json'), { result, folder } satisfies CurrentResult)
    await rm(this.scanDir, { recursive: true, force: true })
    await this.removeOldResults(new Set([folder, previous?.folder ?? '']))
  }

  /**
   * Older results go, except the one just replaced: a reader that looked at current.json a moment ago
   * may still be reading it.
   */
  private async removeOldResults(keep: ReadonlySet<string>): Promise<void> {
    for (const name of await readdir(join(this.dir, 'results')).catch(() => [] as string[])) {
      if (!keep.has(name)) await rm(join(this.dir, 'results', name), { recursive: true, force: true })
    }
    await rm(join(this.dir, 'members'), { recursive: true, force: true })
    await rm(join(this.dir, 'last.json'), { force: true })
  }

  private async splitPartition(path: string, outputs: Map<TierBucket, FileHandle>): Promise<void> {
    const pending = new Map<TierBucket, string[]>(TIER_BUCKETS.map((b) => [b, []]))
    const flush = async (): Promise<void> => {
      for (const [bucket, lines] of pending) {
        if (lines.length) await outputs.get(bucket)!.write(lines.join(''))
        lines.length = 0
      }
    }
    let buffered = 0
    for await (const line of lines(path)) {
      pending.get(bucketOf(parseMemberLine(line).tierValue))!.push(`${line}\n`)
      if (++buffered >= 5000) {
        await flush()
        buffered = 0
      }
    }
    await flush()
  }

  /** Reads members of a bucket from the last result, streaming: only the requested page is kept. */
  async readMembers(bucket: TierBucket, offset: number, limit: number): Promise<{ result: StatsResult | null; members: TierMember[] }> {
    const current = await this.current()
    const members: TierMember[] = []
    let index = 0
    for await (const line of lines(this.membersPath(current, bucket))) {
      if (index++ < offset) continue
      members.push(parseMemberLine(line))
      if (members.length >= limit) break
    }
    return { result: current?.result ?? null, members }
  }

  /** The last finished result's members `match` accepts, at most `limit` (every bucket read from the same result). */
  async findMembers(match: (member: TierMember) => boolean, limit: number): Promise<{ result: StatsResult | null; members: TierMember[]; truncated: boolean }> {
    const current = await this.current()
    const members: TierMember[] = []
    for (const bucket of TIER_BUCKETS) {
      for await (const line of lines(this.membersPath(current, bucket))) {
        const member = parseMemberLine(line)
        if (!match(member)) continue
        if (members.length >= limit) return { result: current?.result ?? null, members, truncated: true }
        members.push(member)
      }
    }
    return { result: current?.result ?? null, members, truncated: false }
  }

  /** Every member of a bucket in the last finished result, one at a time. */
  async *members(bucket: TierBucket): AsyncGenerator<TierMember> {
    for await (const line of lines(this.membersPath(await this.current(), bucket))) yield parseMemberLine(line)
  }
}

async function* lines(path: string): AsyncGenerator<string> {
  // readline does not pass on the stream's open error, so a missing file is checked for first.
  if (!(await exists(path))) return
  const stream = createReadStream(path, { encoding: 'utf8' })
  const reader = createInterface({ input: stream, crlfDelay: Infinity })
  try {
    for await (const line of reader) if (line !== '') yield line
  } finally {
    reader.close()
    stream.destroy()
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}
