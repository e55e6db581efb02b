/**
 * Damaged sandbox files are never taken for "no sandbox yet". Before the fix a 0-byte database opened
 * as an empty pool (and was rewritten as one), a truncated pool.json silently made a new pool and
 * orphaned the old users, and a corrupt database was reported as "could not start… check writable".
 * Now the sandbox refuses to start, names the file, keeps it, and restores the last good copy on request.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppContext, type AppContext } from '../../../src/main/app/appContext'
import { registerUser } from '../../../src/main/registration/registration'
import { getUser } from '../../../src/main/users/users'
import { cleanEnv, runTierAdmin } from '../../support/cliRunner'
import { makeTempDir } from '../../support/tempDir'

const temps: { remove: () => void }[] = []
afterAll(() => temps.forEach((temp) => temp.remove()))

const strong = 'Secure#Pass123'

function open(dataDir: string): Promise<AppContext> {
  return openAppContext({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir }), cwd: dataDir, processLabel: 'the damage test' })
}

/** A sandbox with three users registered one after another (so the database was saved several times). */
async function sandboxWithUsers(): Promise<{ dataDir: string; sandboxDir: string; userPoolId: string; clientId: string; dbFile: string }> {
  const temp = makeTempDir('tier-admin-damage-')
  temps.push(temp)
  const app = await open(temp.dir)
  const { connection, schema } = app.services()
  for (const username of ['early_bird', 'middle_one', 'last_one']) {
    await registerUser(connection, schema, { username, email: `${username}@example.com`, password: strong, tier: 'premium' })
  }
  const { userPoolId, clientId } = connection.info
  await app.close()
  const sandboxDir = join(temp.dir, 'sandbox')
  return { dataDir: temp.dir, sandboxDir, userPoolId, clientId, dbFile: join(sandboxDir, 'db', `${userPoolId}.json`) }
}

/** The usernames in a store file. */
function usersIn(file: string): string[] {
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { Users: Record<string, unknown> }).Users)
}

function expectRefused(app: AppContext, fileLabel: string): void {
  const status = app.status
  expect(status.state).toBe('error')
  if (status.state !== 'error') return
  expect(status.error.code).toBe('SANDBOX_DAMAGED')
  expect(status.error.message).toContain(fileLabel)
  expect(status.error.message).not.toMatch(/writable|Cognito says/)
  expect(() => app.services()).toThrow(/damaged/)
}

