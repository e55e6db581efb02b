/**
 * Bulk re-tier and bulk registration through the app's job services, against the Cognito simulator at
 * the real quotas (UserRead 120/s, UserUpdate 25/s, UserCreation 50/s) with a latency per request:
 *
 *   npx tsx bench/bulk.bench.ts [--retier 10000] [--register 5000] [--sample 300] [--latency 80]
 *     [--methods admin-create,signup] [--fault-retier 2000] [--fault-register 1000] [--throttle 0.05]
 *     [--only retier|register|faults]
 *   npx tsx bench/bulk.bench.ts --retier 2000 --register 1000 --sample 100   (a quick try)
 *
 * Each job's rows/s is printed beside the one-at-a-time approach (each row's requests awaited one
 * after another) over a sample of rows on the same simulator, and as a fraction of the quota ceiling.
 * Then the faults: smaller jobs with a share of requests throttled at random, run in a child process
 * killed halfway and resumed here, checked against the simulator's final state and request log.
 * Times are printed, never asserted; a check that fails (rows lost or written twice) sets exit code 1.
 */
import { benchFailed } from './support/benchName'
import '../src/main/quietSdkNotices'
import { IMPORT_METHODS, type ImportMethod } from '../src/shared/importing'
import { makeTempDir } from '../test/support/tempDir'
import { runRegister, runRetier, type Baseline, type SimSettings } from './support/bulkMeasures'
import { faultRegister, faultRetier, type FaultFigures } from './support/faultRuns'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  if (at >= 0 && process.argv[at + 1] !== undefined) return process.argv[at + 1]!
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
}

const args = {
  retier: Number(option('retier', '10000')),
  register: Number(option('register', '5000')),
  sample: Number(option('sample', '300')),
  latency: Number(option('latency', '80')),
  methods: option('methods', 'admin-create,signup').split(',') as ImportMethod[],
  faultRetier: Number(option('fault-retier', '2000')),
  faultRegister: Number(option('fault-register', '1000')),
  throttle: Number(option('throttle', '0.05')),
  only: option('only', '')
}
for (const method of args.methods) if (!IMPORT_METHODS.includes(method)) throw new Error(`--methods takes ${IMPORT_METHODS.join(', ')}`)

const quotas = { read: 120, update: 25, create: 50 }
const settings: SimSettings = { latency: args.latency, quotas }

