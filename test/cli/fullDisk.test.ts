/**
 * A full disk through the real bin: the data folder on a 3 MB tmpfs, filled once the sandbox exists.
 * Every command says LOCAL_FILE_ERROR naming the file it could not save (a write on an open file
 * carries no path of its own), never "INTERNAL (ENOSPC) … may not have finished". Needs root to mount
 * the tmpfs; skipped elsewhere.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-full-')
const disk = join(temp.dir, 'disk')
mkdirSync(disk)
let mounted = false
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', disk], { stdio: 'ignore' })
  mounted = true
} catch {
  // Not root, or no tmpfs: the test is skipped.
}
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: join(disk, 'data') })
const cli = (args: string[]) => runTierAdmin(args, { env, cwd: temp.dir })

beforeAll(async () => {
  if (!mounted) return
  expect((await cli(['pool'])).code).toBe(0)
  // Fill what is left, a block at a time, until the disk refuses.
  try {
    for (let i = 0; ; i++) writeFileSync(join(disk, `filler-${i}`), Buffer.alloc(64 * 1024))
  } catch {
    // Full.
  }
}, 120_000)
afterAll(() => {
  if (mounted) execFileSync('umount', [disk])
  temp.remove()
})

describe.skipIf(!mounted)('a full disk', () => {
  it.each([['get', 'jane'], ['set-tier', '--username', 'jane', '--tier', 'premium'], ['stats']])(
    '%s says LOCAL_FILE_ERROR naming the file',
    async (...args) => {
      const run = await cli(args)
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/Error \(LOCAL_FILE_ERROR\): The app could not use its file \S+ \(the disk is full\)\. Free some disk space, then try again\./)
      expect(run.stderr).not.toMatch(/INTERNAL|ENOSPC|may not have finished/)
    }
  )
})
