/**
 * How evenly operators sharing one quota finish, over many draws of luck: 2, 4 and 8 operators, each a
 * ListUsers limiter as in its own process, page through equal work on one simulated account bucket on a
 * virtual clock (test/support/sharedQuota.ts), so a hundred runs take seconds, not hours, and repeat
 * exactly. The process-level bench (multi-operator) shows one draw per run; this one shows the tail.
 *
 *   npx tsx bench/limiter-fairness.bench.ts [--draws 100] [--operators 2,4,8] [--pages 1000] [--in-flight 16]
 */
import { benchFailed } from './support/benchName'
import { runShared } from '../test/support/sharedQuota'

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1]! : fallback
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!
}

async function main(): Promise<void> {
  const draws = Number(arg('draws', '100'))
  const pages = Number(arg('pages', '1000'))
  const inFlight = Number(arg('in-flight', '16'))
  const counts = arg('operators', '2,4,8').split(',').map(Number)
  console.log(`Operators sharing one 30 req/s quota on a virtual clock: ${pages} pages each, ${inFlight} in flight, ${draws} draws\n`)
  const rows: string[][] = [['operators', 'spread: median', '90th', 'worst', 'beyond 1.1x', 'aggregate, worst draw', 'requests a page']]
  for (const operators of counts) {
    const spreads: number[] = []
    const aggregates: number[] = []
    let sent = 0
    for (let draw = 1; draw <= draws; draw++) {
      const run = await runShared(operators, { work: pages, inFlight, seed: draw * 7919 })
      spreads.push(run.spread)
      aggregates.push(run.aggregateShare)
      sent += run.ops.reduce((sum, op) => sum + op.sent, 0) / (operators * pages)
    }
    spreads.sort((a, b) => a - b)
    const times = (x: number): string => `${x.toFixed(3)}x`
    rows.push([
      String(operators),
      times(percentile(spreads, 0.5)),
      times(percentile(spreads, 0.9)),
      times(spreads.at(-1)!),
      `${spreads.filter((spread) => spread > 1.1).length} of ${draws}`,
      `${(100 * Math.min(...aggregates)).toFixed(1)}% of the quota`,
      (sent / draws).toFixed(2)
    ])
  }
  // Not sharing but a pool refusing at random (the simulator's fault mode): every refusal cuts a lone
  // operator at the full quota by the deepest cut. Printed so that cost stays in view.
  const lone: number[] = []
  for (let draw = 1; draw <= Math.min(draws, 10); draw++) {
    lone.push((await runShared(1, { work: pages, inFlight, seed: draw * 7919, refuseShare: 0.05 })).aggregateShare)
  }
  const loneShare = `${(100 * Math.min(...lone)).toFixed(1)}–${(100 * Math.max(...lone)).toFixed(1)}% of the quota`
  rows.push(['1, 5% refused at random', '', '', '', '', loneShare, ''])
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  for (const row of rows) console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`)
}

main().catch(benchFailed)
