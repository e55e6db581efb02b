/** What a bulk tier change keeps on disk and offers its front ends (the window's handlers, the CLI, the bench). */
import type { BulkJobDetail, BulkJobSummary, BulkPreview, BulkRowResult } from '../../shared/bulk'
import type { BulkProgress } from '../../shared/jobProgress'
import type { SaveTarget } from '../storage/saveLines'

/** The preview as saved with the job, with the operator's choice about rows whose tier changed since. */
export interface SavedPreview extends BulkPreview {
  version: 1
  overwrite: boolean
}

export interface BulkTierService {
  /**
   * Reads each user's tier and saves the plan as a new job (not started). With `until` (and `then`),
   * every row's tier is granted until then and its return scheduled, as a single grant does; the
   * role and the date are checked first (SCHEDULER_ROLE_MISSING, VALIDATION) and the return is kept with the job.
   */
  preview(request: { rows: { username: string; tier: string }[]; until?: string; then?: string }): Promise<BulkPreview>
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
  /** The rows' results in row order (preview skips included) as CSV, written to the target; the row count. */
  writeResultsCsv(jobId: string, target: SaveTarget): Promise<number>
  /** Pauses every job running here (a later start resumes it). */
  dispose(): Promise<void>
}

export type { BulkRowResult }