function table(rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length))
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`)
  console.log('')
}

const perSecond = (n: number): string => `${n.toFixed(1)} rows/s`
const baselineLine = (b: Baseline): string => `${perSecond(b.rowsPerSecond)} (${b.rows} rows in ${b.seconds.toFixed(1)} s)`

async function retier(dir: string): Promise<void> {
  console.log(`Re-tier ${args.retier.toLocaleString('en')} users (every row changes), latency ${args.latency} ms`)
  const { job, baseline } = await runRetier(args.retier, args.sample, settings, dir)
  const total = job.previewSeconds + job.runSeconds
  table([
    ['preview (one AdminGetUser a row)', `${job.previewSeconds.toFixed(1)} s, ${perSecond(job.rows / job.previewSeconds)} (UserRead ceiling ${quotas.read}/s)`],
    ['run (read again, then write)', `${job.runSeconds.toFixed(1)} s, ${job.end.changed} changed, ${job.end.skipped} skipped, ${job.end.failed} failed`],
    ['run rows/s', perSecond(job.rowsPerSecond)],
    ['of the ceiling', `${((job.rowsPerSecond / quotas.update) * 100).toFixed(1)}% (changed rows/s ÷ UserUpdate ${quotas.update}/s)`],
    ['preview + run rows/s', perSecond(job.end.changed / total)],
    ['one at a time (get, then update)', baselineLine(baseline)],
    ['ratio, run ÷ one at a time', `${(job.rowsPerSecond / baseline.rowsPerSecond).toFixed(2)}x`],
    ['ratio, preview + run ÷ one at a time', `${(job.end.changed / total / baseline.rowsPerSecond).toFixed(2)}x`],
    ['throttled requests (job)', String(job.throttled)]
  ])
}

/**
 * AdminCreateUser is one UserCreation request a row. SignUp through the bench's client (no write list,
 * so it may not write the tier) is SignUp and then the tier set as an administrator: each row also
 * spends a UserUpdate request, and the lower of the two quotas is the ceiling.
 */
function ceilingLine(method: ImportMethod, rowsPerSecond: number): string {
  const [quota, name] =
    method === 'signup' && quotas.update < quotas.create ? [quotas.update, 'UserUpdate, for the tier after SignUp'] : [quotas.create, 'UserCreation']
  return `${((rowsPerSecond / quota) * 100).toFixed(1)}% (created rows/s ÷ ${name} ${quota}/s)`
}

async function register(dir: string): Promise<void> {
  for (const method of args.methods) {
    console.log(
      `Register ${args.register.toLocaleString('en')} users with ${method === 'signup' ? 'SignUp' : 'AdminCreateUser (invitation suppressed)'}, latency ${args.latency} ms`
    )
    const { job, baseline } = await runRegister(method, args.register, args.sample, settings, dir)
    const total = job.previewSeconds + job.runSeconds
    table([
      ['preview (file checks, one AdminGetUser a row)', `${job.previewSeconds.toFixed(1)} s`],
      ['run', `${job.runSeconds.toFixed(1)} s, ${job.end.created} created, ${job.end.existed} existed, ${job.end.skipped} skipped, ${job.end.failed} failed`],
      ['run rows/s', perSecond(job.rowsPerSecond)],
      ['of the ceiling', ceilingLine(method, job.rowsPerSecond)],
      ['preview + run rows/s', perSecond(job.end.created / total)],
      ['one at a time (one create each)', baselineLine(baseline)],
      ['ratio, run ÷ one at a time', `${(job.rowsPerSecond / baseline.rowsPerSecond).toFixed(2)}x`],
      ['ratio, preview + run ÷ one at a time', `${(job.end.created / total / baseline.rowsPerSecond).toFixed(2)}x`],
      ['throttled requests (job)', String(job.throttled)]
    ])
  }
}

function printFaults(f: FaultFigures): void {
  const ok = f.state === 'done' && f.lost === 0 && f.twice === 0 && f.mismatches === 0 && f.csvRows === f.rows
  if (!ok) process.exitCode = 1
  console.log(`Faults, ${f.label}: ${f.rows.toLocaleString('en')} rows, ${args.throttle * 100}% of requests throttled at random, killed (SIGKILL) and resumed`)
  table([
    ['killed after', `${f.killedAt} of ${f.toWrite} writes answered`],
    ['ended', `${f.state} after ${f.seconds.toFixed(1)} s (kill and resume included)`],
    ['rows lost', String(f.lost)],
    ['rows done twice', String(f.twice)],
    ['writes resent after an ok', `${f.resent} (usernames sent again after the pool took them; it refused them as taken)`],
    [
      'results CSV rows',
      `${f.csvRows} of ${f.rows}: ${Object.entries(f.outcomes)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`
    ],
    ['CSV vs simulator mismatches', String(f.mismatches)],
    ['throttled requests seen', String(f.throttled)],
    ['checks', ok ? 'pass' : 'FAIL']
  ])
}

async function faults(dir: string): Promise<void> {
  const faulty: SimSettings = { ...settings, throttleFraction: args.throttle }
  if (args.faultRetier > 0) printFaults(await faultRetier(args.faultRetier, faulty, dir))
  if (args.faultRegister > 0) for (const method of args.methods) printFaults(await faultRegister(method, args.faultRegister, faulty, dir))
}

async function main(): Promise<void> {
  console.log(
    `Bulk benchmark against the Cognito simulator: quotas UserRead ${quotas.read}/s, UserUpdate ${quotas.update}/s, UserCreation ${quotas.create}/s\n`
  )
  const temp = makeTempDir('tier-admin-bulk-bench-')
  try {
    if ((!args.only || args.only === 'retier') && args.retier > 0) await retier(temp.dir)
    if ((!args.only || args.only === 'register') && args.register > 0) await register(temp.dir)
    if (!args.only || args.only === 'faults') await faults(temp.dir)
  } finally {
    temp.remove()
  }
}

main().catch(benchFailed)
