/**
 * kill -9 while the sandbox saves. A child process owns the sandbox of a 20,000-user pool and registers
 * users without pause (several in flight), printing each username once its registration was answered;
 * the test kills it at a random moment and checks that nothing acknowledged was lost and nothing was
 * left damaged. Before the crash-safe store, a kill mid-save left a 0-byte database that then opened
 * as an empty pool.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppContext } from '../../../src/main/app/appContext'
import { getUser } from '../../../src/main/users/users'
import { cleanEnv } from '../../support/cliRunner'
import { createSeededSandbox } from '../../support/seededSandbox'
import { makeTempDir } from '../../support/tempDir'

const ROOT = join(__dirname, '../../..')
const WRITER = join(ROOT, 'test/support/tortureWriter.ts')
const SEEDED_USERS = 20_000
const KILLS = 20
/** Acknowledged writes a try waits for before its kill can come, so every kill falls among writes. */
const MIN_ACKS = 3
/** After those, the kill comes at a random moment within this window. */
const KILL_WINDOW_MS = 1000

const temp = makeTempDir('tier-admin-torture-')
afterAll(() => temp.remove())

interface Try {
  acked: string[]
  failed: number
  stderr: string
}

/** Runs the writer until it has acknowledged MIN_ACKS writes, lets it go on for a random moment, then kills it with SIGKILL. */
function writeUntilKilled(dataDir: string, prefix: string): Promise<Try> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, prefix, '4'], {
      cwd: ROOT,
      env: cleanEnv({}),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const acked: string[] = []
    let ready = false
    let buffered = ''
    let stderr = ''
    let killTimer: NodeJS.Timeout | undefined
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        if (line === 'READY') ready = true
        else if (line.startsWith('ACK ')) acked.push(line.slice(4))
      }
      if (ready && acked.length >= MIN_ACKS && !killTimer) killTimer = setTimeout(() => child.kill('SIGKILL'), Math.random() * KILL_WINDOW_MS)
    })
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      clearTimeout(giveUp)
      clearTimeout(killTimer)
      if (signal !== 'SIGKILL' || acked.length < MIN_ACKS) {
        reject(new Error(`The writer ended on its own (${signal ?? _code}) after ${acked.length} acknowledged writes:\n${stderr}`))
      } else {
        resolve({ acked, failed: (stderr.match(/^FAILED /gm) ?? []).length, stderr })
      }
    })
  })
}

/** Every JSON file the sandbox keeps, parsed: a damaged one throws here. */
function parseSandboxFiles(sandboxDir: string): Record<string, unknown> {
  const parsed: Record<string, unknown> = {}
  for (const dir of [sandboxDir, join(sandboxDir, 'db')]) {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.json') || name === 'server.json') continue
      const path = join(dir, name)
      const text = readFileSync(path, 'utf8')
      expect(text.length, `${path} is empty`).toBeGreaterThan(0)
      parsed[name] = JSON.parse(text)
    }
  }
  return parsed
}

describe('kill -9 while the sandbox saves', () => {
  it(`loses no acknowledged write over ${KILLS} kills on a ${SEEDED_USERS.toLocaleString('en')}-user pool`, async () => {
    const started = Date.now()
    const dataDir = temp.dir
    const { userPoolId, dbFile } = await createSeededSandbox(dataDir, SEEDED_USERS)
    const sandboxDir = join(dataDir, 'sandbox')
    const env = cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir })
    const allAcked = new Set<string>()
    let losses = 0
    let failedWrites = 0
    let killedMidSave = 0
    const lost: string[] = []

    for (let attempt = 1; attempt <= KILLS; attempt++) {
      const run = await writeUntilKilled(dataDir, `kill${attempt}`)
      run.acked.forEach((username) => allAcked.add(username))
      failedWrites += run.failed

      // A temporary file left beside the database: the kill came while a save was being written.
      if (readdirSync(join(sandboxDir, 'db')).some((name) => name.includes('.json.tmp-'))) killedMidSave++
      // The files as the crash left them: every one parses, and every acknowledged user is in the database.
      const files = parseSandboxFiles(sandboxDir)
      const db = files[`${userPoolId}.json`] as { Users: Record<string, unknown> }
      expect(db, `the database ${dbFile} is there`).toBeDefined()
      const missing = [...allAcked].filter((username) => !Object.hasOwn(db.Users, username))
      losses += missing.length
      lost.push(...missing)

      // The sandbox opens again as the app opens it, and serves the users of this try.
      const app = await openAppContext({ env, cwd: dataDir, processLabel: 'the torture test' })
      try {
        expect(app.status.state === 'error' ? app.status.error : null).toBeNull()
        const gateway = app.services().connection.gateway
        for (const username of [run.acked[0], run.acked.at(-1)!]) expect((await getUser(gateway, username)).username).toBe(username)
      } finally {
        await app.close()
      }
    }

    const db = JSON.parse(readFileSync(dbFile, 'utf8')) as { Users: Record<string, unknown> }
    const seededLeft = Object.keys(db.Users).filter((username) => username.startsWith('seed_')).length
    const seconds = (Date.now() - started) / 1000
    console.log(
      `kill -9 torture: ${KILLS} tries, ${allAcked.size} acknowledged writes, ${losses} lost, ${failedWrites} refused writes, ` +
        `${killedMidSave} kills while a save was being written, ` +
        `${Object.keys(db.Users).length} users in the pool (${seededLeft} seeded), ${seconds.toFixed(1)} s`
    )
    expect(lost).toEqual([])
    expect(seededLeft).toBe(SEEDED_USERS)
    expect(allAcked.size).toBeGreaterThanOrEqual(KILLS * MIN_ACKS)
  }, 280_000)
})
