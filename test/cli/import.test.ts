/**
 * `tier-admin import` through the real bin on a seeded sandbox: usage mistakes exit 2 naming the flag;
 * --dry-run lists every kind of bad row and sends nothing; a real import creates the users and writes
 * the results CSV; importing the same file again creates nothing; `jobs` lists and resumes import jobs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportProblem } from '../../src/shared/importing'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { startTierAdmin, waitFor } from '../support/cliProcess'
import { createSeededSandbox } from '../support/seededSandbox'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-import-')
const dataDir = join(temp.dir, 'data')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir })
const cli = (args: string[]) => runTierAdmin(args, { env, cwd: temp.dir })
/** One good row, then one row of each problem in file order; seed_00000 is a seeded user, so it exists. */
const BAD_ROWS = join(__dirname, '../fixtures/import/bad-rows-cli.csv')
const LINE_OF: Record<ImportProblem, number> = { username: 3, email: 4, password: 5, duplicate: 6, tier: 7, attribute: 8, exists: 9 }
/** Enough rows that the sandbox is still creating users when Ctrl+C comes. */
const ROWS_TO_PAUSE = 300

beforeAll(async () => void (await createSeededSandbox(dataDir, 12)), 120_000)
afterAll(() => temp.remove())

interface ImportDocument {
  preview: { jobId: string; rows: number; creates: number; leftOut: Partial<Record<ImportProblem, number>>; problems: { line: number }[] }
  jobId: string
  progress: { state: string; created: number; existed: number; skipped: number; failed: number }
  failed: unknown[]
}

