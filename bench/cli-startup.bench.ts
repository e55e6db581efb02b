/**
 * Start-up cost of one CLI command: `tier-admin get` against a configured pool that refuses the
 * connection, so the time is the CLI's own. The built CLI (bin/tier-admin.cjs → out/main/cli.js, plain
 * node) beside the TypeScript sources compiled at run time (`node --import tsx src/cli/index.ts`, as
 * the CLI ran before it was built), in the same run; median of N runs each, wall time and peak memory.
 * The built CLI's first run after a build compiles its code and keeps V8's code cache (bin/compileCache.cjs);
 * the runs after it, as an operator's everyday commands, reuse it.
 *
 *   npx tsx bench/cli-startup.bench.ts --runs 7      (after npm run build)
 */
import './support/benchName'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '../test/support/tempDir'

const ROOT = join(__dirname, '..')
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 7)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * `node` and its arguments, then `get bench_user`; a CLI must answer that the pool is unreachable.
 * Each run writes its peak memory to a file of its own, outside the CLI's data folder, and a run that
 * did not end on its own (killed, or never started on a machine out of processes) is named as such,
 * rather than surfacing later as a missing file.
 */
function measure(label: string, args: string[], isCli = true): { ms: number; mb: number } {
  const temp = makeTempDir('tier-admin-bench-cli-')
  const dataDir = join(temp.dir, 'data')
  const env = {
    ...process.env,
    COGNITO_USER_POOL_ID: 'us-east-1_Bench',
    COGNITO_CLIENT_ID: 'bench',
    COGNITO_ENDPOINT: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    TIER_ADMIN_DATA_DIR: dataDir,
    NODE_OPTIONS: `--require "${join(__dirname, 'support/reportRss.cjs')}"`
  }
  const times: number[] = []
  const rss: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const rssFile = join(temp.dir, `rss-${i}.txt`)
      const started = performance.now()
      const run = spawnSync(process.execPath, [...args, 'get', 'bench_user'], {
        env: { ...env, TIER_ADMIN_BENCH_RSS: rssFile },
        cwd: temp.dir,
        encoding: 'utf8'
      })
      times.push(performance.now() - started)
      const ended = run.error ? `could not start (${run.error.message})` : run.signal ? `was killed (${run.signal})` : null
      if (ended) throw new Error(`${label}, run ${i + 1}: node ${ended}`)
      if (isCli && !run.stderr.includes('NETWORK_UNREACHABLE')) throw new Error(`${label}, run ${i + 1}: unexpected CLI output: ${run.stderr}`)
      if (!existsSync(rssFile)) throw new Error(`${label}, run ${i + 1}: the process exited (${run.status}) without reporting its memory: ${run.stderr}`)
      rss.push(Number(readFileSync(rssFile, 'utf8').trim()))
    }
  } finally {
    rmSync(temp.dir, { recursive: true, force: true })
  }
  return { ms: median(times), mb: median(rss) / 1024 }
}

const built = measure('built CLI', [join(ROOT, 'bin/tier-admin.cjs')])
const compiled = measure('CLI compiled by tsx', ['--import', require.resolve('tsx'), join(ROOT, 'src/cli/index.ts')])
// The floor on this machine at this moment: node starting and exiting (a noisy machine moves every row).
const bare = measure('node alone', ['-e', '0'], false)
console.log(`CLI start-up: \`get\` against an unreachable configured pool, median of ${runs} runs each`)
console.log('| CLI | wall time | peak memory |')
console.log('| --- | --- | --- |')
console.log(`| built (plain node) | ${built.ms.toFixed(0)} ms | ${built.mb.toFixed(0)} MB |`)
console.log(`| TypeScript compiled at run time (tsx) | ${compiled.ms.toFixed(0)} ms | ${compiled.mb.toFixed(0)} MB |`)
console.log(`| ratio | ${(compiled.ms / built.ms).toFixed(2)}× faster | ${(compiled.mb / built.mb).toFixed(2)}× smaller |`)
console.log(`| node alone (\`node -e 0\`) | ${bare.ms.toFixed(0)} ms | ${bare.mb.toFixed(0)} MB |`)
