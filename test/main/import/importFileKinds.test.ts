/**
 * An import file of any kind is read with a byte budget and parsed in steps: /dev/zero stops one byte
 * past 16 MB, a FIFO nobody writes to neither hangs nor blocks, a FIFO that is written to is read, and a
 * 16 MB file lets the event loop turn while it is read and parsed, with line
 * numbers that stay those of the file across the steps.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseImportCsv, readImportFile } from '../../../src/main/import/importCsv'
import { readLimited } from '../../../src/main/import/readLimited'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-import-kinds-')
afterAll(() => temp.remove())

/**
 * How many turns the event loop made while `work` ran: a parser that holds the loop for the whole file
 * lets none happen. Counted, not timed, so a busy machine cannot fail the test (and no timing is asserted).
 */
async function loopTurns(work: () => Promise<unknown>): Promise<number> {
  let turns = 0
  let running = true
  const turn = () => {
    if (!running) return
    turns++
    setImmediate(turn)
  }
  setImmediate(turn)
  try {
    await work().catch(() => undefined)
  } finally {
    running = false
  }
  return turns
}

describe.skipIf(process.platform === 'win32')('import files of every kind', () => {
  it('reads at most 16 MB of /dev/zero, then refuses it by its size', async () => {
    await expect(readImportFile('/dev/zero')).rejects.toThrow('The file zero is larger than 16 MB, the most one import reads. Split it.')
    await expect(readLimited('/dev/zero', 1000)).rejects.toThrow('too-large')
  })

  it('gives up on a FIFO nobody writes to, without blocking the process', async () => {
    const fifo = join(temp.dir, 'silent.fifo')
    execFileSync('mkfifo', [fifo])
    // No writer ever: the open returns at once and the read ends as an empty file.
    await expect(readImportFile(fifo)).rejects.toThrow('The file silent.fifo needs a header line naming the columns username and email')
    // A writer that opens and then says nothing: given up after the idle limit, the loop turning meanwhile.
    const writer = open(fifo, 'w')
    const turns = await loopTurns(async () => {
      await expect(readLimited(fifo, 1000, 300)).rejects.toThrow('idle')
    })
    await (await writer).close()
    expect(turns).toBeGreaterThan(10)
  })

  it('reads a FIFO that is written to', async () => {
    const fifo = join(temp.dir, 'people.fifo')
    execFileSync('mkfifo', [fifo])
    const reading = readImportFile(fifo)
    const writer = await open(fifo, 'w')
    await writer.write('username,email\nann,ann@x.io\n')
    await writer.close()
    expect((await reading).rows).toEqual([{ row: 1, line: 2, cells: { username: 'ann', email: 'ann@x.io' } }])
  })

  it('parses 16 MB of blank lines and 10,000 rows in steps, the event loop turning between them', async () => {
    const blank = join(temp.dir, 'blank.csv')
    writeFileSync(blank, 'username,email\n' + '\n'.repeat(16 * 1024 * 1024 - 100) + 'ann,ann@x.io\n')
    let file: Awaited<ReturnType<typeof readImportFile>> | undefined
    // At least one turn for each 64 KB piece read and joined, and more while the blank lines are counted.
    expect(await loopTurns(async () => (file = await readImportFile(blank)))).toBeGreaterThan(256)
    expect(file!.rows).toEqual([{ row: 1, line: 16 * 1024 * 1024 - 100 + 2, cells: { username: 'ann', email: 'ann@x.io' } }])

    const rows = Array.from({ length: 10_000 }, (_, i) => `user_${i};"user ${i}\n@x.io";premium`)
    const text = 'username;email;tier\n' + rows.join('\n') + '\n'
    let parsed: Awaited<ReturnType<typeof parseImportCsv>> | undefined
    expect(await loopTurns(async () => (parsed = await parseImportCsv(text, 'many.csv')))).toBeGreaterThan(0)
    // Every record two lines long, the separator guessed once for every step.
    expect(parsed!.rows).toHaveLength(10_000)
    expect(parsed!.rows[9_999]).toEqual({ row: 10_000, line: 2 + 2 * 9_999, cells: { username: 'user_9999', email: 'user 9999\n@x.io', tier: 'premium' } })
  })
})
