/**
 * Scans the benchmark runs through the StatsService, as the app does: started, followed on the
 * job-updates hub, and awaited with settled() (no polling, so the times are the scan's own).
 */
import { isDeepStrictEqual } from 'node:util'
import { createStatsService, type ScanTuning, type StatsService } from '../../src/main/stats/statsService'
import type { JobUpdates } from '../../src/main/jobs/jobUpdates'
import { serviceDeps } from '../../test/support/serviceDeps'
import type { ScanProgress, StatsResult } from '../../src/shared/domain'
import { simGateway, startCognitoSim, type CognitoSim } from '../../test/support/cognitoSim'
import { makeTempDir } from '../../test/support/tempDir'

export interface ScanOutcome {
  /** From start() to the moment the scan reported 'done'. */
  seconds: number
  progress: ScanProgress
  last: StatsResult | null
}

/** A scan service and the hub it publishes on. */
export interface ScanService {
  service: StatsService
  jobUpdates: JobUpdates
}

/** A service on its own fresh data folder; `use` gets it and the folder is removed afterwards. */
export async function withService<T>(
  sim: Pick<CognitoSim, 'endpoint' | 'userPoolId'>,
  quota: number,
  tuning: ScanTuning,
  use: (scan: ScanService) => Promise<T>
): Promise<T> {
  const temp = makeTempDir('tier-admin-bench-')
  const deps = serviceDeps({ gateway: simGateway(sim, quota), dataDir: temp.dir, processLabel: 'the bench' })
  const service = createStatsService(deps, tuning)
  try {
    return await use({ service, jobUpdates: deps.jobUpdates })
  } finally {
    await service.dispose()
    temp.remove()
  }
}

/** Runs one scan to its end; `onProgress` sees each pushed progress. Throws if it did not finish. */
export async function scanToEnd({ service, jobUpdates }: ScanService, onProgress?: (progress: ScanProgress, atMs: number) => void): Promise<ScanOutcome> {
  const begin = performance.now()
  let doneMs: number | null = null
  const unsubscribe = jobUpdates.on('stats-scan', (_jobId, progress) => {
    const now = performance.now()
    if (progress.state === 'done') doneMs ??= now
    onProgress?.(progress, now - begin)
  })
  try {
    await service.start()
    const progress = await service.settled()
    if (progress?.state !== 'done') throw new Error(`Scan ended ${progress?.state}: ${progress?.error?.message}`)
    return { seconds: ((doneMs ?? performance.now()) - begin) / 1000, progress, last: (await service.snapshot()).last }
  } finally {
    unsubscribe()
  }
}

export interface SparseComparison {
  users: number
  guarded: ScanOutcome
  sequential: ScanOutcome
  /** ListUsers requests each scan sent. */
  requests: { guarded: number; sequential: number }
}

/**
 * A backend that filters after paging (see CognitoSimOptions.filterAfterPaging): the default scan,
 * which the sparse-page guard should turn sequential early, against a scan asked to be sequential.
 */
export async function compareOnFilterAfterPaging(users: number, latencyMs: number, quota: number): Promise<SparseComparison> {
  const sim = await startCognitoSim({ users, latencyMs, quota, filterAfterPaging: true })
  try {
    const before = sim.stats.listUsers
    const guarded = await withService(sim, quota, {}, scanToEnd)
    const between = sim.stats.listUsers
    const sequential = await withService(sim, quota, { sequential: true }, scanToEnd)
    return { users, guarded, sequential, requests: { guarded: between - before, sequential: sim.stats.listUsers - between } }
  } finally {
    await sim.stop()
  }
}

export interface ResumeTiming {
  /** The time the finished scan reports, summed by the app over its runs. */
  reportedSeconds: number
  /** The same runs as the bench timed them: from each start() to its cancel() or to 'done'. */
  measuredSeconds: number
  spans: number[]
  /** Each run's share of the reported time, from the elapsed time after each stop. */
  reportedSpans: number[]
  exact: boolean
}

/** Starts a scan, cancels it after `runMs`, resumes, cancels again, and resumes to the end. */
export async function cancelAndResume(users: number, latencyMs: number, quota: number, runMs = 2000): Promise<ResumeTiming> {
  const sim = await startCognitoSim({ users, latencyMs, quota })
  try {
    return await withService(sim, quota, {}, async (scan) => {
      const { service } = scan
      const spans: number[] = []
      const reportedAfter: number[] = [0]
      for (let stop = 0; stop < 2; stop++) {
        const begin = performance.now()
        await service.start()
        await new Promise((resolve) => setTimeout(resolve, runMs))
        const cancelled = await service.cancel()
        spans.push((performance.now() - begin) / 1000)
        if (cancelled?.state !== 'cancelled') throw new Error(`Expected a cancelled scan, got ${cancelled?.state}`)
        reportedAfter.push(cancelled.elapsedMs / 1000)
      }
      const end = await scanToEnd(scan)
      spans.push(end.seconds)
      reportedAfter.push(end.progress.elapsedMs / 1000)
      return {
        reportedSeconds: end.progress.elapsedMs / 1000,
        measuredSeconds: spans.reduce((a, b) => a + b, 0),
        spans,
        reportedSpans: reportedAfter.slice(1).map((after, i) => after - reportedAfter[i]!),
        exact: isDeepStrictEqual(end.last?.figures, sim.expected)
      }
    })
  } finally {
    await sim.stop()
  }
}