describe('damaged sandbox files', () => {
  const databaseDamage: [string, (bytes: Buffer) => Buffer][] = [
    ['an empty (0-byte) database', () => Buffer.alloc(0)],
    ['a truncated database', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2))]
  ]

  it.each(databaseDamage)('refuses %s, keeps it, and restores the last good copy', async (_, damage) => {
    const { dataDir, sandboxDir, userPoolId, dbFile } = await sandboxWithUsers()
    const lastGood = usersIn(dbFile + '.bak')
    expect(lastGood).toContain('early_bird')
    const damaged = damage(readFileSync(dbFile))
    writeFileSync(dbFile, damaged)

    const app = await open(dataDir)
    try {
      expectRefused(app, `db/${userPoolId}.json`)
      // Nothing was rewritten: the damaged file is as it was, and no second pool was made.
      expect(readFileSync(dbFile).equals(damaged)).toBe(true)
      expect(readdirSync(join(sandboxDir, 'db')).filter((name) => name.endsWith('.json') && name !== 'clients.json')).toEqual([`${userPoolId}.json`])

      const report = await app.restoreSandbox()
      expect(report.restored).toEqual([`db/${userPoolId}.json`])
      expect(app.status.state).toBe('connected')
      const { connection } = app.services()
      expect(connection.info.userPoolId).toBe(userPoolId)
      for (const username of lastGood) expect((await getUser(connection.gateway, username)).username).toBe(username)
      // The damaged file is kept beside the restored one.
      const kept = readdirSync(join(sandboxDir, 'db')).filter((name) => name.startsWith(`${userPoolId}.json.damaged-`))
      expect(kept).toHaveLength(1)
      expect(readFileSync(join(sandboxDir, 'db', kept[0])).equals(damaged)).toBe(true)
    } finally {
      await app.close()
    }
  })

  it('refuses a truncated pool.json instead of making a new pool, and restores it with every user', async () => {
    const { dataDir, sandboxDir, userPoolId, clientId, dbFile } = await sandboxWithUsers()
    const recordFile = join(sandboxDir, 'pool.json')
    const damaged = readFileSync(recordFile).subarray(0, 20)
    writeFileSync(recordFile, damaged)
    const usersBefore = usersIn(dbFile)

    const app = await open(dataDir)
    try {
      expectRefused(app, 'pool.json')
      // pool.json is written once, so there is no earlier copy: the way out must keep the users.
      if (app.status.state === 'error') {
        expect(app.status.error.message).toContain('sandbox-restore --yes')
        expect(app.status.error.message).not.toMatch(/empty sandbox/)
      }
      expect(readFileSync(recordFile).equals(damaged)).toBe(true)
      expect(usersIn(dbFile)).toEqual(usersBefore)

      const report = await app.restoreSandbox()
      expect(report.restored).toContain('pool.json')
      expect(app.status.state).toBe('connected')
      const { connection } = app.services()
      expect(connection.info).toMatchObject({ userPoolId, clientId })
      for (const username of ['early_bird', 'middle_one', 'last_one']) expect((await getUser(connection.gateway, username)).username).toBe(username)
      expect(readdirSync(sandboxDir).some((name) => name.startsWith('pool.json.damaged-'))).toBe(true)
    } finally {
      await app.close()
    }
  })

  it('is restored from the command line too (sandbox-restore --yes)', async () => {
    const { dataDir, userPoolId, dbFile } = await sandboxWithUsers()
    const lastGood = usersIn(dbFile + '.bak')
    writeFileSync(dbFile, '')
    const cli = (args: string[]) => runTierAdmin(args, { env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir }), cwd: dataDir })

    const refused = await cli(['get', 'early_bird'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('SANDBOX_DAMAGED')
    expect(refused.stderr).toContain(`db/${userPoolId}.json`)
    expect(refused.stderr).toContain('sandbox-restore --yes')
    expect(readFileSync(dbFile, 'utf8')).toBe('')

    expect((await cli(['sandbox-restore'])).code).toBe(2)
    const restored = await cli(['sandbox-restore', '--yes'])
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)
    expect(restored.stdout).toContain(`db/${userPoolId}.json`)
    for (const username of lastGood) {
      const got = await cli(['get', username, '--json'])
      expect(got.code, got.stderr).toBe(0)
    }
  }, 60_000)

  it('rebuilds a missing pool.json from the existing pool (same pool, users kept), never a new empty pool', async () => {
    const { dataDir, sandboxDir, userPoolId, clientId } = await sandboxWithUsers()
    const recordFile = join(sandboxDir, 'pool.json')
    rmSync(recordFile)
    rmSync(recordFile + '.bak', { force: true })

    const app = await open(dataDir)
    try {
      expect(app.status.state === 'error' ? app.status.error : null).toBeNull()
      const { connection } = app.services()
      expect(connection.info).toMatchObject({ userPoolId, clientId })
      for (const username of ['early_bird', 'middle_one', 'last_one']) expect((await getUser(connection.gateway, username)).username).toBe(username)
      expect(existsSync(recordFile)).toBe(true)
      expect(JSON.parse(readFileSync(recordFile, 'utf8'))).toMatchObject({ userPoolId, clientId })
      expect(readdirSync(join(sandboxDir, 'db')).filter((name) => name.endsWith('.json') && name !== 'clients.json')).toEqual([`${userPoolId}.json`])
    } finally {
      await app.close()
    }
  })
})
