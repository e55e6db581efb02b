/**
 * Locks between processes of the app: a live holder is named, a dead one (kill -9) is taken over,
 * and of several processes racing for a dead holder's lock exactly one wins.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { describeHolder, lockHolder, tryAcquireLock } from '../../../src/main/storage/fileLock'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-lock-')
afterAll(() => temp.remove())

const LOCK_MODULE = join(__dirname, '../../../src/main/storage/fileLock.ts')

/** A child process that takes the lock, says so, and then holds it until killed. */
function holdInChild(path: string, owner: string): Promise<{ pid: number; kill: (signal: NodeJS.Signals) => Promise<void> }> {
  const script = `const { tryAcquireLock } = require(${JSON.stringify(LOCK_MODULE)});
tryAcquireLock(${JSON.stringify(path)}, ${JSON.stringify(owner)}).then((a) => { console.log(a.acquired ? 'held' : 'refused'); setInterval(() => {}, 1000) })`
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => {
      if (String(chunk).trim() !== 'held') return reject(new Error('child could not take the lock'))
      resolve({
        pid: child.pid!,
        kill: (signal) => new Promise((done) => (child.once('exit', () => done()), child.kill(signal)))
      })
    })
    child.once('error', reject)
  })
}

describe('file locks', () => {
  it('names a live holder in another process and takes the lock over once it is killed', async () => {
    const path = join(temp.dir, 'scan.lock')
    const child = await holdInChild(path, 'the tier-admin CLI (stats)')
    const refused = await tryAcquireLock(path, 'the Tier Admin app')
    expect(refused.acquired).toBe(false)
    if (refused.acquired) return
    expect(refused.heldBy.pid).toBe(child.pid)
    expect(describeHolder(refused.heldBy)).toMatch(new RegExp(`^the tier-admin CLI \\(stats\\), process ${child.pid}, since \\d`))
    expect(lockHolder(path)?.pid).toBe(child.pid)

    await child.kill('SIGKILL')
    expect(existsSync(path)).toBe(true) // a killed holder leaves its file behind
    expect(lockHolder(path)).toBeNull()
    const taken = await tryAcquireLock(path, 'the Tier Admin app')
    expect(taken.acquired).toBe(true)
    if (taken.acquired) taken.lock.release()
    expect(existsSync(path)).toBe(false)
  })

  it('is private, and refused to a second taker in the same process until released', async () => {
    const path = join(temp.dir, 'owner.lock')
    const first = await tryAcquireLock(path, 'first')
    expect(first.acquired).toBe(true)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const second = await tryAcquireLock(path, 'second')
    expect(second.acquired).toBe(false)
    if (first.acquired) first.lock.release()
    const third = await tryAcquireLock(path, 'third')
    expect(third.acquired).toBe(true)
    if (third.acquired) third.lock.release()
  })

  it("lets exactly one of many racing takers have a dead holder's lock", async () => {
    const path = join(temp.dir, 'race.lock')
    // A holder that is certainly gone: a PID far above any the system hands out.
    writeFileSync(
      path,
      JSON.stringify({ owner: 'ghost', pid: 2 ** 22 + 17, hostname: (await import('node:os')).hostname(), since: new Date().toISOString(), token: 'dead' })
    )
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) => tryAcquireLock(path, `taker ${i}`)))
    const winners = attempts.filter((a) => a.acquired)
    expect(winners).toHaveLength(1)
    expect(JSON.parse(readFileSync(path, 'utf8')).owner).toMatch(/^taker \d$/)
    for (const w of winners) if (w.acquired) w.lock.release()
  })

  it('takes over a lock file a crash left unreadable', async () => {
    const path = join(temp.dir, 'torn.lock')
    writeFileSync(path, '{"owner":"half')
    const attempt = await tryAcquireLock(path, 'after the crash')
    expect(attempt.acquired).toBe(true)
    if (attempt.acquired) attempt.lock.release()
  })
})
