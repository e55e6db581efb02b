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
import { join } from 'node:path'
import { makeTempDir } from '../test/support/tempDir'

const ROOT = join(__dirname, '..')
const runsAt = process.argv.indexOf('--runs')
// Without the flag, 7 (indexOf's -1 would otherwise read node's own path as the count).
const runs = runsAt >= 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 7) : 7

function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : null
}

/** One row of the table: the medians of the runs that reported, and why the others did not. */
interface Measure {
  label: string
  ms: number | null
  mb: number | null
  failures: string[]
}

/** The marker the preloaded reportRss.cjs writes to stderr as the process exits. */
const RSS_MARKER = /^tier-admin-bench-rss (\d+)$/m

/**
 * `node` and its arguments, then `get bench_user`; a CLI must answer that the pool is unreachable.
 * Each run reports its peak memory on its own stderr as it exits, so there is no file to go missing: on
 * a busy machine the earlier rss.txt, shared by every run in a temporary folder that was also the
 * CLI's data folder, could be absent when read (a run killed or never started, the folder cleaned).
 * A run that did not report (killed, not started, ended early) is named with its reason, and the
 * bench goes on to the next run and the next bench.
 */
function measure(label: string, args: string[], isCli = true): Measure {
  const temp = makeTempDir('tier-admin-bench-cli-')
  const env = {
    ...process.env,
    COGNITO_USER_POOL_ID: 'us-east-1_Bench',
    COGNITO_CLIENT_ID: 'bench',
    COGNITO_ENDPOINT: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    TIER_ADMIN_DATA_DIR: join(temp.dir, 'data'),
    TIER_ADMIN_BENCH_RSS: '1',
    NODE_OPTIONS: `--require "${join(__dirname, 'support/reportRss.cjs')}"`
  }
  const times: number[] = []
  const rss: number[] = []
  const failures: string[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      const run = spawnSync(process.execPath, [...args, 'get', 'bench_user'], { env, cwd: temp.dir, encoding: 'utf8', timeout: 60_000 })
      const ms = performance.now() - started
      const stderr = run.stderr ?? ''
      const reported = RSS_MARKER.exec(stderr)
      const failure = run.error
        ? `could not run (${run.error.message})`
        : run.signal
          ? `was killed (${run.signal})`
          : isCli && !stderr.includes('NETWORK_UNREACHABLE')
            ? `answered unexpectedly (exit ${run.status}): ${stderr.trim().slice(0, 300)}`
            : !reported
              ? `exited (${run.status}) without reporting its memory: ${stderr.trim().slice(0, 300)}`
              : null
      if (failure) {
        failures.push(`run ${i + 1} ${failure}`)
        continue
      }
      times.push(ms)
      rss.push(Number(reported![1]))
    }
  } finally {
    temp.remove()
  }
  return { label, ms: median(times), mb: rss.length ? median(rss)! / 1024 : null, failures }
}

const rows = [
  measure('built CLI', [join(ROOT, 'bin/tier-admin.cjs')]),
  measure('CLI compiled by tsx', ['--import', require.resolve('tsx'), join(ROOT, 'src/cli/index.ts')]),
  // The floor on this machine at this moment: node starting and exiting (a noisy machine moves every row).
  measure('node alone', ['-e', '0'], false)
]
const [built, compiled, bare] = rows as [Measure, Measure, Measure]
const ms = (m: Measure): string => (m.ms === null ? 'failed' : `${m.ms.toFixed(0)} ms`)
const mb = (m: Measure): string => (m.mb === null ? 'failed' : `${m.mb.toFixed(0)} MB`)
const ratio = (a: number | null, b: number | null): string => (a === null || b === null ? '—' : (a / b).toFixed(2))
console.log(`CLI start-up: \`get\` against an unreachable configured pool, median of ${runs} runs each`)
console.log('| CLI | wall time | peak memory |')
console.log('| --- | --- | --- |')
console.log(`| built (plain node) | ${ms(built)} | ${mb(built)} |`)
console.log(`| TypeScript compiled at run time (tsx) | ${ms(compiled)} | ${mb(compiled)} |`)
console.log(`| ratio | ${ratio(compiled.ms, built.ms)}× faster | ${ratio(compiled.mb, built.mb)}× smaller |`)
console.log(`| node alone (\`node -e 0\`) | ${ms(bare)} | ${mb(bare)} |`)
const failed = rows.flatMap((row) => row.failures.map((failure) => `${row.label}: ${failure}`))
if (failed.length > 0) {
  console.log(`\n${failed.length} of ${rows.length * runs} runs failed and are left out of the medians:`)
  for (const line of failed) console.log(`  ${line}`)
}
