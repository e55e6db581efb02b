/**
 * Every long job's progress as a schema (the statistics scan, a bulk tier change, an import, an
 * export): main pushes it to the window as the contract's `jobUpdate` event, and the preload checks
 * every payload against it, so the TypeScript types are derived from here.
 */
import { z } from 'zod'
import { appErrorShape } from './errors'
import { EXPORT_FORMATS } from './exportFormats'
import { JOB_STATES } from './jobs'
import { TIER_BUCKETS } from './tiers'

export { TIER_BUCKETS }

export const tierBucket = z.enum(TIER_BUCKETS, { error: 'Choose standard, premium, none or invalid' })

const count = z.number().int().nonnegative()

const weeklySignups = z.object({
  /** The Monday that starts the week, as YYYY-MM-DD (UTC). */
  week: z.string(),
  standard: count,
  premium: count,
  none: count,
  invalid: count
})

export const statsFigures = z.object({
  total: count,
  tiers: z.object({ standard: count, premium: count, none: count, invalid: z.record(z.string(), count) }),
  statuses: z.record(z.string(), count),
  enabled: count,
  disabled: count,
  weekly: z.array(weeklySignups)
})

/** A share of the pool as a fraction with its 95% confidence interval. */
const shareEstimate = z.object({ share: z.number(), low: z.number(), high: z.number() })

export const scanMode = z.enum(['partitioned', 'sequential'])

export const scanProgress = z.object({
  state: z.enum(JOB_STATES),
  mode: scanMode,
  /** Why the scan runs sequentially, when it does. */
  modeReason: z.string().optional(),
  pages: count,
  users: count,
  partitionsDone: count,
  partitionsTotal: count,
  /** Users per second over the recent window. */
  rate: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  startedAt: z.string(),
  /** Time spent running, summed over every run of this scan (pauses and stops do not count). */
  elapsedMs: z.number().nonnegative(),
  /** Running share estimates from the partitions finished so far; null until one has finished. */
  estimate: z.record(tierBucket, shareEstimate).nullable(),
  /** Exact counts of what has been scanned so far (the final figures once state is done). */
  figures: statsFigures,
  error: appErrorShape.optional(),
  /** Set when the scan runs in another process of the app (the CLI, say), which alone can stop it: who that is. */
  runningElsewhere: z.string().optional()
})

/** What every row job's progress holds (a bulk tier change, an import): each row counted once in `done`. */
const rowJobProgress = z.object({
  state: z.enum(JOB_STATES),
  total: count,
  done: count,
  elapsedMs: z.number().nonnegative(),
  /** Rows per second in this run. */
  rate: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  error: appErrorShape.optional(),
  runningElsewhere: z.string().optional()
})

/** A bulk tier change's progress: every row done is in one of the outcome counts. */
export const bulkProgress = rowJobProgress.extend({
  changed: count,
  /** Already at the target (at preview or when the row ran), duplicates, unknown users and invalid tiers found at preview. */
  skipped: count,
  /** Rows whose tier changed since the preview, reported and left as they are. */
  conflicts: count,
  failed: count
})

/** An import's progress: every row done is in one of the outcome counts. */
export const importProgress = rowJobProgress.extend({
  created: count,
  /** Usernames already in the pool when the row ran (the preview's finds are under `skipped`). */
  existed: count,
  /** Left out by the preview (bad rows, existing users), or by the method (SignUp without a password). */
  skipped: count,
  failed: count
})

export const exportFormat = z.enum(EXPORT_FORMATS, { error: 'Choose csv or jsonl' })

/** A full export's progress; `path` is where the file goes (it appears there, whole, only once done). */
export const exportProgress = z.object({
  state: z.enum(JOB_STATES),
  format: exportFormat,
  path: z.string(),
  /** Users written so far; once done, the rows in the file (the header not counted). */
  users: count,
  /** Cognito's estimate of the pool's size, for the ETA; absent when it did not say. */
  estimatedUsers: count.optional(),
  /** Users per second over the recent window. */
  rate: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  elapsedMs: z.number().nonnegative(),
  /** Why the pool was read in one sequential pass, when it was. */
  modeReason: z.string().optional(),
  error: appErrorShape.optional()
})

/** What a job tells its subscribers as it moves: its kind, which job, and the kind's own progress. */
export const jobUpdate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stats-scan'), jobId: z.string(), userPoolId: z.string(), progress: scanProgress }),
  z.object({ kind: z.literal('bulk-tier'), jobId: z.string(), userPoolId: z.string(), progress: bulkProgress }),
  z.object({ kind: z.literal('import'), jobId: z.string(), userPoolId: z.string(), progress: importProgress }),
  z.object({ kind: z.literal('export'), jobId: z.string(), userPoolId: z.string(), progress: exportProgress })
])

export type TierBucket = z.infer<typeof tierBucket>
export type StatsFigures = z.infer<typeof statsFigures>
export type WeeklySignups = z.infer<typeof weeklySignups>
export type ShareEstimate = z.infer<typeof shareEstimate>
export type ScanMode = z.infer<typeof scanMode>
export type ScanProgress = z.infer<typeof scanProgress>
export type BulkProgress = z.infer<typeof bulkProgress>
export type ExportProgress = z.infer<typeof exportProgress>
export type ImportProgress = z.infer<typeof importProgress>
export type { ExportFormat } from './exportFormats'
export type JobUpdate = z.infer<typeof jobUpdate>
