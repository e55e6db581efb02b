/**
 * Registrations started together through the real `tier-admin` bin, with no app running: every one
 * that printed success exists afterwards, and one emulator at a time serves the data folder while
 * ownership passes from process to process. Each failed before the fix (issue 6).
 */
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../src/main/cognito/connection'
import { startTierAdmin, waitFor } from '../support/cliProcess'
import { cliDataFolders, readServerRecord } from '../support/cliDataFolders'
import { watchListeners } from '../support/listeningSockets'

const { dataFolder, envFor, cliIn } = cliDataFolders()

const strong = 'Secure#Pass123'

describe('registrations at once on the sandbox, with no app running', () => {
  const dataDir = dataFolder()
  const cli = cliIn(dataDir)

  async function registerAtOnce(usernames: string[]) {
    const running = usernames.map((username) =>
      startTierAdmin(['register', '--username', username, '--email', `${username}@example.com`, '--password-stdin', '--json'], {
        env: envFor(dataDir),
        cwd: dataDir,
        stdin: `${strong}\n`
      })
    )
    const watch = watchListeners(() => running.map((run) => run.pid))
    const runs = await Promise.all(running.map((run) => run.done))
    const listeners = watch.stop()
    return { runs, listeners }
  }

  /**
   * Every registration that printed success exists: looked up with `get` from CLI processes run side by
   * side while this process holds the sandbox open (as the app would), so the look-ups share one
   * emulator. A registration that failed must say why with a code.
   */
  async function expectEverySuccessExists(usernames: string[], runs: { code: number; stdout: string; stderr: string }[]) {
    const succeeded = usernames.filter((_, i) => runs[i].code === 0)
    for (const [i, run] of runs.entries()) {
      if (run.code === 0) expect(JSON.parse(run.stdout)).toMatchObject({ username: usernames[i] })
      else expect(run.stderr, `${usernames[i]} failed without a clear error`).toMatch(/^Error \([A-Z_]+\): /m)
    }
    const app = await openConnection({ pool: { kind: 'sandbox' }, dataDir, listUsersRate: 30 }, { processLabel: 'the test (looking users up)' })
    try {
      const found = await Promise.all(succeeded.map((username) => cli(['get', username, '--json'])))
      succeeded.forEach((username, i) => {
        expect(found[i].code, `${username} printed success but: ${found[i].stderr}`).toBe(0)
        expect(JSON.parse(found[i].stdout)).toMatchObject({ username })
      })
    } finally {
      await app.close()
    }
    return succeeded
  }

  /** What the runs that did not succeed said, for the log. */
  const failures = (runs: { code: number; stderr: string }[]) =>
    runs.filter((run) => run.code !== 0).map((run) => /^Error \(([A-Z_]+)\)/m.exec(run.stderr)?.[1] ?? run.stderr)

  it('keeps both of two registrations started together, on one emulator', async () => {
    const usernames = ['pair_a', 'pair_b']
    const { runs, listeners } = await registerAtOnce(usernames)
    const succeeded = await expectEverySuccessExists(usernames, runs)
    console.log(`two registrations at once: ${succeeded.length} succeeded, refused: ${JSON.stringify(failures(runs))}`)
    expect(succeeded.length).toBeGreaterThanOrEqual(1)
    expect(listeners.samples).toBeGreaterThan(10)
    expect(listeners.seen.size, 'some process ran the emulator').toBeGreaterThanOrEqual(1)
    expect(listeners.maxAtOnce, 'two emulators ran at once').toBe(1)
  }, 60_000)

  it('keeps every one of ten registrations started together that succeeded, on one emulator at a time', async () => {
    const usernames = Array.from({ length: 10 }, (_, i) => `ten_${i}`)
    const { runs, listeners } = await registerAtOnce(usernames)
    const succeeded = await expectEverySuccessExists(usernames, runs)
    console.log(
      `ten registrations at once: ${succeeded.length} succeeded, refused: ${JSON.stringify(failures(runs))}; ` +
        `${listeners.seen.size} of 10 processes ran the emulator (one at a time), the others used theirs`
    )
    expect(succeeded.length).toBeGreaterThanOrEqual(1)
    expect(listeners.maxAtOnce, 'two emulators ran at once').toBe(1)
    // Ten processes, fewer emulators: the others used the one already running.
    expect(listeners.seen.size).toBeLessThan(usernames.length)
    const search = await cli(['search', 'ten_', '--json'])
    expect((JSON.parse(search.stdout) as { username: string }[]).map((u) => u.username).sort()).toEqual(expect.arrayContaining(succeeded))
  }, 90_000)

  // Known bug (reported, not fixed here: src/main/cognito/gateway.ts): a request refused because its
  // emulator's owner exited gets one reconnect; when the next owner is another short-lived CLI that
  // exits before the resend, the second refusal ends as NETWORK_UNREACHABLE. Seen on 8 of 30 parallel
  // `get`s. Enable once the gateway reconnects on every refusal (bounded, e.g. up to 5): a refused
  // request was never delivered. With that change this passed 6 rounds of 10 in a scratch copy.
  it('answers ten look-ups started together with no app running, none refused as ownership moves', async () => {
    const registered = await cli(['register', '--username', 'look_me_up', '--email', 'look@example.com', '--password-stdin'], `${strong}\n`)
    expect(registered.code, registered.stderr).toBe(0)
    for (let round = 1; round <= 3; round++) {
      const runs = await Promise.all(Array.from({ length: 10 }, () => cli(['get', 'look_me_up', '--json'])))
      expect(failures(runs), `round ${round}`).toEqual([])
    }
  }, 120_000)

  it('lets registrations use the emulator of a CLI that is already running, none starting its own', async () => {
    // A slow scan keeps one CLI process up as the emulator's owner.
    const owner = startTierAdmin(['stats'], { env: envFor(dataDir, { TIER_ADMIN_LIST_USERS_RPS: '0.5' }), cwd: dataDir })
    try {
      await waitFor('the scanning CLI to run the emulator', () => readServerRecord(dataDir)?.pid === owner.pid)
      const usernames = Array.from({ length: 4 }, (_, i) => `beside_${i}`)
      const { runs, listeners } = await registerAtOnce(usernames)
      expect(owner.child.exitCode, 'the owning CLI was still running').toBeNull()
      expect(runs.map((run) => run.code)).toEqual(usernames.map(() => 0))
      expect(listeners.seen.size, 'a registering CLI started its own emulator').toBe(0)
      expect(readServerRecord(dataDir)?.pid).toBe(owner.pid)
      await expectEverySuccessExists(usernames, runs)
    } finally {
      owner.child.kill('SIGKILL')
      await owner.done
    }
  }, 90_000)
})
