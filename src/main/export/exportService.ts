/**
 * Full exports as jobs on the job engine (kind "export"): one at a time in a process, each its own job
 * with its record and lock under `<dataDir>/exports/<id>/`, its progress pushed like every job's.
 * Cancel only: a stopped export cannot resume (see exportRun), so there is nothing to pause for.
 */
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import type { ExportFormat, ExportProgress } from '../../shared/scanProgress'
import type { CognitoGateway } from '../cognito/gateway'
import { toAppError } from '../cognito/errorMapping'
import { Job, type JobView } from '../jobs/job'
import { ProgressFeed, type ProgressListener } from '../jobs/progressFeed'
import type { PoolSchemaService } from '../services/poolSchema'
import { ExportRun } from './exportRun'

export type ExportListener = ProgressListener<ExportProgress>

export interface ExportService {
  /** Throws when an export already runs here: checked before the save dialog opens, and again at start. */
  assertIdle(): void
  /** Starts an export to `path` in the background; returns once it is queued. */
  start(request: { format: ExportFormat; path: string }): Promise<ExportProgress>
  /** Stops the running export and removes what it wrote; null when none runs here. */
  cancel(): Promise<ExportProgress | null>
  /** The latest export of this process as it stands; null before the first. */
  status(): ExportProgress | null
  /** Resolves once no export runs here, with how the latest one ended. */
  settled(): Promise<ExportProgress | null>
  subscribe(listener: ExportListener): () => void
  dispose(): Promise<void>
}

export interface ExportServiceOptions {
  gateway: CognitoGateway
  schema: PoolSchemaService
  /** `<dataDir>/exports`. */
  exportsDir: string
  processLabel?: string
  concurrency?: number
  partitionDigits?: 1 | 2
}

/** As the statistics scan: enough requests in flight to keep the quota busy at Cognito's latency. */
const DEFAULT_CONCURRENCY = 16

export function createExportService(options: ExportServiceOptions): ExportService {
  const feed = new ProgressFeed<ExportProgress>()
  let latest: { jobId: string; job: Job; run: ExportRun; dir: string } | null = null

  const viewOf = (job: Job, last: JobView): JobView => job.current() ?? last
  let lastView: JobView = { state: 'queued', elapsedMs: 0 }

  function push(force: boolean): void {
    const current = latest
    if (current) feed.push(current.jobId, force, () => current.run.progress(viewOf(current.job, lastView)))
  }

  const service: ExportService = {
    assertIdle() {
      if (latest?.job.local) throw new AppError('SCAN_IN_PROGRESS', 'An export is already running; wait for it or cancel it first.')
    },

    async start({ format, path }) {
      service.assertIdle()
      const pool = await options.schema.describe()
      const stamp = new Date()
        .toISOString()
        .replace(/[^0-9]/g, '')
        .slice(0, 14)
      const jobId = `export-${stamp}-${randomBytes(3).toString('hex')}`
      const dir = join(options.exportsDir, jobId)
      const job = new Job({
        id: jobId,
        kind: 'export',
        dir,
        lockName: 'export.lock',
        owner: options.processLabel ?? 'Tier Admin',
        lockedMessage: (holder) => `This export is running in ${holder}.`,
        busyMessage: 'This export is already running.',
        describeError: (error) => toAppError(error, { operation: 'ListUsers' }).toShape()
      })
      const run = new ExportRun({
        gateway: options.gateway,
        format,
        target: path,
        attributeNames: pool.attributeNames,
        concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
        partitionDigits: options.partitionDigits,
        onChange: (force) => push(force)
      })
      const before = { latest, lastView }
      latest = { jobId, job, run, dir }
      lastView = { state: 'queued', elapsedMs: 0 }
      job.onChange((view) => {
        lastView = view
        push(true)
      })
      try {
        await job.start(async () => (control) => run.execute(control))
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

    subscribe(listener) {
      return feed.subscribe(listener)
    },

    async dispose() {
      if (latest?.job.local) await latest.job.cancel()
    }
  }
  return service
}
