/**
 * The faults half of the bulk benchmark: a job run in a child process over a simulator that throttles
 * a share of requests at random, killed (SIGKILL) once the simulator's request log shows about half
 * its rows written, then resumed here on a fresh service over the same jobs folder. What is checked
 * afterwards comes from the simulator, not from the job: rows lost, rows written twice, and whether the
 * job's results CSV says what the pool now holds.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { ImportMethod } from '../../src/shared/importing'
import type { CognitoSim } from '../../test/support/cognitoSim'
import { registerRows, retierRows, startBenchSim, writeRegisterCsv, type SimSettings } from './bulkMeasures'
import { benchServices, type SimTarget } from './simWiring'

export interface FaultFigures {
  label: string
  rows: number
  /** Writes answered ok when the child was killed, and of how many the job would make. */
  killedAt: number
  toWrite: number
  state: string
  /** Rows that should have been written and were not. */
  lost: number
  /** Usernames with more than one write answered ok. */
  twice: number
  /** Write requests sent again for a username after one was answered ok (refused by Cognito, but sent). */
  resent: number
  csvRows: number
  /** Rows the CSV calls changed or created whose user does not hold that tier in the simulator. */
  mismatches: number
  outcomes: Record<string, number>
  throttled: number
  seconds: number
}

const CHILD = join(__dirname, 'jobChild.ts')

export async function faultRetier(rows: number, settings: SimSettings, dir: string): Promise<FaultFigures> {
  const { sim, target } = await startBenchSim(rows, settings)
  const jobsDir = join(dir, 'jobs-fault-retier')
  try {
    const first = benchServices(target, jobsDir)
    const preview = await first.bulk.preview({ rows: retierRows(sim, 0, rows) }).finally(() => first.close())
    const wanted = preview.rows.filter((row) => row.action === 'change')
    const begin = performance.now()
    const killedAt = await killMidway(sim, target, 'AdminUpdateUserAttributes', wanted.length, ['bulk', jobsDir, preview.jobId])
    const fresh = benchServices(target, jobsDir, 'the bench (resume)')
    try {
      await fresh.bulk.start(preview.jobId)
      const end = await fresh.bulk.settled(preview.jobId)
      const seconds = (performance.now() - begin) / 1000
      const csv = await resultsCsv(dir, (path) => fresh.bulk.writeResultsCsv(preview.jobId, path))
      return {
        label: 're-tier',
        rows,
        killedAt,
        toWrite: wanted.length,
        state: end.state,
        lost: wanted.filter((row) => sim.tierOf(row.username) !== row.tier).length,
        ...repeats(sim, 'AdminUpdateUserAttributes'),
        csvRows: csv.length,
        mismatches: csv.filter((r) => r.outcome === 'changed' && sim.tierOf(r.username) !== r.to).length,
        outcomes: countOutcomes(csv),
        throttled: sim.stats.throttled,
        seconds
      }
    } finally {
      await fresh.close()
    }
  } finally {
    await sim.stop()
  }
}

export async function faultRegister(method: ImportMethod, rows: number, settings: SimSettings, dir: string): Promise<FaultFigures> {
  const { sim, target } = await startBenchSim(1000, settings)
  const jobsDir = join(dir, `jobs-fault-${method}`)
  const operation = method === 'signup' ? 'SignUp' : 'AdminCreateUser'
  try {
    const path = join(dir, `fault-${method}.csv`)
    await writeRegisterCsv(path, registerRows(`fault-${method}`, rows))
    const first = benchServices(target, jobsDir)
    const preview = await first.imports.preview({ path }).finally(() => first.close())
    const wanted = preview.rows.filter((row) => row.action === 'create')
    const begin = performance.now()
    const killedAt = await killMidway(sim, target, operation, wanted.length, ['import', jobsDir, preview.jobId, method])
    const fresh = benchServices(target, jobsDir, 'the bench (resume)')
    try {
      // No method: a resume keeps the one the job started with.
      await fresh.imports.start(preview.jobId)
      const end = await fresh.imports.settled(preview.jobId)
      const seconds = (performance.now() - begin) / 1000
      const csv = await resultsCsv(dir, (out) => fresh.imports.writeResultsCsv(preview.jobId, out))
      const created = new Map(sim.created().map((user) => [user.username, user]))
      return {
        label: method,
        rows,
        killedAt,
        toWrite: wanted.length,
        state: end.state,
        lost: wanted.filter((row) => created.get(row.username)?.tier !== row.tier).length,
        ...repeats(sim, operation),
        csvRows: csv.length,
        mismatches: csv.filter((r) => r.outcome === 'created' && created.get(r.username)?.tier !== r.tier).length,
        outcomes: countOutcomes(csv),
        throttled: sim.stats.throttled,
        seconds
      }
    } finally {
      await fresh.close()
    }
  } finally {
    await sim.stop()
  }
}

const okWrites = (sim: CognitoSim, operation: string): number => sim.writes.filter((w) => w.operation === operation && w.outcome === 'ok').length

/** Runs the job in a child process and kills it once half the writes it would make were answered ok. */
async function killMidway(sim: CognitoSim, target: SimTarget, operation: string, toWrite: number, args: string[]): Promise<number> {
  const [kind, jobsDir, ...rest] = args
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, kind!, JSON.stringify(target), jobsDir!, ...rest], { stdio: 'inherit' })
  try {
    // Polled: the simulator runs in this process, so its log is the truth about what reached the pool.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (okWrites(sim, operation) < toWrite / 2) return
        clearInterval(timer)
        resolve()
      }, 5)
      child.once('exit', (code) => {
        clearInterval(timer)
        reject(new Error(`The job's process ended before it was killed (${code})`))
      })
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  } finally {
    child.kill('SIGKILL')
  }
  return okWrites(sim, operation)
}

/** Per username in the simulator's log: writes answered ok more than once, and requests sent after the ok. */
function repeats(sim: CognitoSim, operation: string): { twice: number; resent: number } {
  const seen = new Map<string, { ok: number; after: number }>()
  for (const write of sim.writes) {
    if (write.operation !== operation) continue
    const entry = seen.get(write.username) ?? { ok: 0, after: 0 }
    if (entry.ok > 0 && write.outcome !== 'throttled') entry.after++
    if (write.outcome === 'ok') entry.ok++
    seen.set(write.username, entry)
  }
  const values = [...seen.values()]
  return { twice: values.filter((v) => v.ok > 1).length, resent: values.filter((v) => v.after > 0).length }
}

type CsvResult = Record<string, string>

async function resultsCsv(dir: string, write: (path: string) => Promise<number>): Promise<CsvResult[]> {
  const path = join(dir, `results-${Date.now()}.csv`)
  await write(path)
  return Papa.parse<CsvResult>(await readFile(path, 'utf8'), { header: true, skipEmptyLines: true }).data
}

function countOutcomes(rows: CsvResult[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const row of rows) counts[row.outcome ?? '?'] = (counts[row.outcome ?? '?'] ?? 0) + 1
  return counts
}
