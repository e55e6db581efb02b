/**
 * The full export against the loopback Cognito simulator at the real ListUsers quota, through the
 * real export service (job engine, gateway, partitions, part files, atomic replace):
 *
 *   node --expose-gc --import tsx bench/export.bench.ts --users 1000000 [--latency 80] [--quota 30] [--format csv|jsonl]
 *
 * Prints users/s, its fraction of the ceiling (quota × 60 users a page), and the peak heap growth
 * while exporting (after gc when run with --expose-gc; the simulator shares the process, so this is an
 * upper bound for the export). The file is checked afterwards: one row per user, each user once.
 */
import { benchFailed } from './support/benchName'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { createExportService } from '../src/main/export/exportService'
import type { ExportFormat } from '../src/shared/jobProgress'
import { simGateway, startCognitoSim } from '../test/support/cognitoSim'
import { makeTempDir } from '../test/support/tempDir'
import { serviceDeps } from '../test/support/serviceDeps'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback
}

const users = Number(option('users', '100000'))
const latency = Number(option('latency', '80'))
const quota = Number(option('quota', '30'))
const format = option('format', 'csv') as ExportFormat
const gc = (globalThis as { gc?: () => void }).gc
const heapUsed = (): number => (gc?.(), process.memoryUsage().heapUsed)

/** Rows in the file and how many distinct usernames they hold, read a line at a time. */
async function checkFile(path: string): Promise<{ rows: number; distinct: number }> {
  const seen = new Set<string>()
  let rows = 0
  let header = format === 'csv'
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (header) {
      header = false
      continue
    }
    rows++
    seen.add(format === 'csv' ? line.slice(0, line.indexOf(',')) : (JSON.parse(line) as { username: string }).username)
  }
  return { rows, distinct: seen.size }
}

async function main(): Promise<void> {
  const ceiling = quota * 60
  console.log(`Full export benchmark: ${users.toLocaleString('en')} users, ${format}, latency ${latency} ms, quota ${quota} req/s (ceiling ${ceiling} users/s)`)
  const sim = await startCognitoSim({ users, latencyMs: latency, quota })
  const temp = makeTempDir('tier-admin-export-bench-')
  const deps = serviceDeps({ gateway: simGateway(sim, quota), dataDir: temp.dir, processLabel: 'the bench' })
  const service = createExportService(deps)
  const path = join(temp.dir, `users.${format}`)
  try {
    const baseline = heapUsed()
    let peak = baseline
    const sampler = setInterval(() => (peak = Math.max(peak, heapUsed())), gc ? 1000 : 250)
    let lastLine = 0
    deps.jobUpdates.on('export', (_id, p) => {
      if (p.state === 'running' && performance.now() - lastLine > 30_000) {
        lastLine = performance.now()
        console.log(`  ${p.users.toLocaleString('en')} users, ${Math.round(p.rate)} users/s, heap +${((heapUsed() - baseline) / 2 ** 20).toFixed(1)} MB`)
      }
    })
    const begin = performance.now()
    await service.start({ format, target: path })
    const end = await service.settled().finally(() => clearInterval(sampler))
    const seconds = (performance.now() - begin) / 1000
    peak = Math.max(peak, heapUsed())
    if (end?.state !== 'done') throw new Error(`The export ended ${end?.state}: ${end?.error?.message}`)
    const rate = end.users / seconds
    const file = await checkFile(path)
    const rows: [string, string][] = [
      ['users exported', end.users.toLocaleString('en')],
      ['time (start to file in place)', `${seconds.toFixed(1)} s`],
      ['users/s', Math.round(rate).toLocaleString('en')],
      ['of the ListUsers ceiling', `${((rate / ceiling) * 100).toFixed(1)}%`],
      ['peak heap growth', `${((peak - baseline) / 2 ** 20).toFixed(1)} MB${gc ? '' : ' (sampled without gc)'}`],
      ['file', `${((await stat(path)).size / 2 ** 20).toFixed(1)} MB`],
      ['rows in file / distinct users', `${file.rows.toLocaleString('en')} / ${file.distinct.toLocaleString('en')}`],
      ['read', end.modeReason ? `sequentially: ${end.modeReason}` : 'partitioned'],
      ['throttled requests', String(sim.stats.throttled)]
    ]
    for (const [name, value] of rows) console.log(`  ${name.padEnd(32)} ${value}`)
    if (file.rows !== users || file.distinct !== users) process.exitCode = 1
  } finally {
    await service.dispose()
    await sim.stop()
    temp.remove()
  }
}

main().catch(benchFailed)
