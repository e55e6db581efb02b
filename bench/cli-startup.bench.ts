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
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '../test/support/tempDir'

const ROOT = join(__dirname, '..')
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 7)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** `node` and its arguments, then `get bench_user`; a CLI must answer that the pool is unreachable. */
function measure(args: string[], isCli = true): { ms: number; mb: number } {
  const temp = makeTempDir('tier-admin-bench-cli-')
  const rssFile = join(temp.dir, 'rss.txt')
  const env = {
    ...process.env,
    COGNITO_USER_POOL_ID: 'us-east-1_Bench',
    COGNITO_CLIENT_ID: 'bench',
    COGNITO_ENDPOINT: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    TIER_ADMIN_DATA_DIR: temp.dir,
    TIER_ADMIN_BENCH_RSS: rssFile,
    NODE_OPTIONS: `--require ${join(__dirname, 'support/reportRss.cjs')}`
  }
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const run = spawnSync(process.execPath, [...args, 'get', 'bench_user'], { env, cwd: temp.dir, encoding: 'utf8' })
    times.push(performance.now() - started)
    if (isCli && !run.stderr.includes('NETWORK_UNREACHABLE')) throw new Error(`unexpected CLI output: ${run.stderr}`)
  }
  const rss = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)
  rmSync(temp.dir, { recursive: true, force: true })
  return { ms: median(times), mb: median(rss) / 1024 }
}

const built = measure([join(ROOT, 'bin/tier-admin.cjs')])
const compiled = measure(['--import', require.resolve('tsx'), join(ROOT, 'src/cli/index.ts')])
// The floor on this machine at this moment: node starting and exiting (a noisy machine moves every row).
const bare = measure(['-e', '0'], false)
console.log(`CLI start-up: \`get\` against an unreachable configured pool, median of ${runs} runs each`)
console.log('| CLI | wall time | peak memory |')
console.log('| --- | --- | --- |')
console.log(`| built (plain node) | ${built.ms.toFixed(0)} ms | ${built.mb.toFixed(0)} MB |`)
console.log(`| TypeScript compiled at run time (tsx) | ${compiled.ms.toFixed(0)} ms | ${compiled.mb.toFixed(0)} MB |`)
console.log(`| ratio | ${(compiled.ms / built.ms).toFixed(2)}× faster | ${(compiled.mb / built.mb).toFixed(2)}× smaller |`)
console.log(`| node alone (\`node -e 0\`) | ${bare.ms.toFixed(0)} ms | ${bare.mb.toFixed(0)} MB |`)
