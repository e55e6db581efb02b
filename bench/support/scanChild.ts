/**
 * One operator in its own process: scans the simulated pool once, as the app does, and prints one JSON
 * line with when it started and finished (epoch ms, so separate processes compare) and the figures it
 * counted. Arguments: the simulator target as JSON ({ endpoint, userPoolId }) and the quota in req/s.
 */
import '../../src/main/quietSdkNotices'
import { scanToEnd, withService } from './scanRuns'

const [target, quota] = process.argv.slice(2) as [string, string]

async function run(): Promise<void> {
  const sim = JSON.parse(target) as { endpoint: string; userPoolId: string }
  const startedAt = performance.timeOrigin + performance.now()
  const outcome = await withService(sim, Number(quota), {}, (scan) => scanToEnd(scan))
  const finishedAt = performance.timeOrigin + performance.now()
  console.log(JSON.stringify({ startedAt, finishedAt, seconds: outcome.seconds, users: outcome.progress.users, figures: outcome.last?.figures }))
}

run().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
