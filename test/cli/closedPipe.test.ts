/**
 * Every listing command through the real bin with its reader gone before it prints
 * (`tier-admin list-tier standard --csv | head -0`): each ends as it would have (exit 0), with no
 * "Unhandled 'error' event" or EPIPE stack on standard error.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin, type CliRun } from '../support/cliRunner'
import { createSeededSandbox } from '../support/seededSandbox'
import { makeTempDir } from '../support/tempDir'

const ROOT = join(__dirname, '../..')
const temp = makeTempDir('tier-admin-cli-pipe-')
const dataDir = join(temp.dir, 'data')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir })

/** Runs the bin with its standard output closed by the reader before the first line. */
function withReaderGone(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/tier-admin.cjs'), ...args], { env, cwd: temp.dir, stdio: 'pipe' })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: '', stderr }))
    child.stdin.end('')
  })
}

beforeAll(async () => {
  await createSeededSandbox(dataDir, 400)
  // A finished scan for list-tier and the statistics; one audited write for audit and history.
  expect((await runTierAdmin(['stats'], { env, cwd: temp.dir })).code).toBe(0)
  expect((await runTierAdmin(['set-tier', '--username', 'seed_00003', '--tier', 'premium'], { env, cwd: temp.dir })).code).toBe(0)
}, 120_000)
afterAll(() => temp.remove())

const LISTINGS = [
  ['list-tier', 'standard'],
  ['list-tier', 'standard', '--json'],
  ['list-tier', 'standard', '--csv'],
  ['search', 'seed_'],
  ['search', 'seed_', '--json'],
  ['stats'],
  ['stats', '--json'],
  ['stats', '--csv'],
  ['audit'],
  ['audit', '--json'],
  ['audit', '--csv'],
  ['jobs'],
  ['outbox'],
  ['profiles'],
  ['pool'],
  ['get', 'seed_00001'],
  ['history', 'seed_00003'],
  ['groups', 'seed_00001'],
  ['--help']
]

describe('a listing whose reader went away', () => {
  it.each(LISTINGS.map((args) => [args.join(' '), args]))('%s ends quietly', async (_, args) => {
    const run = await withReaderGone(args as string[])
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|INTERNAL|at .*\.js:\d+/)
    expect(run.code).toBe(0)
  })
})
