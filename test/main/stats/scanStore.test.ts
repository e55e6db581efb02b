/**
 * The scan's files: members go straight into the scan's own results folder as partitions are read, so
 * finishing a scan writes no member again; results of earlier versions stay readable; a crash between
 * the steps of a finish or a resume loses no finished result.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { StatsResult } from '../../../src/shared/domain'
import type { ScannedUser } from '../../../src/main/poolScan/listPages'
import { ScanStore, type ScanMeta } from '../../../src/main/stats/scanStore'
import { emptyTally } from '../../../src/main/stats/tally'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-scan-store-')
afterAll(() => temp.remove())
let n = 0

const user = (username: string, tierValue: string): ScannedUser => ({
  username,
  sub: undefined,
  email: `${username}@acme.test`,
  tierValue,
  status: 'CONFIRMED',
  enabled: true,
  createdAt: undefined
})

const result = (total: number): StatsResult => ({
  figures: { ...emptyTally(), total } as unknown as StatsResult['figures'],
  finishedAt: '2026-12-06T00:00:00.000Z',
  durationMs: 1,
  mode: 'partitioned',
  userPoolId: 'p'
})

const plan = (partitions: string[]): Omit<ScanMeta, 'folder'> => ({
  version: 2,
  userPoolId: 'p',
  mode: 'partitioned',
  partitions,
  startedAt: '2026-12-06T00:00:00.000Z'
})

function freshStore(): { dir: string; store: ScanStore } {
  const dir = join(temp.dir, `pool-${n++}`)
  return { dir, store: new ScanStore(dir) }
}

/** Every file under `dir` with its inode and change time: a file written again shows as changed. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else out[relative(dir, path)] = `${statSync(path).ino}:${statSync(path).ctimeMs}`
    }
  }
  walk(dir)
  return out
}

async function scanPartition(store: ScanStore, meta: ScanMeta, prefix: string, users: ScannedUser[]): Promise<void> {
  const writer = store.openPartition(meta, prefix)
  await writer.write(users)
  await writer.finish()
  await store.savePartition({ key: prefix, pages: 1, tally: emptyTally() })
}

async function names(store: ScanStore, bucket: 'premium' | 'standard' | 'none' | 'invalid'): Promise<string[]> {
  return (await store.readMembers(bucket, 0, 1000)).members.map((m) => m.username)
}

describe('the scan store', () => {
  it('makes a finished scan current without writing any member again', async () => {
    const { dir, store } = freshStore()
    const meta = await store.beginScan(plan(['0', '1']))
    await scanPartition(store, meta, '1', [user('b1', 'premium'), user('b2', 'standard')])
    await scanPartition(store, meta, '0', [user('a1', 'premium'), user('a2', 'gold'), user('a3', '')])
    const members = Object.entries(files(join(dir, 'results'))).filter(([path]) => path.endsWith('.tsv'))
    expect(members.map(([path]) => path).sort()).toEqual(
      [
        `${meta.folder}/invalid/0.tsv`,
        `${meta.folder}/none/0.tsv`,
        `${meta.folder}/premium/0.tsv`,
        `${meta.folder}/premium/1.tsv`,
        `${meta.folder}/standard/1.tsv`
      ].sort()
    )

    await store.finalize(result(5), meta)

    // The very files the partitions wrote, untouched, are the result: nothing was copied or split at the end.
    expect(Object.entries(files(join(dir, 'results'))).filter(([path]) => path.endsWith('.tsv'))).toEqual(members)
    expect(await names(store, 'premium')).toEqual(['a1', 'b1'])
    expect(await names(store, 'invalid')).toEqual(['a2'])
    expect((await store.readMembers('premium', 1, 1)).members).toEqual([{ username: 'b1', email: 'b1@acme.test', tierValue: 'premium' }])
    expect(readdirSync(dir).sort()).toEqual(['current.json', 'results'])
  })

  it('on resume deletes only the partitions that did not finish, in every bucket', async () => {
    const { store } = freshStore()
    const meta = await store.beginScan(plan(['0', '1', '2']))
    await scanPartition(store, meta, '0', [user('a1', 'premium'), user('a2', '')])
    const torn = store.openPartition(meta, '1')
    await torn.write([user('b1', 'premium'), user('b2', 'standard')])
    // A partition finished on disk but not recorded as done (a crash between the two) is read again too.
    const unrecorded = store.openPartition(meta, '2')
    await unrecorded.write([user('c1', 'premium')])
    await unrecorded.finish()

    const saved = await store.loadScan()
    expect(saved?.done.map((record) => record.key)).toEqual(['0'])
    await store.discardUnfinished(saved!.meta, new Set(['0']))
    await scanPartition(store, saved!.meta, '1', [user('b1', 'premium')])
    await scanPartition(store, saved!.meta, '2', [user('c1', 'premium')])
    await store.finalize(result(4), saved!.meta)
    expect(await names(store, 'premium')).toEqual(['a1', 'b1', 'c1'])
    expect(await names(store, 'standard')).toEqual([])
  })

  it('keeps the current result when a crash left its scan folder behind and a new scan begins', async () => {
    const { dir, store } = freshStore()
    const meta = await store.beginScan(plan(['0']))
    await scanPartition(store, meta, '0', [user('a1', 'premium')])
    await store.finalize(result(1), meta)
    // As if the process died after current.json named the result and before the scan folder went.
    mkdirSync(join(dir, 'scan'), { recursive: true })
    writeFileSync(join(dir, 'scan', 'state.json'), JSON.stringify(meta))

    const next = await store.beginScan(plan(['0']))
    expect(next.folder).not.toBe(meta.folder)
    expect(await names(store, 'premium')).toEqual(['a1'])
  })

  it("drops an abandoned scan's members when a new scan begins", async () => {
    const { dir, store } = freshStore()
    const abandoned = await store.beginScan(plan(['0']))
    await scanPartition(store, abandoned, '0', [user('a1', 'premium')])
    const next = await store.beginScan(plan(['']))
    expect(readdirSync(join(dir, 'results'))).toEqual([next.folder])
  })

  it('reads a result written by an earlier version, one file per bucket', async () => {
    const { dir, store } = freshStore()
    mkdirSync(join(dir, 'results', 'old'), { recursive: true })
    writeFileSync(join(dir, 'results', 'old', 'premium.tsv'), 'p1\tp1@acme.test\tpremium\np2\t\tpremium\n')
    writeFileSync(join(dir, 'current.json'), JSON.stringify({ result: result(2), folder: 'old' }))
    expect(await store.readMembers('premium', 0, 10)).toMatchObject({
      result: { figures: { total: 2 } },
      members: [
        { username: 'p1', email: 'p1@acme.test', tierValue: 'premium' },
        { username: 'p2', email: null, tierValue: 'premium' }
      ]
    })
    expect(await names(store, 'standard')).toEqual([])
  })

  it('starts over from an unfinished scan of the earlier layout instead of resuming half of it', async () => {
    const { dir, store } = freshStore()
    mkdirSync(join(dir, 'scan', 'done'), { recursive: true })
    writeFileSync(join(dir, 'scan', 'state.json'), JSON.stringify({ ...plan(['0']), version: 1 }))
    writeFileSync(join(dir, 'scan', 'done', '0.json'), JSON.stringify({ key: '0', pages: 1, tally: emptyTally() }))
    expect(await store.loadScan()).toBeNull()
  })
})
