/**
 * The scan's progress as the screen and the CLI show it: the run's counters seen through the job's
 * state and running time, the running estimate from finished partitions, and the time to go.
 */
import type { ScanProgress } from '../../shared/domain'
import type { JobView } from '../jobs/job'
import { estimateShares, type PartitionCounts } from './estimate'
import { coveredFraction, secondsToGo } from '../poolScan/scanPace'
import type { PartitionRecord, ScanMeta } from './scanStore'
import { toFigures, type Tally } from './tally'

/** What a run has counted so far. */
export interface ScanCounters {
  meta: ScanMeta
  finished: ReadonlyMap<string, PartitionRecord>
  /** Finished partitions plus whatever the running ones have read so far. */
  live: Tally
  pages: number
  /** Users per second now; 0 when not running. */
  rate: number
  /** The whole pool has been read (the figures are final). */
  complete: boolean
}

export function scanProgressOf(counters: ScanCounters, job: JobView): ScanProgress {
  const { meta, finished, live, complete } = counters
  const partitionsTotal = meta.partitions.length
  const rate = job.state === 'running' ? counters.rate : 0
  const progress: ScanProgress = {
    state: job.state,
    mode: meta.mode,
    ...(meta.modeReason ? { modeReason: meta.modeReason } : {}),
    pages: counters.pages,
    users: live.total,
    partitionsDone: complete ? partitionsTotal : finished.size,
    partitionsTotal,
    rate,
    etaSeconds: complete ? 0 : timeToGo(counters, rate),
    startedAt: meta.startedAt,
    elapsedMs: Math.round(job.elapsedMs),
    estimate: estimateOf(counters),
    figures: toFigures(live)
  }
  if (job.error) progress.error = job.error
  if (job.runningElsewhere) progress.runningElsewhere = job.runningElsewhere
  return progress
}

function estimateOf({ meta, finished, complete }: ScanCounters): ScanProgress['estimate'] {
  if (complete && meta.partitions.length === 0) return null
  if (meta.mode === 'sequential' && !complete) return null
  const counts: PartitionCounts[] = [...finished.values()].map((r) => ({ users: r.tally.total, buckets: r.tally.buckets }))
  return estimateShares(counts, meta.partitions.length, coveredFraction(finished.keys()))
}

function timeToGo({ meta, finished, live }: ScanCounters, rate: number): number | null {
  const total = meta.mode === 'partitioned' ? (projectedTotal(finished.values()) ?? meta.estimatedUsers) : meta.estimatedUsers
  return secondsToGo(rate, live.total, total)
}

/** The pool's size projected from the finished partitions, a random sample of it; undefined before one finished. */
export function projectedTotal(finished: Iterable<PartitionRecord>): number | undefined {
  const records = [...finished]
  const covered = coveredFraction(records.map((record) => record.key))
  return covered > 0 ? records.reduce((sum, record) => sum + record.tally.total, 0) / covered : undefined
}