describe('tier-admin import: usage', () => {
  it('is in the help, with its options', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/^ {2}import +Register many users from a CSV file/m)
    const help = await cli(['import', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: tier-admin import <file.csv> [--method signup|admin-create]')
    expect(help.stdout).toMatch(/^ {2}--suppress-invitation +With admin-create/m)
  })

  it('refuses bad usage with exit 2, naming the flag and its values', async () => {
    const noMethod = await cli(['import', 'people.csv'])
    expect(noMethod.code).toBe(2)
    expect(noMethod.stderr).toMatch(/--method.*signup\|admin-create/)
    const badMethod = await cli(['import', 'people.csv', '--method', 'invite'])
    expect(badMethod.code).toBe(2)
    expect(badMethod.stderr).toContain('--method must be one of: signup, admin-create (got "invite").')
    const suppress = await cli(['import', 'people.csv', '--method', 'signup', '--suppress-invitation'])
    expect(suppress.code).toBe(2)
    expect(suppress.stderr).toContain('--suppress-invitation goes only with --method admin-create')
    expect((await cli(['import', '--method', 'signup'])).code).toBe(2)
    expect((await cli(['import', 'people.csv', '--dry-run', '--out', 'r.csv'])).code).toBe(2)
  })

  it("reports a file it cannot use in the service's words, exit 2 like any bad input", async () => {
    const missing = await cli(['import', join(temp.dir, 'missing.csv'), '--dry-run'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^Error \(VALIDATION\): .*missing\.csv/m)
    const headerless = join(temp.dir, 'headerless.csv')
    writeFileSync(headerless, 'name,mail\njane,jane@example.com\n')
    const noColumns = await cli(['import', headerless, '--method', 'signup', '--json'])
    expect(noColumns.code).toBe(2)
    expect((JSON.parse(noColumns.stdout) as { error: { message: string } }).error.message).toMatch(/username and email/)
  })
})

describe('tier-admin import on the sandbox', () => {
  it('previews every kind of bad row with --dry-run and sends nothing', async () => {
    const human = await cli(['import', BAD_ROWS, '--dry-run'])
    expect(human.code).toBe(0)
    expect(human.stdout).toContain('bad-rows-cli.csv: 8 rows, 1 to create, 7 left out.')
    for (const [kind, line] of Object.entries(LINE_OF)) expect(human.stdout).toMatch(new RegExp(`\\(${kind}\\): 1\\n {4}line ${line}: `))
    expect(human.stdout).toContain('Dry run: nothing was sent to the pool.')
    const document = JSON.parse((await cli(['import', BAD_ROWS, '--dry-run', '--json'])).stdout) as ImportDocument & { sent: boolean }
    expect(document).toMatchObject({ sent: false, preview: { rows: 8, creates: 1 } })
    expect(document.preview.problems.map(({ line }) => line)).toEqual(Object.values(LINE_OF))
    expect((await cli(['get', 'cli_good'])).code).toBe(1)
  })

  it('creates the users with admin-create, writes the results, and creates nothing the second time', async () => {
    const file = join(temp.dir, 'people.csv')
    writeFileSync(
      file,
      'username,email,tier,password,company\r\n' +
        'imp_alice,alice@example.com,premium,Secure#Pass123,Acme\r\n' +
        'imp_bob,bob@example.com,,,\r\n' +
        '"imp_carol","carol@example.com","standard","Other#Pass456",""\r\n'
    )
    const out = join(temp.dir, 'results.csv')
    const first = await cli(['import', file, '--method', 'admin-create', '--suppress-invitation', '--out', out])
    expect(first.stderr).toContain('people.csv: 3 rows, 3 to create, 0 left out.')
    expect(first.stdout).toContain('Done: 3/3 rows, 3 created, 0 skipped, 0 failed')
    expect(first.code).toBe(0)
    expect(existsSync(out)).toBe(true)
    const results = readFileSync(out, 'utf8')
    for (const name of ['imp_alice', 'imp_bob', 'imp_carol']) expect(results).toMatch(new RegExp(`${name}.*created`))
    expect((await cli(['get', 'imp_alice', '--json'])).stdout).toContain('"tier": "premium"')
    const bob = (await cli(['get', 'imp_bob', '--json'])).stdout
    // No tier cell means standard; no password means Cognito made a temporary one, which the user must change.
    expect(bob).toContain('"tier": "standard"')
    expect(bob).toContain('"status": "FORCE_CHANGE_PASSWORD"')

    const again = await cli(['import', file, '--method', 'admin-create', '--json'])
    expect(again.stderr).toBe('')
    expect(again.code).toBe(0)
    const document = JSON.parse(again.stdout) as ImportDocument & { preview: { earlier?: { jobId: string; created: number } } }
    expect(document.preview).toMatchObject({ creates: 0, leftOut: { exists: 3 }, earlier: { created: 3 } })
    expect(document.progress).toMatchObject({ state: 'done', created: 0, skipped: 3, failed: 0 })

    const human = await cli(['import', file, '--method', 'signup'])
    expect(human.stderr).toMatch(/already in the pool \(exists\): 3/)
    expect(human.stderr).toContain('This file was imported into this pool before')
    expect(human.stdout).toContain('0 created')
  })

  it('lists import jobs (a dry run is none) and refuses to resume one that was only previewed', async () => {
    const listed = JSON.parse((await cli(['jobs', '--json'])).stdout) as { imports: { jobId: string; state: string; fileName: string }[] }
    const states = listed.imports.map((job) => [job.fileName, job.state])
    expect(states).toEqual([
      ['people.csv', 'done'],
      ['people.csv', 'done'],
      ['people.csv', 'done']
    ])
    const human = await cli(['jobs'])
    expect(human.stdout).toMatch(new RegExp(`${listed.imports[0]!.jobId}\\tdone\\t3/3 rows, 3 created`))
    expect(human.stdout).not.toContain('previewed')

    const dryRun = JSON.parse((await cli(['import', BAD_ROWS, '--dry-run', '--json'])).stdout) as { preview: { jobId: string } }
    const previewed = await cli(['jobs', '--resume', dryRun.preview.jobId])
    expect(previewed.code).toBe(2)
    expect(previewed.stderr).toContain('was only previewed, never started')
  })

  it('pauses on Ctrl+C and resumes with jobs --resume, creating every user once', async () => {
    const file = join(temp.dir, 'many.csv')
    const names = Array.from({ length: ROWS_TO_PAUSE }, (_, i) => `imp_many_${i}`)
    writeFileSync(file, ['username,email', ...names.map((name) => `${name},${name}@example.com`)].join('\n'))
    const running = startTierAdmin(['import', file, '--method', 'admin-create', '--suppress-invitation'], { env, cwd: temp.dir })
    await waitFor('the first progress line', () => running.stderr().includes('Importing:'))
    running.child.kill('SIGINT')
    const paused = await running.done
    expect(paused.code).toBe(1)
    const jobId = /jobs --resume (import-\S+?)"/.exec(paused.stderr)?.[1]
    expect(jobId, paused.stderr).toBeDefined()
    expect(paused.stderr).toMatch(new RegExp(`The import stopped \\(paused\\) with \\d+ of ${ROWS_TO_PAUSE} rows done`))

    const resumed = await cli(['jobs', '--resume', jobId!, '--json'])
    expect(resumed.code).toBe(0)
    const document = JSON.parse(resumed.stdout) as ImportDocument
    // Rows done before the pause are not sent again: together the runs created each user once.
    expect(document.progress).toMatchObject({ state: 'done', created: ROWS_TO_PAUSE, existed: 0, failed: 0 })
    expect((await cli(['get', names.at(-1)!, '--json'])).code).toBe(0)
  }, 120_000)
})
