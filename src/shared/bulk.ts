/**
 * A bulk tier change, shared by main, the CLI and the renderer: what the operator asks for (rows of
 * username and target tier), what the preview found for each row, and how each row ended.
 */
import type { BulkProgress } from './jobProgress'
import type { JobState } from './jobs'
import type { TakesEffect } from './takesEffect'
import type { PendingReturn, ReturnChoice } from './tierReturns'

/** Rows in one job: a preview reads each user once, at 120 reads/s that is under 90 s. */
export const MAX_BULK_ROWS = 10_000

/** Job ids name folders: letters, digits and dashes only, so an id from the page cannot leave `jobs/`. */
export const BULK_JOB_ID = /^bulk-[0-9a-z-]{1,60}$/

/** Why the preview leaves a row out: it would change nothing, or it cannot be applied. */
export type BulkSkipReason = 'already at target' | 'user not found' | 'invalid tier' | 'duplicate row' | 'target is the return tier'

/** One row as the preview saw it. `from` is the stored tier value ("" for none), absent when unread. */
export interface BulkPlanRow {
  /** 1-based, in the order given (the CSV's data rows). */
  row: number
  username: string
  /** The target as given (an invalid one is kept to show it). */
  tier: string
  from?: string
  action: 'change' | 'skip'
  reason?: BulkSkipReason
}

export type BulkOutcome = 'changed' | 'skipped' | 'conflict' | 'failed'

/** How a row ended; the preview's skips are reported as `skipped` with their reason. */
export interface BulkRowResult {
  row: number
  username: string
  from: string
  to: string
  outcome: BulkOutcome
  reason?: string
  /** The return scheduled (or found already in place) with the row's tier, in a change with `until`. */
  pendingReturn?: Pick<PendingReturn, 'at' | 'returnTier'>
}

export interface BulkPreview {
  jobId: string
  userPoolId: string
  createdAt: string
  rows: BulkPlanRow[]
  /** How many rows the run would change. */
  changes: number
  /**
   * "Until …, then …" for every row (`until` as the UTC instant each return is scheduled at): each
   * changed row, and each row already at its target, gets its user's return created or replaced.
   */
  return?: ReturnChoice
}

/** A bulk job as `jobs` and the resume notice list it. */
export interface BulkJobSummary {
  jobId: string
  userPoolId: string
  createdAt: string
  /** "previewed" when it was never started. */
  state: JobState | 'previewed'
  progress: BulkProgress
}

/** The job with its rows' results so far, for the bulk panel. */
export interface BulkJobDetail extends BulkJobSummary {
  preview: BulkPreview
  overwrite: boolean
  results: BulkRowResult[]
  /** When the customer's apps see the changes: once the job stopped with at least one row changed. */
  takesEffect?: TakesEffect
}
