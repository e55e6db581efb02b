/**
 * Operators sharing one account quota: 1, 2 and 4 operators, each a separate process with its own rate
 * limiter, scan the same simulated pool at once (one ListUsers quota for all, as in one AWS account).
 * Prints the aggregate share of the ListUsers ceiling, how far apart equal work finished, and whether
 * every operator's figures are exact.
 *
 *   npx tsx bench/multi-operator.bench.ts [--users 60000] [--operators 1,2,4] [--latency 80] [--quota 30]
 */
import { benchFailed } from './support/benchName'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { LIST_USERS_PAGE_SIZE } from '../src/main/cognito/quotas'
import type { StatsFigures } from '../src/shared/domain'
import { startCognitoSim, type CognitoSim } from '../test/support/cognitoSim'

const CHILD = join(__dirname, 'support', 'scanChild.ts')

interface ChildResult {
  startedAt: number
  finishedAt: number
  seconds: number
  users: number
  figures: StatsFigures | undefined
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1]! : fallback
}

function runOperator(sim: CognitoSim, quota: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const target = JSON.stringify({ endpoint: sim.endpoint, userPoolId: sim.userPoolId })
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, String(quota)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? ''
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`An operator process ended with ${code}: ${out}`))
      resolve(JSON.parse(line) as ChildResult)
    })
  })
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')
}

async function main(): Promise<void> {
  const users = Number(arg('users', '60000'))
  const quota = Number(arg('quota', '30'))
  const latency = Number(arg('latency', '80'))
  const counts = arg('operators', '1,2,4').split(',').map(Number)
  const ceiling = quota * LIST_USERS_PAGE_SIZE
  console.log(
    `Operators sharing one quota: ${users.toLocaleString('en')} users each, ListUsers ${quota} req/s (ceiling ${ceiling} users/s), latency ${latency} ms\n`
  )
  const sim = await startCognitoSim({ users, latencyMs: latency, quota })
  try {
    void sim.expected // counted before the operators start, so it is not part of their time
    for (const operators of counts) {
      const before = { listUsers: sim.stats.listUsers, throttled: sim.stats.throttled }
      const results = await Promise.all(Array.from({ length: operators }, () => runOperator(sim, quota)))
      // The shared window: from the first scan's start to the last one's end, in wall-clock ms across processes.
      const spanSeconds = (Math.max(...results.map((r) => r.finishedAt)) - Math.min(...results.map((r) => r.startedAt))) / 1000
      const totalUsers = results.reduce((sum, r) => sum + r.users, 0)
      const sent = sim.stats.listUsers - before.listUsers
      const throttled = sim.stats.throttled - before.throttled
      const times = results.map((r) => r.seconds)
      const exact = results.every((r) => isDeepStrictEqual(r.figures, sim.expected))
      console.log(`${operators} operator${operators === 1 ? '' : 's'}`)
      console.log(
        table([
          ['aggregate', `${(totalUsers / spanSeconds).toFixed(0)} users/s, ${((100 * totalUsers) / spanSeconds / ceiling).toFixed(1)}% of the ceiling`],
          ['each operator', times.map((t) => `${t.toFixed(1)} s`).join(', ')],
          ['finish spread', `${(Math.max(...times) / Math.min(...times)).toFixed(3)}x (slowest ÷ fastest)`],
          [
            'ListUsers answered',
            `${sent - throttled} (${throttled} throttled), ${(((sent - throttled) / spanSeconds / quota) * 100).toFixed(1)}% of the quota`
          ],
          ['exact', exact ? 'yes, every operator' : 'NO']
        ])
      )
      if (!exact) process.exitCode = 1
    }
  } finally {
    await sim.stop()
  }
}

main().catch(benchFailed)
