/**
 * Throughput of the tier-statistics scan against the Cognito simulator, next to a sequential
 * baseline (one ListUsers after another) on the same simulator, client and quota.
 *
 *   npx tsx bench/stats-scan.bench.ts --users 100000 --latency 80,200 [--baseline-seconds 20] [--quota 30]
 *   node --expose-gc --import tsx bench/stats-scan.bench.ts --users 1000000 --latency 80   (heap after gc)
 *
 * Then two more figures: on a backend that filters after paging (--sparse-users 3000,30000
 * --sparse-latency 20), the default scan, which should turn sequential early, against a sequential
 * scan; and the time a scan reports after two cancels and resumes (--resume-users 20000
 * --resume-latency 80) against the running time the bench measured. --only main|sparse|resume runs one.
 */
import { benchFailed } from './support/benchName'
import '../src/main/quietSdkNotices'
import { ListUsersCommand, type ListUsersCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import { isDeepStrictEqual } from 'node:util'
import { LIST_USERS_PAGE_SIZE } from '../src/main/cognito/quotas'
import type { ScanProgress } from '../src/shared/domain'
import { simGateway, startCognitoSim, type CognitoSim } from '../test/support/cognitoSim'
import { cancelAndResume, compareOnFilterAfterPaging, scanToEnd, withService } from './support/scanRuns'

interface Args {
  users: number
  latencies: number[]
  baselineSeconds: number
  quota: number
  sparseUsers: number[]
  sparseLatency: number
  resumeUsers: number
  resumeLatency: number
  only: string | undefined
}

function parseArgs(argv: string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
  }
  return {
    users: Number(value('users') ?? 100_000),
    latencies: (value('latency') ?? '80,200').split(',').map(Number),
    baselineSeconds: Number(value('baseline-seconds') ?? 20),
    quota: Number(value('quota') ?? 30),
    sparseUsers: (value('sparse-users') ?? '3000,30000').split(',').map(Number),
    sparseLatency: Number(value('sparse-latency') ?? 20),
    resumeUsers: Number(value('resume-users') ?? 20_000),
    resumeLatency: Number(value('resume-latency') ?? 80),
    only: value('only')
  }
}

const gc = (globalThis as { gc?: () => void }).gc

function heapUsed(): number {
  gc?.()
  return process.memoryUsage().heapUsed
}

interface ScanMeasure {
  usersPerSecond: number
  seconds: number
  premiumWithin1ppSeconds: number | null
  peakHeapGrowthMb: number
  exact: boolean
  throttled: number
  /** ListUsers answered (not throttled) during the scan, the check's own few included. */
  answered: number
  mode: string
}

async function measureScan(sim: CognitoSim, quota: number): Promise<ScanMeasure> {
  let within: number | null = null
  const onProgress = (p: ScanProgress, atMs: number): void => {
    const premium = p.estimate?.premium
    if (within === null && premium && premium.high - premium.share <= 0.01 && premium.share - premium.low <= 0.01) within = atMs / 1000
  }
  return withService(sim, quota, {}, async (service) => {
    const baseline = heapUsed()
    let peak = baseline
    const sampler = setInterval(() => (peak = Math.max(peak, heapUsed())), gc ? 1000 : 250)
    const { seconds, progress, last } = await scanToEnd(service, onProgress).finally(() => clearInterval(sampler))
    peak = Math.max(peak, heapUsed())
    return {
      usersPerSecond: progress.users / seconds,
      seconds,
      premiumWithin1ppSeconds: within,
      peakHeapGrowthMb: (peak - baseline) / 2 ** 20,
      exact: isDeepStrictEqual(last?.figures, sim.expected),
      throttled: sim.stats.throttled,
      answered: sim.stats.listUsers - sim.stats.throttled,
      mode: progress.mode
    }
  })
}

/** One ListUsers after another through the same kind of client and limiter, for at most `seconds`. */
async function measureSequential(
  sim: CognitoSim,
  quota: number,
  seconds: number
): Promise<{ usersPerSecond: number; users: number; complete: boolean; seconds: number }> {
  const gateway = simGateway(sim, quota)
  const begin = performance.now()
  let users = 0
  let token: string | undefined
  do {
    const output = await gateway.send<ListUsersCommandOutput>(
      new ListUsersCommand({ UserPoolId: gateway.userPoolId, Limit: LIST_USERS_PAGE_SIZE, PaginationToken: token })
    )
    users += output.Users?.length ?? 0
    token = output.PaginationToken
  } while (token && performance.now() - begin < seconds * 1000)
  const elapsed = (performance.now() - begin) / 1000
  return { usersPerSecond: users / elapsed, users, complete: !token, seconds: elapsed }
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')
}

