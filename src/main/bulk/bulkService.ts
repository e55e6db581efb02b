/**
 * Bulk tier changes as jobs on the job engine (kind "bulk-tier"): a preview saved with the job, then a
 * run that can be paused, cancelled, and resumed by any process of the app, including after a crash.
 */
import { randomBytes } from 'node:crypto'
import type { BulkJobDetail, BulkJobSummary, BulkPreview, BulkRowResult } from '../../shared/bulk'
import { AppError } from '../../shared/errors'
import type { BulkProgress } from '../../shared/scanProgress'
import type { CognitoGateway } from '../cognito/gateway'
import { toAppError } from '../cognito/errorMapping'
import { Job, type JobView } from '../jobs/job'
import { ProgressFeed, type ProgressListener } from '../jobs/progressFeed'
import type { PoolSchemaService } from '../services/poolSchema'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import { planRows } from './bulkPlan'
import { BulkRun } from './bulkRun'
import { BulkStore, type SavedPreview } from './bulkStore'

export type BulkListener = ProgressListener<BulkProgress>

export interface BulkTierService {
  /** Reads each user's tier and saves the plan as a new job (not started). */
  preview(request: { rows: { username: string; tier: string }[] }): Promise<BulkPreview>
  /** Starts or resumes a job in the background; `overwrite` is kept for later resumes when given. */
  start(jobId: string, options?: { overwrite?: boolean }): Promise<BulkProgress>
  /** Pauses the job running here; resolves once it stopped (null when it does not run here). */
  pause(jobId: string): Promise<BulkProgress | null>
  cancel(jobId: string): Promise<BulkProgress | null>
  /** Resolves once the job no longer runs here, with how it stands. */
  settled(jobId: string): Promise<BulkProgress>
  detail(jobId: string): Promise<BulkJobDetail>
  /** This pool's bulk jobs, oldest first. */
  list(): Promise<BulkJobSummary[]>
  /** The rows' results in row order (preview skips included) as CSV, streamed to `path`. */
  writeResultsCsv(jobId: string, path: string): Promise<number>
  subscribe(listener: BulkListener): () => void
  /** Pauses every job running here (a later start resumes it). */
  dispose(): Promise<void>
}

export interface BulkTierOptions {
  gateway: CognitoGateway
  schema: PoolSchemaService
  /** `<dataDir>/jobs`. */
  jobsDir: string
  processLabel?: string
}

