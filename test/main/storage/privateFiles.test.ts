/**
 * The data folder's files: replaced whole (a failed replace leaves the old file and no stray
 * temporary), created private, and an older version's readable folder tightened on start.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ensurePrivateDir, tightenPrivateTree, writeFileAtomic } from '../../../src/main/storage/privateFiles'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-private-')
afterAll(() => temp.remove())

describe('private, atomic files', () => {
  it('creates folders 0700 and files 0600, and keeps the replaced version when asked', async () => {
    const dir = join(temp.dir, 'a', 'b')
    await ensurePrivateDir(dir)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(join(temp.dir, 'a')).mode & 0o777).toBe(0o700)
    const file = join(dir, 'pool.json')
    await writeFileAtomic(file, '{"v":1}', { keepPreviousAs: `${file}.bak` })
    await writeFileAtomic(file, '{"v":2}', { keepPreviousAs: `${file}.bak` })
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}')
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('{"v":1}')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir).sort()).toEqual(['pool.json', 'pool.json.bak'])
  })

  it('leaves the old file and no temporary behind when the replace fails', async () => {
    const dir = join(temp.dir, 'fail')
    await ensurePrivateDir(dir)
    const file = join(dir, 'state.json')
    await writeFileAtomic(file, 'old')
    // A folder in the way of the rename: the write itself succeeds, the replace does not.
    const blocked = join(dir, 'blocked.json')
    mkdirSync(join(blocked, 'inside'), { recursive: true })
    await expect(writeFileAtomic(blocked, 'new')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) })
    expect(readFileSync(file, 'utf8')).toBe('old')
    expect(readdirSync(dir).sort()).toEqual(['blocked.json', 'state.json'])
  })

  it('tightens a folder an earlier version left readable by others', async () => {
    const root = join(temp.dir, 'old-version')
    mkdirSync(join(root, 'stats', 'pool'), { recursive: true, mode: 0o755 })
    writeFileSync(join(root, 'audit.jsonl'), '{}\n', { mode: 0o644 })
    writeFileSync(join(root, 'stats', 'pool', 'premium.tsv'), 'jane\n', { mode: 0o644 })
    chmodSync(root, 0o755)
    await tightenPrivateTree(root)
    for (const path of [root, join(root, 'stats'), join(root, 'stats', 'pool')]) expect(statSync(path).mode & 0o777).toBe(0o700)
    for (const path of [join(root, 'audit.jsonl'), join(root, 'stats', 'pool', 'premium.tsv')]) expect(statSync(path).mode & 0o777).toBe(0o600)
  })
})
