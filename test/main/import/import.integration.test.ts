/**
 * Imports on a real cognito-local sandbox: the preview of a file holding every kind of bad row, a run
 * with AdminCreateUser, the results CSV, a second import of the same file that creates nothing and
 * names the first, a 200-row SignUp import, and a file changed between preview and start.
 */
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getUser } from '../../../src/main/users/users'
import { openBulkSandbox, tierWritesByUser, type BulkSandbox } from '../../support/bulkSandbox'
import { makeTempDir } from '../../support/tempDir'

const FIXTURE = join(__dirname, '../../fixtures/import/every-problem.csv')
const temp = makeTempDir('tier-admin-import-')
let sandbox: BulkSandbox

beforeAll(async () => {
  sandbox = await openBulkSandbox(temp.dir, 1)
  const { gateway } = sandbox.connection
  await gateway.send(
    new AdminCreateUserCommand({
      UserPoolId: gateway.userPoolId,
      Username: 'existing_user',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'existing@example.com' }]
    })
  )
}, 120_000)
afterAll(async () => {
  await sandbox?.close()
  temp.remove()
})

const tierOf = async (username: string) => (await getUser(sandbox.connection.gateway, username)).tier

describe('an import file with every kind of bad row', () => {
  let jobId = ''

  it('marks each bad row with its kind, its line and its reason, and sends nothing', async () => {
    const preview = await sandbox.imports.preview({ path: FIXTURE })
    jobId = preview.jobId
    const byLine = Object.fromEntries(preview.rows.map((row) => [row.line, row]))
    expect(preview.rows.map((row) => [row.line, row.action, row.problem ?? null])).toEqual([
      [2, 'create', null],
      [3, 'skip', 'email'],
      [4, 'skip', 'password'],
      [5, 'skip', 'duplicate'],
      [6, 'skip', 'tier'],
      [7, 'skip', 'attribute'],
      [8, 'skip', 'exists'],
      [9, 'skip', 'username'],
      [10, 'create', null],
      [11, 'skip', 'duplicate']
    ])
    expect(byLine[2]).toMatchObject({
      username: 'ada_import',
      tier: 'premium',
      hasPassword: true,
      attributes: [{ name: 'custom:department', value: 'R&D; lab' }]
    })
    expect(byLine[3]!.reason).toContain('not-an-email')
    expect(byLine[4]!.reason).toMatch(/weaker than the pool's policy; it needs .*8 characters/)
    expect(byLine[5]!.reason).toBe('The same username as line 2')
    expect(byLine[6]!.reason).toContain('"gold" is not a tier')
    expect(byLine[7]!.reason).toBe('shoe_size: the pool has no attribute custom:shoe_size')
    expect(byLine[8]!.reason).toBe('Already in the pool')
    expect(byLine[11]!.reason).toContain('same email as line 2')
    expect(byLine[10]).toMatchObject({
      username: 'gus_import',
      tier: 'standard',
      hasPassword: false,
      attributes: [{ name: 'custom:department', value: 'Sales' }]
    })
    expect(preview).toMatchObject({ creates: 2, withoutPassword: 1, fileName: 'every-problem.csv' })
    expect(JSON.stringify(preview)).not.toContain('Str0ng!Pass')
    expect(readFileSync(join(temp.dir, 'jobs', jobId, 'preview.json'), 'utf8')).not.toContain('Str0ng!Pass')
    await expect(getUser(sandbox.connection.gateway, 'ada_import')).rejects.toThrow()
  })

  it('creates the good rows with AdminCreateUser and writes a results CSV of every row', async () => {
    await sandbox.imports.start(jobId, { method: 'admin-create', invitation: 'suppress' })
    const end = await sandbox.imports.settled(jobId)
    expect(end).toMatchObject({ state: 'done', total: 10, done: 10, created: 2, existed: 0, skipped: 8, failed: 0 })
    expect(await tierOf('ada_import')).toEqual({ kind: 'tier', tier: 'premium' })
    expect(await tierOf('gus_import')).toEqual({ kind: 'tier', tier: 'standard' })
    const ada = await getUser(sandbox.connection.gateway, 'ada_import')
    expect(ada.attributes).toContainEqual({ name: 'custom:department', value: 'R&D; lab' })
    const csvPath = join(temp.dir, 'results.csv')
    expect(await sandbox.imports.writeResultsCsv(jobId, csvPath)).toBe(10)
    const lines = readFileSync(csvPath, 'utf8').trim().split('\r\n')
    // Numbered by the file's line, as the preview names them (the header is line 1).
    expect(lines[0]).toBe('line,username,email,tier,outcome,reason,ticket_or_reason')
    expect(lines[1]).toBe('2,ada_import,ada@example.com,premium,created,Created; invitation suppressed,')
    expect(lines.filter((line) => line.includes(',skipped,'))).toHaveLength(8)
    const creates = tierWritesByUser(temp.dir, 'AdminCreateUser')
    expect([...creates.keys()].sort()).toEqual(['ada_import', 'existing_user', 'gus_import'])
  })

  it('imports the same file again without creating anything, naming the import that created them', async () => {
    const again = await sandbox.imports.preview({ path: FIXTURE })
    expect(again.creates).toBe(0)
    expect(again.earlier).toMatchObject({ jobId, created: 2 })
    const ada = again.rows.find((row) => row.line === 2)!
    expect(ada).toMatchObject({ action: 'skip', problem: 'exists' })
    expect(ada.reason).toMatch(/^Already in the pool: created by the import of \d{4}-\d\d-\d\d$/)
    const listed = await sandbox.imports.list()
    expect(listed.map((job) => [job.jobId, job.state, job.method])).toContainEqual([jobId, 'done', 'admin-create'])
  })
})

describe('a 200-row SignUp import', () => {
  it('registers every row, skips none, and a re-run creates nothing', async () => {
    const path = join(temp.dir, 'two-hundred.csv')
    const lines = ['username,email,tier,password,company']
    for (let i = 0; i < 200; i++) lines.push(`bulk_${i},bulk_${i}@example.com,${i % 4 === 0 ? 'premium' : 'standard'},Onb0ard!${i},"Acme, Inc."`)
    writeFileSync(path, lines.join('\n') + '\n')
    const preview = await sandbox.imports.preview({ path })
    expect(preview).toMatchObject({ creates: 200, withoutPassword: 0 })
    await sandbox.imports.start(preview.jobId, { method: 'signup' })
    const end = await sandbox.imports.settled(preview.jobId)
    expect(end).toMatchObject({ state: 'done', created: 200, failed: 0, skipped: 0 })
    expect(await tierOf('bulk_8')).toEqual({ kind: 'tier', tier: 'premium' })
    const user = await getUser(sandbox.connection.gateway, 'bulk_9')
    expect(user.status).toBe('UNCONFIRMED')
    expect(user.attributes).toContainEqual({ name: 'custom:company', value: 'Acme, Inc.' })
    const signUps = tierWritesByUser(temp.dir, 'SignUp')
    expect([...signUps.values()].every((count) => count.ok === 1 && count.intents === 1)).toBe(true)

    const again = await sandbox.imports.preview({ path })
    expect(again.creates).toBe(0)
    expect(again.rows.every((row) => row.problem === 'exists')).toBe(true)
  }, 120_000)

  it('refuses to start when the file changed since its preview, and says what to do', async () => {
    const path = join(temp.dir, 'changed.csv')
    writeFileSync(path, 'username,email,password\nchanged_1,changed_1@example.com,Str0ng!Pass\n')
    const preview = await sandbox.imports.preview({ path })
    writeFileSync(path, readFileSync(path, 'utf8').replace('Str0ng!Pass', 'Other!Pass1'))
    await expect(sandbox.imports.start(preview.jobId, { method: 'signup' })).rejects.toThrow(/has been moved or changed since its preview.*Import it again/)
  })

  it('skips rows without a password under SignUp, saying AdminCreateUser would make one', async () => {
    const path = join(temp.dir, 'no-password.csv')
    writeFileSync(path, 'username,email\nnopass_1,nopass_1@example.com\n')
    const preview = await sandbox.imports.preview({ path })
    await sandbox.imports.start(preview.jobId, { method: 'signup' })
    const end = await sandbox.imports.settled(preview.jobId)
    expect(end).toMatchObject({ created: 0, skipped: 1 })
    const detail = await sandbox.imports.detail(preview.jobId)
    expect(detail.results[0]!.reason).toContain('a sign-up code needs one from the file')
  })
})
