/**
 * Full exports as jobs on the job engine (kind "export"): one at a time per data folder, each its own
 * job with its record and lock under `<dataDir>/exports/<id>/`, its progress pushed like every job's.
 * Cancel only: a stopped export cannot resume (see exportRun), so there is nothing to pause for; what
 * a process that died mid-export left beside the target is removed before the next export starts.
 */
import { randomBytes } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../shared/errors'
import type { ExportFormat, ExportProgress } from '../../shared/jobProgress'
import type { ServiceDeps } from '../app/deps'
import { toAppError } from '../cognito/errorMapping'
import { Job, type JobView } from '../jobs/job'
import { PRIVATE_FILE_MODE } from '../storage/privateFiles'
import type { SaveTarget } from '../storage/saveLines'
import { ExportRun } from './exportRun'

export interface ExportService {
  /** Throws when an export already runs here: checked before the save dialog opens, and again at start. */
  assertIdle(): void
  /** Starts an export to a file in the background; returns once it is queued. */
  start(request: { format: ExportFormat; target: SaveTarget }): Promise<ExportProgress>
  /** Stops the running export and removes what it wrote; null when none runs here. */
  cancel(): Promise<ExportProgress | null>
  /** The latest export of this process as it stands; null before the first. */
  status(): ExportProgress | null
  /** Resolves once no export runs here, with how the latest one ended. */
  settled(): Promise<ExportProgress | null>
  dispose(): Promise<void>
}

/** For tests and the bench: how the pool is read. */
export interface ExportTuning {
  concurrency?: number
  partitionDigits?: 1 | 2
}

/** As the statistics scan: enough requests in flight to keep the quota busy at Cognito's latency. */
const DEFAULT_CONCURRENCY = 16

export function createExportService(deps: ServiceDeps, tuning: ExportTuning = {}): ExportService {
  const exportsDir = join(deps.dataDir, 'exports')
  let latest: { jobId: string; job: Job<'export'>; run: ExportRun; dir: string } | null = null

  const viewOf = (job: Job<'export'>, last: JobView): JobView => job.current() ?? last
  let lastView: JobView = { state: 'queued', elapsedMs: 0 }

  /** `run` is null for a job only looked at (one another process ran), which never publishes. */
  function jobOf(jobId: string, run: ExportRun | null = null): Job<'export'> {
    return new Job({
      id: jobId,
      kind: 'export',
      dir: join(exportsDir, jobId),
      lockName: 'export.lock',
      owner: deps.processLabel,
      lockedMessage: (holder) => `This export is running in ${holder}.`,
      busyMessage: 'This export is already running.',
      describeError: (error) => toAppError(error, { operation: 'ListUsers' }).toShape(),
      ...(run
        ? { publish: { hub: deps.jobUpdates, ref: { kind: 'export', jobId, userPoolId: deps.gateway.userPoolId }, progress: (view) => run.progress(view) } }
        : {})
    })
  }

  /**
   * Refuses while another process of the app exports from this data folder (two exports would split
   * the ListUsers quota), and clears up after exports whose process died: their record, and the parts
   * folder and temporary file they left beside their target.
   */
  async function sweep(): Promise<void> {
    const names = await readdir(exportsDir).catch(() => [] as string[])
    for (const jobId of names.filter((name) => name.startsWith('export-') && name !== latest?.jobId)) {
      const view = await jobOf(jobId).view()
      if (!view) continue
      if (view.runningElsewhere)
        throw new AppError('LOCKED_BY_OTHER_PROCESS', `An export is running in ${view.runningElsewhere}. Wait for it, or cancel it there.`)
      const dir = join(exportsDir, jobId)
      const left = await readFile(join(dir, 'export.json'), 'utf8')
        .then((text) => JSON.parse(text) as { target: string; pid: number })
        .catch(() => null)
      if (left) await removeLeftovers(left.target, left.pid)
      await rm(dir, { recursive: true, force: true })
    }
  }

  const service: ExportService = {
    assertIdle() {
      if (latest?.job.local) throw new AppError('JOB_IN_PROGRESS', 'An export is already running; wait for it or cancel it first.')
    },

    async start({ format, target: path }) {
      // Written beside its target in parts and put in place whole, so it needs a file, not a stream.
      if (typeof path !== 'string') throw new AppError('VALIDATION', 'A full export is written to a file: name one {outFile}.')
      service.assertIdle()
      await sweep()
      const pool = await deps.schema.describe()
      const stamp = new Date()
        .toISOString()
        .replace(/[^0-9]/g, '')
        .slice(0, 14)
      const jobId = `export-${stamp}-${randomBytes(3).toString('hex')}`
      const dir = join(exportsDir, jobId)
      const run: ExportRun = new ExportRun({
        gateway: deps.gateway,
        format,
        target: path,
        attributeNames: pool.attributeNames,
        concurrency: Math.max(1, tuning.concurrency ?? DEFAULT_CONCURRENCY),
        partitionDigits: tuning.partitionDigits,
        onChange: (force) => job.report(force)
      })
      const job = jobOf(jobId, run)
      const before = { latest, lastView }
      latest = { jobId, job, run, dir }
      lastView = { state: 'queued', elapsedMs: 0 }
      job.onChange((view) => void (lastView = view))
      try {
        await job.start(async () => {
          // Where the leftovers of this export would be, should its process die.
          await writeFile(join(dir, 'export.json'), JSON.stringify({ target: path, pid: process.pid }), { mode: PRIVATE_FILE_MODE })
          return (control) => run.execute(control)
        })
      } catch (error) {
        // It never ran: the latest export is still the one before it.
        ;({ latest, lastView } = before)
        throw error
      }
      // The record matters only while the export runs (who holds it); an export is never resumed.
      void job.settled().then(() => rm(dir, { recursive: true, force: true }).catch(() => undefined))
      return run.progress(viewOf(job, lastView))
    },

    async cancel() {
      if (!latest?.job.local) return null
      await latest.job.cancel()
      return service.status()
    },

    status: () => (latest ? latest.run.progress(viewOf(latest.job, lastView)) : null),

    async settled() {
      await latest?.job.settled()
      return service.status()
    },

    async dispose() {
      if (latest?.job.local) await latest.job.cancel()
    }
  }
  return service
}

/** The parts folder and temporary file a dead process `pid` left beside `target` (their names carry both). */
async function removeLeftovers(target: string, pid: number): Promise<void> {
  const prefix = `${basename(target)}.tmp-${pid}-`
  const names = await readdir(dirname(target)).catch(() => [] as string[])
  await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => rm(join(dirname(target), name), { recursive: true, force: true })))
}
