/**
 * The main-start bench runs against today's bundle: it asks its first question as the window asks
 * (main answers only its own window's frame), so a stricter sender check or a changed start-up breaks
 * this test rather than `npm run bench` half-way. One run each, figures not checked: benches measure.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { cleanEnv } from '../support/cliRunner'

const ROOT = join(__dirname, '../..')

it('runs bench/main-start.bench.ts once on each pool and prints both rows', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/main-start.bench.ts'), '--runs', '1'], {
    cwd: ROOT,
    env: cleanEnv({}),
    encoding: 'utf8',
    timeout: 180_000
  })
  expect(run.stderr).not.toMatch(/failed/)
  expect(run.status).toBe(0)
  expect(run.stdout).toContain('median of 1 runs each')
  expect(run.stdout).toMatch(/\| configured \(endpoint, unreachable\) \| \d+ ms \| \d+ ms/)
  expect(run.stdout).toMatch(/\| sandbox \(cognito-local, existing data\) \| \d+ ms \| \d+ ms/)
}, 200_000)