export function createBulkTierService(options: BulkTierOptions): BulkTierService {
  const { gateway } = options
  const store = new BulkStore(options.jobsDir)
  const jobs = new Map<string, Job>()
  const runs = new Map<string, BulkRun>()
  const feed = new ProgressFeed<BulkProgress>()

  function jobOf(jobId: string): Job {
    let job = jobs.get(jobId)
    if (!job) {
      job = new Job({
        id: jobId,
        kind: 'bulk-tier',
        dir: store.dirOf(jobId),
        lockName: 'bulk.lock',
        owner: options.processLabel ?? 'Tier Admin',
        lockedMessage: (holder) => `This bulk tier change is running in ${holder}. Follow or stop it there.`,
        busyMessage: 'This bulk tier change is already running.',
        describeError: (error) => toAppError(error, { operation: 'setTier' }).toShape()
      })
      job.onChange((view) => push(jobId, view, true))
      jobs.set(jobId, job)
    }
    return job
  }

  function push(jobId: string, view: JobView, force: boolean): void {
    feed.push(jobId, force, () => runs.get(jobId)?.progress(view) ?? null)
  }

  async function requirePreview(jobId: string): Promise<SavedPreview> {
    const preview = await store.loadPreview(jobId)
    if (!preview || preview.userPoolId !== gateway.userPoolId) {
      throw new AppError('VALIDATION', `There is no bulk tier change ${jobId} for this pool. Run "tier-admin jobs" to list them.`)
    }
    return preview
  }

  function runOf(preview: SavedPreview): BulkRun {
    return new BulkRun({ gateway, store, preview, overwrite: preview.overwrite, onRow: () => pushCurrent(preview.jobId) })
  }

  function pushCurrent(jobId: string): void {
    const view = jobs.get(jobId)?.current()
    if (view) push(jobId, view, false)
  }

  /** The job as it stands, read from memory when it runs here and from its files otherwise. */
  async function standing(jobId: string): Promise<{ preview: SavedPreview; run: BulkRun; view: JobView | null }> {
    const preview = await requirePreview(jobId)
    const job = jobOf(jobId)
    const here = job.current()
    const run = here ? runs.get(jobId)! : runOf(preview)
    return { preview, run, view: here ?? (await job.view()) }
  }

  const unstarted: JobView = { state: 'queued', elapsedMs: 0 }

  async function summary(jobId: string): Promise<BulkJobSummary & { run: BulkRun; preview: SavedPreview }> {
    const { preview, run, view } = await standing(jobId)
    const progress = run.progress(view ?? unstarted)
    return { jobId, userPoolId: preview.userPoolId, createdAt: preview.createdAt, state: view?.state ?? 'previewed', progress, run, preview }
  }

  const service: BulkTierService = {
    async preview({ rows }) {
      await options.schema.assertAttributesExist([TIER_ATTRIBUTE])
      const stamp = new Date()
        .toISOString()
        .replace(/[^0-9]/g, '')
        .slice(0, 14)
      const jobId = `bulk-${stamp}-${randomBytes(3).toString('hex')}`
      const planned = await planRows(gateway, rows, new AbortController().signal)
      const preview: SavedPreview = {
        version: 1,
        jobId,
        userPoolId: gateway.userPoolId,
        createdAt: new Date().toISOString(),
        rows: planned,
        changes: planned.filter((row) => row.action === 'change').length,
        overwrite: false
      }
      await store.savePreview(preview)
      const { version: _version, overwrite: _overwrite, ...shown } = preview
      return shown
    },

    async start(jobId, startOptions = {}) {
      await requirePreview(jobId)
      await options.schema.assertAttributesExist([TIER_ATTRIBUTE])
      const job = jobOf(jobId)
      await job.start(async () => {
        // Read under the lock: another process may have run rows a moment ago.
        let preview = await requirePreview(jobId)
        if (startOptions.overwrite !== undefined && startOptions.overwrite !== preview.overwrite) {
          preview = { ...preview, overwrite: startOptions.overwrite }
          await store.savePreview(preview)
        }
        const run = runOf(preview)
        runs.set(jobId, run)
        return (control) => run.execute(control)
      })
      return runs.get(jobId)!.progress(job.current() ?? unstarted)
    },

    async pause(jobId) {
      const job = jobOf(jobId)
      if (!job.local) return null
      await job.pause()
      return (await summary(jobId)).progress
    },

    async cancel(jobId) {
      const job = jobOf(jobId)
      if (!job.local) return null
      await job.cancel()
      return (await summary(jobId)).progress
    },

    async settled(jobId) {
      await jobOf(jobId).settled()
      return (await summary(jobId)).progress
    },

    async detail(jobId) {
      const { run, preview, ...rest } = await summary(jobId)
      const results: BulkRowResult[] = [...run.results.values()].sort((a, b) => a.row - b.row)
      const { version: _version, overwrite, ...shown } = preview
      return { ...rest, preview: shown, overwrite, results }
    },

    async list() {
      const found: BulkJobSummary[] = []
      for (const jobId of await store.jobIds()) {
        const preview = await store.loadPreview(jobId)
        if (!preview || preview.userPoolId !== gateway.userPoolId) continue
        const { run: _run, preview: _preview, ...entry } = await summary(jobId)
        found.push(entry)
      }
      return found
    },

    async writeResultsCsv(jobId, path) {
      const { run } = await summary(jobId)
      const rows = [...run.results.values()].sort((a, b) => a.row - b.row)
      await store.writeResultsCsv(path, rows)
      return rows.length
    },

    subscribe(listener) {
      return feed.subscribe(listener)
    },

    async dispose() {
      await Promise.all([...jobs.values()].filter((job) => job.local).map((job) => job.pause()))
    }
  }
  return service
}