async function throughputFigures(args: Args): Promise<void> {
  const ceiling = args.quota * LIST_USERS_PAGE_SIZE
  console.log(
    `Tier statistics scan benchmark: ${args.users.toLocaleString('en')} users, quota ${args.quota} req/s (ceiling ${ceiling} users/s), heap ${gc ? 'after gc' : 'sampled without gc (run with node --expose-gc --import tsx for exact figures)'}\n`
  )
  for (const latency of args.latencies) {
    const sim = await startCognitoSim({ users: args.users, latencyMs: latency, quota: args.quota })
    void sim.expected // computed before measuring so it is not part of the scan's heap or time
    const scan = await measureScan(sim, args.quota)
    sim.stats.throttled = 0
    const sequential = await measureSequential(sim, args.quota, args.baselineSeconds)
    await sim.stop()
    const ratio = scan.usersPerSecond / sequential.usersPerSecond
    console.log(`Latency ${latency} ms per request`)
    console.log(
      table([
        ['scanner users/s', `${scan.usersPerSecond.toFixed(0)} (${scan.mode}, ${scan.seconds.toFixed(1)} s, ${scan.throttled} throttled)`],
        [
          'sequential users/s',
          `${sequential.usersPerSecond.toFixed(0)} (${sequential.complete ? 'full scan' : `time-boxed: ${sequential.users.toLocaleString('en')} users in ${sequential.seconds.toFixed(1)} s, extrapolated`})`
        ],
        ['ratio', `${ratio.toFixed(2)}x`],
        ['ListUsers answered', extraRequests(scan.answered, args.users)],
        ['fraction of ceiling', `${((scan.usersPerSecond / ceiling) * 100).toFixed(1)}%`],
        [
          'premium within ±1 pp',
          scan.premiumWithin1ppSeconds === null
            ? 'never before done'
            : `${scan.premiumWithin1ppSeconds.toFixed(1)} s (${((scan.premiumWithin1ppSeconds / scan.seconds) * 100).toFixed(1)}% of full scan)`
        ],
        ['peak heap growth', `${scan.peakHeapGrowthMb.toFixed(1)} MB`],
        ['counts exact', scan.exact ? 'yes' : 'NO']
      ])
    )
    console.log('')
  }
}

/** The requests beyond the pool's pages' worth: the part-filled last pages of the partitions, and the check's few. */
function extraRequests(answered: number, users: number): string {
  const extra = answered - Math.ceil(users / LIST_USERS_PAGE_SIZE)
  return `${answered.toLocaleString('en')}, ${extra} over ceil(users / ${LIST_USERS_PAGE_SIZE}) (${((100 * extra) / answered).toFixed(2)}% of them)`
}

async function filterAfterPagingFigures(args: Args): Promise<void> {
  for (const users of args.sparseUsers) {
    const { guarded, sequential, requests } = await compareOnFilterAfterPaging(users, args.sparseLatency, args.quota)
    console.log(`Backend that filters after paging: ${users.toLocaleString('en')} users, latency ${args.sparseLatency} ms`)
    console.log(
      table([
        ['default scan', `${guarded.seconds.toFixed(2)} s, ${requests.guarded} requests, ended ${guarded.progress.mode}`],
        ['sequential scan', `${sequential.seconds.toFixed(2)} s, ${requests.sequential} requests`],
        ['ratio', `${(guarded.seconds / sequential.seconds).toFixed(2)}x (target ≤ 1.20x)`],
        ['reason shown', guarded.progress.modeReason ?? '(none)'],
        ['counts exact', guarded.last && sequential.last && isDeepStrictEqual(guarded.last.figures, sequential.last.figures) ? 'yes' : 'NO']
      ])
    )
    console.log('')
  }
}

async function resumeFigures(args: Args): Promise<void> {
  const timing = await cancelAndResume(args.resumeUsers, args.resumeLatency, args.quota)
  console.log(`Cancelled twice after 2 s and resumed: ${args.resumeUsers.toLocaleString('en')} users, latency ${args.resumeLatency} ms`)
  console.log(
    table([
      ['elapsed the scan reports', `${timing.reportedSeconds.toFixed(2)} s (${timing.reportedSpans.map((s) => s.toFixed(2)).join(' + ')})`],
      ['running spans measured', `${timing.measuredSeconds.toFixed(2)} s (${timing.spans.map((s) => s.toFixed(2)).join(' + ')})`],
      ['difference', `${(timing.reportedSeconds - timing.measuredSeconds).toFixed(2)} s (target within ±1 s)`],
      ['counts exact', timing.exact ? 'yes' : 'NO']
    ])
  )
  console.log('')
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  if (!args.only || args.only === 'main') await throughputFigures(args)
  if (!args.only || args.only === 'sparse') await filterAfterPagingFigures(args)
  if (!args.only || args.only === 'resume') await resumeFigures(args)
}

main().catch(benchFailed)
