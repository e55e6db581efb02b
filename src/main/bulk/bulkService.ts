/**
 * Bulk tier changes as jobs on the job engine (kind "bulk-tier"): a preview saved with the job, then a
 * run that can be paused, cancelled, and resumed by any process of the app, including after a crash.
 */
import { BULK_JOB_ID, type BulkJobDetail, type BulkJobSummary, type BulkPreview, type BulkRowResult } from '../../shared/bulk'
import type { BulkProgress } from '../../shared/jobProgress'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { CognitoGateway } from '../cognito/gateway'
import { toAppError } from '../cognito/errorMapping'
import type { ProgressListener } from '../jobs/progressFeed'
import { PreviewGuard } from '../rowJobs/previewGuard'
import { createRowJobs } from '../rowJobs/rowJobs'
import type { PoolSchemaService } from '../services/poolSchema'
import { planRows } from './bulkPlan'
import { BulkRun } from './bulkRun'

export interface SavedPreview extends BulkPreview {
  version: 1
  overwrite: boolean
}

export type BulkListener = ProgressListener<BulkProgress>

export interface BulkTierService {
  /** Reads each user's tier and saves the plan as a new job (not started). */
  preview(request: { rows: { username: string; tier: string }[] }): Promise<BulkPreview>
  /** Stops the preview under way (it ends CANCELLED); false when none was. */
  cancelPreview(): boolean
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
  const jobs = createRowJobs<SavedPreview, BulkRowResult, BulkProgress>({
    kind: 'bulk-tier',
    idPrefix: 'bulk',
    idPattern: BULK_JOB_ID,
    noun: 'bulk tier change',
    jobsDir: options.jobsDir,
    userPoolId: gateway.userPoolId,
    processLabel: options.processLabel,
    csv: { header: ['row', 'username', 'from', 'to', 'outcome', 'reason'], cells: (r) => [r.row, r.username, r.from, r.to, r.outcome, r.reason ?? ''] },
    describeError: (error) => toAppError(error, { operation: 'setTier' }).toShape(),
    makeRun: (preview, store, onRow) => new BulkRun({ gateway, store, preview, overwrite: preview.overwrite, onRow })
  })

  const previews = new PreviewGuard()

  const summaryOf = ({
    jobId,
    preview,
    state,
    progress
  }: {
    jobId: string
    preview: SavedPreview
    state: BulkJobSummary['state']
    progress: BulkProgress
  }): BulkJobSummary => ({
    jobId,
    userPoolId: preview.userPoolId,
    createdAt: preview.createdAt,
    state,
    progress
  })

  return {
    async preview({ rows }) {
      await options.schema.assertAttributesExist([TIER_ATTRIBUTE])
      const jobId = jobs.newJobId()
      const planned = await previews.run((signal) => planRows(gateway, rows, signal))
      const preview: SavedPreview = {
        version: 1,
        jobId,
        userPoolId: gateway.userPoolId,
        createdAt: new Date().toISOString(),
        rows: planned,
        changes: planned.filter((row) => row.action === 'change').length,
        overwrite: false
      }
      await jobs.store.savePreview(preview)
      const { version: _version, overwrite: _overwrite, ...shown } = preview
      return shown
    },

    async start(jobId, startOptions = {}) {
      await jobs.requirePreview(jobId)
      await options.schema.assertAttributesExist([TIER_ATTRIBUTE])
      return jobs.start(jobId, async (preview) => {
        if (startOptions.overwrite === undefined || startOptions.overwrite === preview.overwrite) return preview
        const chosen = { ...preview, overwrite: startOptions.overwrite }
        await jobs.store.savePreview(chosen)
        return chosen
      })
    },

    cancelPreview: () => previews.cancel(),
    pause: jobs.pause,
    cancel: jobs.cancel,
    settled: jobs.settled,

    async detail(jobId) {
      const standing = await jobs.standing(jobId)
      const { version: _version, overwrite, ...shown } = standing.preview
      return { ...summaryOf({ jobId, ...standing }), preview: shown, overwrite, results: standing.results }
    },

    async list() {
      return (await jobs.list()).map(summaryOf)
    },

    writeResultsCsv: jobs.writeResultsCsv,
    subscribe: jobs.subscribe,
    dispose: jobs.dispose
  }
}
