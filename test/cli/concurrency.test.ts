/**
 * Issue 6's reproductions, through the real `tier-admin` bin in child processes sharing one data folder:
 * two scans at once, registrations at once, an audit log that cannot be written, private files, and the
 * emulator's owner exiting under a process attached to it. Each failed before the fix.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../src/main/cognito/connection'
import { PoolSchemaService } from '../../src/main/cognito/poolSchema'
import { registerUser } from '../../src/main/registration/registration'
import { getUser } from '../../src/main/users/users'
import { startTierAdmin, waitFor } from '../support/cliProcess'
import { cliDataFolders, readServerRecord } from '../support/cliDataFolders'
import { runTierAdmin } from '../support/cliRunner'
import { ownsSandbox } from '../support/sandboxConnection'
import { createSeededSandbox } from '../support/seededSandbox'
import { walkModes } from '../support/walkModes'

const { dataFolder, envFor, cliIn } = cliDataFolders()

const strong = 'Secure#Pass123'

/** The per-pool scan lock of the (one) pool scanned in this data folder, once a scan took it. */
function scanLockExists(dataDir: string): boolean {
  const statsDir = join(dataDir, 'stats')
  if (!existsSync(statsDir)) return false
  return readdirSync(statsDir).some((pool) => existsSync(join(statsDir, pool, 'scan.lock')))
}

describe('two statistics scans on one data folder', () => {
  it('finishes one, refuses the other naming who holds the scan, and leaves whole member lists', async () => {
    const dataDir = dataFolder()
    const { expected } = await createSeededSandbox(dataDir, 2000)
    const cli = cliIn(dataDir)
    // One ListUsers a second: the first scan takes ~20 s, so the second surely starts while it runs.
    const slow = { TIER_ADMIN_LIST_USERS_RPS: '1' }
    const startedAt = Date.now()
    const first = startTierAdmin(['stats', '--json'], { env: envFor(dataDir, slow), cwd: dataDir })
    await waitFor('the first scan to take its lock', () => scanLockExists(dataDir))
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3000 - (Date.now() - startedAt))))
    expect(first.child.exitCode, 'the first scan is still running').toBeNull()
    const second = await runTierAdmin(['stats', '--json'], { env: envFor(dataDir, slow), cwd: dataDir })
    const firstRun = await first.done

    expect(firstRun.stderr).toBe('')
    expect(firstRun.code).toBe(0)
    const figures = JSON.parse(firstRun.stdout).figures
    expect(figures).toMatchObject({ total: expected.total, tiers: expected.tiers })

    expect(second.code).toBe(1)
    expect(second.stderr).toContain('LOCKED_BY_OTHER_PROCESS')
    expect(second.stderr).toContain('tier-admin CLI')
    expect(second.stderr).not.toMatch(/Cognito says|ENOENT/)

    const invalidTotal = Object.values(expected.tiers.invalid).reduce((a, b) => a + b, 0)
    const seeded: Record<string, number> = {
      standard: expected.tiers.standard,
      premium: expected.tiers.premium,
      none: expected.tiers.none,
      invalid: invalidTotal
    }
    const lists = await Promise.all(Object.keys(seeded).map((bucket) => cli(['list-tier', bucket, '--json'])))
    Object.keys(seeded).forEach((bucket, i) => {
      expect(lists[i].code, `list-tier ${bucket}: ${lists[i].stderr}`).toBe(0)
      const { members, total } = JSON.parse(lists[i].stdout) as { members: { username: string }[]; total: number }
      expect(members.length, `members listed for ${bucket}`).toBe(total)
      expect(total, `total for ${bucket}`).toBe(seeded[bucket])
      expect(new Set(members.map((m) => m.username)).size, `distinct members for ${bucket}`).toBe(total)
    })
  }, 120_000)
})

describe('an audit log that cannot be written', () => {
  it('refuses the registration before anything is sent', async () => {
    const dataDir = dataFolder()
    const cli = cliIn(dataDir)
    mkdirSync(join(dataDir, 'audit.jsonl'))
    const run = await cli(['register', '--username', 'unaudited', '--email', 'u@example.com', '--password-stdin'], `${strong}\n`)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('AUDIT_UNWRITABLE')
    expect(run.stderr).toMatch(/Nothing was sent/)
    expect(run.stderr).toContain('audit.jsonl')
    expect(run.stderr).not.toMatch(/Cognito says|Unexpected error|EISDIR/)

    rmSync(join(dataDir, 'audit.jsonl'), { recursive: true })
    const after = await cli(['get', 'unaudited'])
    expect(after.code).toBe(1)
    expect(after.stderr).toContain('USER_NOT_FOUND')
    const outbox = await cli(['outbox', '--username', 'unaudited', '--json'])
    expect(JSON.parse(outbox.stdout)).toEqual([])
    // With the log back, the same registration goes through (the username was never taken).
    const retry = await cli(['register', '--username', 'unaudited', '--email', 'u@example.com', '--password-stdin'], `${strong}\n`)
    expect(retry.stderr).toBe('')
    expect(retry.code).toBe(0)
  }, 60_000)
})

