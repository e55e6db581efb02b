/**
 * Tier statistics for a pool of any size: a streaming scan of the whole pool (ListUsers cannot filter
 * on custom attributes), split by sub prefix so partitions run side by side at the UserList quota,
 * with a running estimate from finished partitions, cancel and resume, and member lists kept on disk.
 */
import { join } from 'node:path'
import type { SavedFile, ScanProgress, StatsResult, StatsSnapshot, TierBucket, TierMember, TierMembersPage } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ServiceDeps } from '../app/deps'
import { toAppError } from '../cognito/errorMapping'
import { Job } from '../jobs/job'
import { watchJobRecord } from '../jobs/recordWatcher'
import { statsCsvLines, type StatsCsvRequest } from './statsCsv'
import { scanProgressOf } from './scanProgressView'
import { ScanRun, type ScanSettings } from './scanRun'
import { ScanStore } from './scanStore'
import { ScanHistory } from './scanHistory'
import { tierChangesPerDay } from '../audit/tierChanges'
import { DEFAULT_CHANGE_DAYS, type StatsHistory, type TierChangesReport } from '../../shared/statsHistory'
import { saveLines, targetName, type SaveTarget } from '../storage/saveLines'

export interface StatsService {
  /** The running or resumable scan and the last finished result, from memory or disk. */
  snapshot(): Promise<StatsSnapshot>
  /**
   * Starts a scan (or resumes a stopped one from its finished partitions) in the background and returns
   * its progress at once; the rest goes out on the job-updates hub (about four a second while it runs
   * here, each move of its state, and each finished partition of a scan another process runs, while
   * someone listens). Throws JOB_IN_PROGRESS if one runs here, LOCKED_BY_OTHER_PROCESS if another
   * process scans this pool.
   */
  start(): Promise<ScanProgress>
  /** Pauses the running scan, keeping its finished partitions; resolves once it stopped (null when none runs here). */
  pause(): Promise<ScanProgress | null>
  /** Stops the running scan, keeping its finished partitions for a later start; null when none runs here. */
  cancel(): Promise<ScanProgress | null>
  /** Resolves once the scan running in this process has stopped, with how it ended; null when none ran. */
  settled(): Promise<ScanProgress | null>
  /** A page of the users in a tier bucket as the last finished scan saw them. Throws NO_SCAN_RESULT before one finished. */
  tierMembers(bucket: TierBucket, offset: number, limit: number): Promise<TierMembersPage>
  /**
   * The last finished scan's copy of the users `match` accepts (at most `limit`), with when it
   * finished; null before one finished. The support desk's search by part of an email reads it.
   */
  findMembers(match: (member: TierMember) => boolean, limit: number): Promise<{ finishedAt: string; members: TierMember[]; truncated: boolean } | null>
  /** Every kept scan's counts, oldest first. */
  history(): Promise<StatsHistory>
  /** The pool's tier changes per day and per person over the last `days` days, from the audit trail. */
  tierChanges(days: number): Promise<TierChangesReport>
  /** The file name to suggest for a CSV of the last finished scan (or of the history). Throws NO_SCAN_RESULT before one finished. */
  csvName(request: StatsCsvRequest): Promise<string>
  /** The last finished scan's figures with the history, one bucket's users, or the history alone, as CSV (the header first), written to the target. */
  writeCsv(request: StatsCsvRequest, target: SaveTarget): Promise<SavedFile>
  /** Pauses any running scan (a later start resumes it) and stops following other processes. */
  dispose(): Promise<void>
}

/** For tests and the bench: how the pool is read. */
export interface ScanTuning {
  /** 1 → 16 partitions, 2 → 256; by default a plan chosen from the pool's estimated size (see partitionPlan). */
  partitionDigits?: 1 | 2
  /** Partitions read side by side; 16 by default. */
  concurrency?: number
  /** Read the pool in one sequential pass (the benchmark's baseline). */
  sequential?: boolean
}

/**
 * Sixteen partitions in flight keep the 30/s quota busy up to ~500 ms per request, and hold every
 * coarse partition of the plan at once, so none is left to run alone at the end.
 */
const DEFAULT_CONCURRENCY = 16

/** Where a pool's scan keeps its state in the data folder. */
export function scanStateDir(dataDir: string, userPoolId: string): string {
  return join(dataDir, 'stats', userPoolId.replace(/[^A-Za-z0-9_-]/g, '_'))
}

