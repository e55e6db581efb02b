/**
 * Everything a scan keeps on disk, in the pool's state folder, private to the operator's account:
 *
 *   current.json                          which result is the last finished one: { result, folder }
 *   results/<id>/<bucket>/<part>.tsv      that result's users per tier bucket and partition (username,
 *                                         email, tier value), read in name order, which is sub order
 *   scan/state.json                       the unfinished scan: mode, partitions, and its results folder
 *   scan/done/<part>.json                 a finished partition's counts, written once when it finishes
 *
 * A scan writes its members straight into its own results folder, a partition's files ending `.part`
 * until it finishes; no reader looks there until current.json names it. A partition counts as finished
 * only once its done file exists, so after a crash or cancel any member file without one is deleted and
 * the partition is scanned again from its start. Finishing a scan is then one atomic replace of
 * current.json, so a reader in another process (the CLI's list-tier beside the app) sees the old result
 * or the new one, figures and member lists always from the same scan, and the operator does not wait
 * for the pool's users to be copied once more after the last page.
 */
import { randomBytes } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { TIER_BUCKETS, type ScanProgress, type StatsResult, type TierBucket, type TierMember } from '../../shared/domain'
import { ensurePrivateDir, writeFileAtomic } from '../storage/privateFiles'
import { bucketFiles, discardUnfinishedPartitions, fileKey, linesOf, parseMemberLine, PartitionWriter, prepareMemberFolder } from './memberFiles'
import type { Tally } from './tally'

/** The unfinished scan's description. */
export interface ScanMeta {
  /** 2 since members go straight to the results folder; an unfinished scan of version 1 starts over. */
  version: 2
  userPoolId: string
  mode: ScanProgress['mode']
  modeReason?: string
  /** Sub prefixes, or [''] for a sequential scan. */
  partitions: string[]
  startedAt: string
  estimatedUsers?: number
  /** The folder under results/ its members are written to; '' until the scan is planned. */
  folder: string
}

export interface PartitionRecord {
  key: string
  pages: number
  tally: Tally
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

/** The on-disk state of one pool's scans. */
export class ScanStore {
  private readonly scanDir: string
  private readonly doneDir: string
  private readonly resultsDir: string

  constructor(private readonly dir: string) {
    this.scanDir = join(dir, 'scan')
    this.doneDir = join(this.scanDir, 'done')
    this.resultsDir = join(dir, 'results')
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

  private membersFiles(current: CurrentResult | null, bucket: TierBucket): Promise<string[]> {
    return bucketFiles(current?.folder ? join(this.resultsDir, current.folder) : join(this.dir, 'members'), bucket)
  }

  /** The unfinished scan and its finished partitions; null when there is none. */
  async loadScan(): Promise<{ meta: ScanMeta; done: PartitionRecord[] } | null> {
    const meta = await readJson<ScanMeta>(join(this.scanDir, 'state.json'))
    if (!meta || meta.version !== 2 || !meta.folder) return null
    const done: PartitionRecord[] = []
    for (const prefix of meta.partitions) {
      const record = await readJson<PartitionRecord>(join(this.doneDir, `${fileKey(prefix)}.json`))
      if (record) done.push(record)
    }
    return { meta, done }
  }

  /** Starts a new scan from nothing in a new results folder, dropping any earlier unfinished one. */
  async beginScan(meta: Omit<ScanMeta, 'folder'>): Promise<ScanMeta> {
    const earlier = await readJson<Partial<ScanMeta>>(join(this.scanDir, 'state.json'))
    // A crash after current.json named it and before the scan folder went leaves it the current result.
    if (earlier?.folder && earlier.folder !== (await this.current())?.folder) await rm(join(this.resultsDir, earlier.folder), { recursive: true, force: true })
    await rm(this.scanDir, { recursive: true, force: true })
    const begun: ScanMeta = { ...meta, folder: `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}` }
    await prepareMemberFolder(join(this.resultsDir, begun.folder))
    await ensurePrivateDir(this.doneDir)
    await writeJsonAtomic(join(this.scanDir, 'state.json'), begun)
    return begun
  }

  /** Deletes member files of partitions that did not finish, so they are scanned again from the start. */
  async discardUnfinished(meta: ScanMeta, finished: ReadonlySet<string>): Promise<void> {
    await ensurePrivateDir(this.doneDir)
    await discardUnfinishedPartitions(join(this.resultsDir, meta.folder), finished)
  }

  openPartition(meta: ScanMeta, prefix: string): PartitionWriter {
    return new PartitionWriter(join(this.resultsDir, meta.folder), fileKey(prefix))
  }

  /** Records a partition as finished; its member files must already be in place. */
  savePartition(record: PartitionRecord): Promise<void> {
    return writeJsonAtomic(join(this.doneDir, `${fileKey(record.key)}.json`), record)
  }

  /**
   * Makes the finished scan the last result: names its folder, which already holds every member, in
   * current.json, then drops the scan folder and old results.
   */
  async finalize(result: StatsResult, meta: ScanMeta): Promise<void> {
    const previous = await this.current()
    await writeJsonAtomic(join(this.dir, 'current.json'), { result, folder: meta.folder } satisfies CurrentResult)
    await rm(this.scanDir, { recursive: true, force: true })
    await this.removeOldResults(new Set([meta.folder, previous?.folder ?? '']))
  }

  /**
   * Older results go, except the one just replaced: a reader that looked at current.json a moment ago
   * may still be reading it.
   */
  private async removeOldResults(keep: ReadonlySet<string>): Promise<void> {
    for (const name of await readdir(this.resultsDir).catch(() => [] as string[])) {
      if (!keep.has(name)) await rm(join(this.resultsDir, name), { recursive: true, force: true })
    }
    await rm(join(this.dir, 'members'), { recursive: true, force: true })
    await rm(join(this.dir, 'last.json'), { force: true })
  }

  /** Reads members of a bucket from the last result, streaming: only the requested page is kept. */
  async readMembers(bucket: TierBucket, offset: number, limit: number): Promise<{ result: StatsResult | null; members: TierMember[] }> {
    const current = await this.current()
    const members: TierMember[] = []
    let index = 0
    for await (const line of linesOf(await this.membersFiles(current, bucket))) {
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
      for await (const line of linesOf(await this.membersFiles(current, bucket))) {
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
    for await (const line of linesOf(await this.membersFiles(await this.current(), bucket))) yield parseMemberLine(line)
  }
}
