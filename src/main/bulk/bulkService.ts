/**
 * Bulk tier changes as jobs on the job engine (kind "bulk-tier"): a preview saved with the job, then a
 * run that can be paused, cancelled, and resumed by any process of the app, including after a crash.
 */
import { BULK_JOB_ID, type BulkRowResult } from '../../shared/bulk'
import { isActive } from '../../shared/jobs'
import type { BulkProgress } from '../../shared/jobProgress'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { ServiceDeps } from '../app/deps'
import { toAppError } from '../cognito/errorMapping'
import { createRowJobs, summaryOf } from '../rowJobs/rowJobs'
import { takesEffect } from '../users/takesEffect'
import { planRows } from './bulkPlan'
import { BulkRun } from './bulkRun'
import type { BulkTierService, SavedPreview } from './bulkTypes'
import type { ReturnChoice } from '../../shared/tierReturns'
import { returnChange } from '../tierReturns/scheduleShape'
import { tierReturnsOf } from '../tierReturns/tierReturns'

export type { BulkTierService } from './bulkTypes'

export function createBulkTierService(deps: ServiceDeps): BulkTierService {
  const { gateway, schema } = deps
  const jobs = createRowJobs<SavedPreview, BulkRowResult, BulkProgress>({
    kind: 'bulk-tier',
    idPrefix: 'bulk',
    idPattern: BULK_JOB_ID,
    noun: 'bulk tier change',
    deps,
    csv: {
      header: ['row', 'username', 'from', 'to', 'outcome', 'reason', 'return'],
      cells: (r) => [r.row, r.username, r.from, r.to, r.outcome, r.reason ?? '', r.pendingReturn ? returnChange(r.pendingReturn) : '']
    },
    describeError: (error) => toAppError(error, { operation: 'setTier' }).toShape(),
    makeRun: (preview, store, onRow) => new BulkRun({ gateway, returns: tierReturnsOf(deps), store, preview, overwrite: preview.overwrite, onRow })
  })

  return {
    async preview({ rows, until, then }) {
      // The role and the date, once for every row, before anything is read.
      const checked = until === undefined ? undefined : tierReturnsOf(deps).checkReturn(until, then)
      const asked: ReturnChoice | undefined = checked && { until: checked.at.toISOString(), then: checked.returnTier }
      await schema.assertAttributesExist([TIER_ATTRIBUTE])
      const jobId = jobs.newJobId()
      const planned = await jobs.previews.run((signal) => planRows(gateway, rows, signal, asked?.then))
      const preview: SavedPreview = {
        version: 1,
        jobId,
        userPoolId: gateway.userPoolId,
        createdAt: new Date().toISOString(),
        rows: planned,
        changes: planned.filter((row) => row.action === 'change').length,
        overwrite: false,
        ...(asked ? { return: asked } : {})
      }
      await jobs.store.savePreview(preview)
      const { version: _version, overwrite: _overwrite, ...shown } = preview
      return shown
    },

    async start(jobId, startOptions = {}) {
      const saved = await jobs.requirePreview(jobId)
      // A resume keeps the job's return; a date that fell due since (or a role removed) is refused before any row runs.
      if (saved.return) tierReturnsOf(deps).checkReturn(saved.return.until, saved.return.then)
      await schema.assertAttributesExist([TIER_ATTRIBUTE])
      return jobs.start(jobId, async (preview) => {
        if (startOptions.overwrite === undefined || startOptions.overwrite === preview.overwrite) return preview
        const chosen = { ...preview, overwrite: startOptions.overwrite }
        await jobs.store.savePreview(chosen)
        return chosen
      })
    },

    ...jobs.controls,

    async detail(jobId) {
      const standing = await jobs.standing(jobId)
      const { version: _version, overwrite, ...shown } = standing.preview
      // Once it stopped (done, or paused part way), every row it changed is on its way to the customer.
      const ended = standing.state !== 'previewed' && !isActive(standing.state)
      const changed = standing.results.some((result) => result.outcome === 'changed')
      return {
        ...summaryOf({ jobId, ...standing }),
        preview: shown,
        overwrite,
        results: standing.results,
        ...(ended && changed ? { takesEffect: await takesEffect(gateway) } : {})
      }
    },

    async list() {
      return (await jobs.list()).map(summaryOf)
    }
  }
}