/** Creates the statistics service for the connection's pool. */
export function createStatsService(deps: ServiceDeps, tuning: ScanTuning = {}): StatsService {
  const { gateway, jobUpdates: hub } = deps
  const userPoolId = gateway.userPoolId
  const stateDir = scanStateDir(deps.dataDir, userPoolId)
  const store = new ScanStore(stateDir)
  const scanHistory = new ScanHistory(stateDir)
  const jobId = `stats-scan:${userPoolId}`
  const ref = { kind: 'stats-scan', jobId, userPoolId } as const
  /** This process's run: the one under way, or the last one it ran. */
  let run: ScanRun | null = null
  let stopWatching: (() => void) | null = null

  const job = new Job({
    id: jobId,
    kind: 'stats-scan',
    dir: stateDir,
    lockName: 'scan.lock',
    owner: deps.processLabel,
    lockedMessage: (holder) => `A scan of this pool is already running in ${holder}. Wait for it to finish there ({scanFigures}), or stop it there first.`,
    busyMessage: 'A scan of this pool is already running. Wait for it to finish or stop it.',
    describeError: (error) => toAppError(error, { operation: 'ListUsers' }).toShape(),
    // Worked out only when it goes out: the counters change with every page.
    publish: { hub, ref, progress: (view) => (run ? scanProgressOf(run.counters(), view) : null) }
  })

  const settings: ScanSettings = {
    gateway,
    store,
    history: scanHistory,
    partitionDigits: tuning.partitionDigits,
    concurrency: Math.max(1, tuning.concurrency ?? DEFAULT_CONCURRENCY),
    sequential: tuning.sequential,
    onChange: (force) => job.report(force)
  }

  function push(progress: ScanProgress): void {
    hub.push(ref, true, () => progress)
  }

  /** From disk each time: another process of the app may have finished a scan of this pool since. */
  async function last(): Promise<StatsResult | null> {
    const saved = await store.loadLast()
    return saved && saved.userPoolId === userPoolId ? saved : null
  }

  async function savedScan(): Promise<ConstructorParameters<typeof ScanRun>[1]> {
    const saved = await store.loadScan()
    return saved && saved.meta.userPoolId === userPoolId ? saved : null
  }

  async function requireLast(): Promise<StatsResult> {
    const result = await last()
    if (!result) throw new AppError('NO_SCAN_RESULT', 'No scan of this pool has finished yet. Start a scan {statsScreen} first.')
    return result
  }

  async function progressNow(): Promise<ScanProgress | null> {
    const view = await job.view()
    if (!view) return null
    if (run && !view.runningElsewhere) return scanProgressOf(run.counters(), view)
    const saved = await savedScan()
    const progress = saved ? scanProgressOf(new ScanRun(settings, saved).counters(), view) : null
    follow(view.runningElsewhere !== undefined)
    return progress
  }

  /** While another process runs the scan and someone listens here, its progress is pushed as it saves it. */
  function follow(elsewhere: boolean): void {
    if (!elsewhere || hub.subscribers === 0) {
      stopWatching?.()
      stopWatching = null
      return
    }
    stopWatching ??= watchJobRecord(stateDir, () => {
      void progressNow()
        .then(async (progress) => progress ?? finishedElsewhere())
        .then(
          (progress) => progress && push(progress),
          () => undefined
        )
    })
  }

  /** A scan another process just finished has left no unfinished state, only its result: say it is done. */
  async function finishedElsewhere(): Promise<ScanProgress | null> {
    const [view, result] = await Promise.all([job.view(), last()])
    if (view?.state !== 'done' || !result) return null
    const counters = new ScanRun(settings, null).counters()
    return { ...scanProgressOf({ ...counters, complete: true }, view), users: result.figures.total, figures: result.figures, mode: result.mode }
  }

  const service: StatsService = {
    async snapshot() {
      return { progress: await progressNow(), last: await last() }
    },

    async start() {
      await job.start(async () => {
        // Read under the lock: another process may have finished or moved the scan a moment ago.
        const current = new ScanRun(settings, await savedScan())
        run = current
        return async (control) => void (await current.execute(control))
      })
      follow(false)
      return scanProgressOf(run!.counters(), job.current() ?? { state: 'queued', elapsedMs: 0 })
    },

    async pause() {
      if (!job.local) return null
      await job.pause()
      return progressNow()
    },

    async cancel() {
      if (!job.local) return null
      await job.cancel()
      return progressNow()
    },

    async settled() {
      await job.settled()
      return run ? progressNow() : null
    },

    async tierMembers(bucket, offset, limit) {
      await requireLast()
      // The figures and the members from one read of the pointer, so they belong to the same scan.
      const { result, members } = await store.readMembers(bucket, offset, limit)
      if (!result) return requireLast().then(() => ({ members: [], total: 0 }))
      const total = bucket === 'invalid' ? Object.values(result.figures.tiers.invalid).reduce((a, b) => a + b, 0) : result.figures.tiers[bucket]
      return { members, total }
    },

    async findMembers(match, limit) {
      const { result, members, truncated } = await store.findMembers(match, limit)
      return result && result.userPoolId === userPoolId ? { finishedAt: result.finishedAt, members, truncated } : null
    },

    async history() {
      return { scans: scanHistory.read(userPoolId) }
    },

    tierChanges: (days) => tierChangesPerDay(deps.connection.audit, userPoolId, days),

    async csvName(request) {
      if (request.kind === 'history') return `tier-history-${new Date().toISOString().slice(0, 10)}.csv`
      const day = (await requireLast()).finishedAt.slice(0, 10)
      return request.kind === 'figures' ? `tier-stats-${day}.csv` : `tier-${request.bucket}-users-${day}.csv`
    },

    async writeCsv(request, target) {
      const result = request.kind === 'history' ? null : await requireLast()
      const series = async (days: number = DEFAULT_CHANGE_DAYS) => ({ scans: scanHistory.read(userPoolId), changes: await service.tierChanges(days) })
      // The header is a line like the others: the count is of the rows under it.
      const rows = (await saveLines(target, statsCsvLines(result, request, { store, series }))) - 1
      return { path: targetName(target), rows }
    },

    async dispose() {
      follow(false)
      await service.pause()
    }
  }
  return service
}