describe('private data folder', () => {
  const expectAllPrivate = (root: string) => {
    const exposed = walkModes(root).filter((entry) => (entry.mode & 0o077) !== 0)
    expect(exposed.map((entry) => `${entry.path} ${entry.mode.toString(8)}`)).toEqual([])
  }

  it('holds nothing readable by group or others after a full journey, and tightens an older folder', async () => {
    const dataDir = join(dataFolder(), 'Tier Admin')
    const cli = cliIn(dataDir)
    const ok = async (args: string[], stdin?: string) => {
      const run = await cli(args, stdin)
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0)
      return run
    }
    await ok(['register', '--username', 'private_pat', '--email', 'pat@example.com', '--password-stdin', '--tier', 'premium'], `${strong}\n`)
    const code = (JSON.parse((await ok(['outbox', '--username', 'private_pat', '--json'])).stdout) as { code: string }[])[0].code
    await ok(['confirm', '--username', 'private_pat', '--code', code])
    await ok(['set-tier', '--username', 'private_pat', '--tier', 'standard'])
    await ok(['stats', '--json'])
    await ok(['list-tier', 'standard', '--json'])
    await ok(['list-tier', 'standard', '--csv'])

    const entries = walkModes(dataDir)
    for (const expected of ['sandbox', 'sandbox/db', 'audit.jsonl', 'sandbox/outbox.jsonl', 'sandbox/pool.json', 'sandbox/config.json', 'stats']) {
      expect(entries.map((entry) => entry.path)).toContain(expected)
    }
    expect(entries.some((entry) => entry.path.startsWith('stats/') && !entry.dir)).toBe(true)
    expectAllPrivate(dataDir)

    // As an earlier version left it: everything 0755 / 0644, plus a file of the operator's.
    for (const entry of entries) chmodSync(join(dataDir, entry.path), entry.dir ? 0o755 : 0o644)
    writeFileSync(join(dataDir, 'notes.txt'), 'left here by hand')
    chmodSync(join(dataDir, 'notes.txt'), 0o644)
    await ok(['pool'])
    expectAllPrivate(dataDir)
  }, 120_000)

  it('tightens a data folder pre-created 0755 with a 0644 file on the next run', async () => {
    const dataDir = join(dataFolder(), 'precreated')
    mkdirSync(join(dataDir, 'stats', 'old'), { recursive: true })
    writeFileSync(join(dataDir, 'stats', 'old', 'members.tsv'), 'someone\tsomeone@example.com\tpremium\n')
    writeFileSync(join(dataDir, 'readme.txt'), 'hello')
    for (const dir of [dataDir, join(dataDir, 'stats'), join(dataDir, 'stats', 'old')]) chmodSync(dir, 0o755)
    for (const file of [join(dataDir, 'readme.txt'), join(dataDir, 'stats', 'old', 'members.tsv')]) chmodSync(file, 0o644)
    const run = await cliIn(dataDir)(['pool'])
    expect(run.code, run.stderr).toBe(0)
    expectAllPrivate(dataDir)
  }, 60_000)
})

describe('the CLI that runs the emulator exits while another process is attached', () => {
  const dataDir = dataFolder()
  const config = { pool: { kind: 'sandbox' as const }, dataDir, listUsersRate: 30 }
  let seeded = false

  it.each([
    ['is killed (SIGKILL)', 'SIGKILL'],
    ['is ended (SIGTERM)', 'SIGTERM'],
    ['finishes and exits', 'exit']
  ] as const)(
    'the attached process takes the emulator over when the CLI %s',
    async (_, how) => {
      if (!seeded) {
        await createSeededSandbox(dataDir, 300)
        seeded = true
      }
      const owner = startTierAdmin(['stats', '--json'], { env: envFor(dataDir, { TIER_ADMIN_LIST_USERS_RPS: how === 'exit' ? '2' : '0.5' }), cwd: dataDir })
      let connection: Awaited<ReturnType<typeof openConnection>> | undefined
      try {
        await waitFor('the CLI to run the emulator', () => readServerRecord(dataDir)?.pid === owner.pid)
        connection = await openConnection(config, { processLabel: 'the test (attached)' })
        const schema = new PoolSchemaService(connection.gateway)
        expect(ownsSandbox(connection)).toBe(false)
        expect(Number(new URL(connection.info.endpoint!).port)).toBe(readServerRecord(dataDir)?.port)
        const tag = how.toLowerCase()
        await registerUser(connection, schema, { username: `attached_${tag}`, email: `a_${tag}@example.com`, password: strong })

        if (how === 'exit') {
          const run = await owner.done
          expect(run.code, run.stderr).toBe(0)
        } else {
          owner.child.kill(how)
          const run = await owner.done
          expect(run.signal).toBe(how)
        }

        // The next request finds the emulator gone, takes it over, and goes through.
        await registerUser(connection, schema, { username: `after_${tag}`, email: `b_${tag}@example.com`, password: strong })
        expect(ownsSandbox(connection)).toBe(true)
        expect(readServerRecord(dataDir)?.pid).toBe(process.pid)
        expect((await getUser(connection.gateway, `attached_${tag}`)).username).toBe(`attached_${tag}`)
        expect((await getUser(connection.gateway, `after_${tag}`)).username).toBe(`after_${tag}`)
        expect((await getUser(connection.gateway, 'seed_00007')).username).toBe('seed_00007')
      } finally {
        if (owner.child.exitCode === null && owner.child.signalCode === null) owner.child.kill('SIGKILL')
        await owner.done
        await connection?.close()
      }
      // Closed here, so the next process owns it afresh and still sees every user.
      const get = await cliIn(dataDir)(['get', `after_${how.toLowerCase()}`, '--json'])
      expect(get.code, get.stderr).toBe(0)
    },
    90_000
  )
})
