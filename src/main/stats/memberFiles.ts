/**
 * A scan's member lists on disk: one line per user (username, email, tier value), one file per tier
 * bucket and partition, written while the partition is read and read back in sub order. A partition's
 * users are sorted into their buckets as its pages arrive, so a finished scan has nothing left to split
 * and its result is current as soon as its last page is in.
 */
import { createReadStream } from 'node:fs'
import { open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { TIER_BUCKETS, type TierBucket, type TierMember } from '../../shared/domain'
import type { ScannedUser } from '../poolScan/listPages'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/privateFiles'
import { withPath } from '../storage/withPath'
import { bucketOf } from './tally'

/** A partition's file name stem: its sub prefix, or "all" for the sequential pass. */
export const fileKey = (prefix: string): string => (prefix === '' ? 'all' : prefix)

/** Creates a scan's member folder, one subfolder per tier bucket, ready for its partitions' files. */
export async function prepareMemberFolder(folder: string): Promise<void> {
  for (const bucket of TIER_BUCKETS) await ensurePrivateDir(join(folder, bucket))
}

/**
 * Deletes the member files of every partition not in `finished` (sub prefixes), and every `.part`
 * file, in each bucket: those partitions are read again from their start.
 */
export async function discardUnfinishedPartitions(folder: string, finished: ReadonlySet<string>): Promise<void> {
  await prepareMemberFolder(folder)
  const keep = new Set([...finished].map((prefix) => `${fileKey(prefix)}.tsv`))
  for (const bucket of TIER_BUCKETS) {
    for (const name of await readdir(join(folder, bucket))) if (!keep.has(name)) await rm(join(folder, bucket, name), { force: true })
  }
}

/** Members are stored one per line; these four characters are escaped so any tier value fits. */
function escapeField(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
}

function unescapeField(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c))
}

function memberLine(user: ScannedUser): string {
  return `${escapeField(user.username)}\t${escapeField(user.email ?? '')}\t${escapeField(user.tierValue)}\n`
}

export function parseMemberLine(line: string): TierMember {
  const [username = '', email = '', tierValue = ''] = line.split('\t')
  return { username: unescapeField(username), email: email === '' ? null : unescapeField(email), tierValue: unescapeField(tierValue) }
}

/**
 * Appends one partition's members to `<folder>/<bucket>/<key>.tsv.part`, opening a bucket's file when
 * its first user arrives; `finish` makes them count.
 */
export class PartitionWriter {
  private readonly open = new Map<TierBucket, { handle: FileHandle; path: string }>()

  constructor(
    private readonly folder: string,
    private readonly key: string
  ) {}

  async write(users: readonly ScannedUser[]): Promise<void> {
    const lines = new Map<TierBucket, string>()
    for (const user of users) {
      const bucket = bucketOf(user.tierValue)
      lines.set(bucket, (lines.get(bucket) ?? '') + memberLine(user))
    }
    for (const [bucket, text] of lines) {
      const file = this.open.get(bucket) ?? (await this.openBucket(bucket))
      await file.handle.write(text).catch((error: unknown) => Promise.reject(withPath(error, file.path)))
    }
  }

  private async openBucket(bucket: TierBucket): Promise<{ handle: FileHandle; path: string }> {
    const path = join(this.folder, bucket, `${this.key}.tsv`)
    const file = { handle: await open(`${path}.part`, 'w', PRIVATE_FILE_MODE), path }
    this.open.set(bucket, file)
    return file
  }

  async finish(): Promise<void> {
    for (const { handle, path } of this.open.values()) {
      // On disk before its done record can exist, or a power cut could leave a finished partition empty.
      await handle.sync().catch((error: unknown) => Promise.reject(withPath(error, path)))
      await handle.close()
    }
    for (const { path } of this.open.values()) await rename(`${path}.part`, path)
    this.open.clear()
  }

  async abandon(): Promise<void> {
    for (const { handle, path } of this.open.values()) {
      await handle.close().catch(() => undefined)
      await rm(`${path}.part`, { force: true })
    }
    this.open.clear()
  }
}

/** The finished files of one bucket in a result folder, in sub order (the name order of hex prefixes). */
export async function bucketFiles(folder: string, bucket: TierBucket): Promise<string[]> {
  // Results written by earlier versions hold one file per bucket.
  const single = join(folder, `${bucket}.tsv`)
  if (await exists(single)) return [single]
  const names = await readdir(join(folder, bucket)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [] as string[]
    throw error
  })
  return names
    .filter((name) => name.endsWith('.tsv'))
    .sort()
    .map((name) => join(folder, bucket, name))
}

/** Every non-empty line of the files, one file after another, streaming. */
export async function* linesOf(paths: readonly string[]): AsyncGenerator<string> {
  for (const path of paths) yield* lines(path)
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
