/**
 * The work of a bulk tier job: the rows the preview would change and that have no result yet, each
 * read again and written only if its tier is still the one previewed (or the operator chose to
 * overwrite). Rows run side by side; the gateway's limiters pace them (UserRead for the read, UserUpdate
 * for the write) and throttling is waited out with long patience, so it slows the job and fails no row.
 */
import type { BulkPlanRow, BulkPreview, BulkRowResult } from '../../shared/bulk'
import type { BulkProgress } from '../../shared/jobProgress'
import { isTier, storedTierValue, tierLabel, tierStateOf } from '../../shared/tiers'
import { nameOf, WriteOutcomeUnknownError, type CognitoGateway } from '../cognito/gateway'
import { classifyFailure } from '../cognito/retryPolicy'
import { toAppError } from '../cognito/errorMapping'
import type { JobView } from '../jobs/job'
import { getUser } from '../users/users'
import { AppError } from '../../shared/errors'
import type { PendingReturn, ReturnChoice } from '../../shared/tierReturns'
import { TierReturns } from '../tierReturns/tierReturns'
import type { ReturnPlan } from '../tierReturns/scheduleShape'
import { returnToCancel, writeTierCancellingReturn, type TierWriteDone } from '../tierReturns/tierWrite'
import type { RowJobStore } from '../rowJobs/rowJobStore'
import { RowRunBase } from '../rowJobs/rowRun'
import type { SavedPreview } from './bulkTypes'

/** Rows in flight: the UserUpdate quota (25/s) is the pace; a few in flight hide each request's latency. */
const ROW_CONCURRENCY = 8

export interface BulkRunSettings {
  gateway: CognitoGateway
  /** The profile's tier returns: each row cancels its user's pending return first (null: returns are off). */
  returns: TierReturns | null
  store: RowJobStore<SavedPreview, BulkRowResult>
  preview: BulkPreview
  overwrite: boolean
  /** Told after each row ends. */
  onRow: () => void
}

/** The preview's skips, as results: they count as done from the start. */
export function previewResults(preview: BulkPreview): BulkRowResult[] {
  return preview.rows
    .filter((row) => row.action === 'skip')
    .map((row) => ({ row: row.row, username: row.username, from: row.from ?? '', to: row.tier, outcome: 'skipped', reason: row.reason }))
}

export class BulkRun extends RowRunBase<BulkPlanRow, BulkRowResult, BulkProgress> {
  constructor(private readonly settings: BulkRunSettings) {
    super({ ...settings, skipped: previewResults(settings.preview), concurrency: ROW_CONCURRENCY, runs: (row) => row.action === 'change' })
  }

  protected runRow(row: BulkPlanRow, signal: AbortSignal): Promise<BulkRowResult> {
    return this.applyRow(row.row, row.username, row.tier, row.from ?? '', signal)
  }

  /** One row, conflict-safe: read now, then write only a tier still as previewed (with its return, when the job has one). */
  private async applyRow(row: number, username: string, tier: string, previewed: string, signal: AbortSignal): Promise<BulkRowResult> {
    const { gateway, returns, overwrite } = this.settings
    const base = { row, username, from: previewed, to: tier }
    if (!isTier(tier)) return { ...base, outcome: 'failed', reason: 'invalid tier' }
    let current: string
    let plan: ReturnPlan | undefined
    let existing: PendingReturn | null | undefined
    try {
      // The single grant's plan: the date was checked when the job started; one that fell due since fails the row.
      plan = this.asked && (returns ?? new TierReturns(gateway, undefined)).plan(username, tier, this.asked.until, this.asked.then)
      current = storedTierValue((await getUser(gateway, username, { signal, patience: 'long' })).tier)
      // At the target already: with a return, it is scheduled or replaced, unless the very one is in place (a resumed row).
      if (plan && current === tier) existing = await returnToCancel(returns, username)
    } catch (error) {
      if (signal.aborted) throw error
      if (nameOf(error) === 'UserNotFoundException') return { ...base, outcome: 'failed', reason: 'user not found' }
      if (error instanceof AppError && classifyFailure(error) === 'final') return { ...base, outcome: 'failed', reason: error.message }
      throw error
    }
    // Also what a row whose write went out before a crash finds: the tier it set, so nothing is sent twice.
    if (current === tier && (!plan || (existing && sameReturn(existing, plan)))) {
      return { ...base, from: current, outcome: 'skipped', reason: 'already at target', ...returnOf(existing) }
    }
    if (current !== tier && current !== previewed && !overwrite) {
      const reason = `tier changed since the preview: was ${tierLabel(tierStateOf(previewed || undefined))}, is ${tierLabel(tierStateOf(current || undefined))}`
      return { ...base, from: current, outcome: 'conflict', reason }
    }
    await this.recordIntent(row)
    let done: TierWriteDone
    try {
      done = await writeTierCancellingReturn(gateway, returns, { username, tier, current, plan, existing }, { signal, patience: 'long' })
    } catch (error) {
      // A lost answer or an outage stops the job with the row pending: the resume reads it again.
      if (signal.aborted || error instanceof WriteOutcomeUnknownError || classifyFailure(error) !== 'final') throw error
      return { ...base, from: current, outcome: 'failed', reason: toAppError(error, { operation: 'setTier' }).message }
    }
    const returnOnly = current === tier ? { reason: 'already at target; return scheduled' } : {}
    return { ...base, from: current, outcome: 'changed', ...returnOnly, ...returnOf(done.scheduled) }
  }

  /** The job's "until …, then …", when it has one. */
  private get asked(): ReturnChoice | undefined {
    return this.settings.preview.return
  }

  progress(view: JobView): BulkProgress {
    const counts = { changed: 0, skipped: 0, conflicts: 0, failed: 0 }
    for (const result of this.results.values()) {
      if (result.outcome === 'conflict') counts.conflicts++
      else counts[result.outcome]++
    }
    return { ...this.commonProgress(view), ...counts }
  }
}

const sameReturn = (pending: PendingReturn, plan: ReturnPlan): boolean => pending.at === plan.at.toISOString() && pending.returnTier === plan.returnTier

/** A result's return column: the one scheduled or found in place. */
const returnOf = (pending: PendingReturn | null | undefined): Pick<BulkRowResult, 'pendingReturn'> =>
  pending ? { pendingReturn: { at: pending.at, returnTier: pending.returnTier } } : {}
