/**
 * Tier statistics for a pool of any size: a streaming scan of the whole pool (ListUsers cannot filter
 * on custom attributes), split by sub prefix so partitions run side by side at the UserList quota,
 * with a running estimate from finished partitions, cancel and resume, and member lists kept on disk.
 */
import { join } from 'node:path'
import type { CognitoGateway } from '../cognito/gateway'
import type { CsvFile, ScanProgress, StatsResult, StatsSnapshot, TierBucket, TierMembersPage } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { describeHolder, lockHolder, tryAcquireLock, type FileLock } from '../storage/fileLock'
import { ensurePrivateDir } from '../storage/privateFiles'
import { figuresCsv, memberCsvRow, membersCsvHeader } from './csv'
import { ScanRun } from './scanRun'
import { ScanStore } from './scanStore'

export interface StatsService {
  /** The running or resumable scan and the last finished result, from memory or disk. */
  snapshot(): Promise<StatsSnapshot>
  /**
   * Starts a scan (or resumes a cancelled or failed one) in the background and returns its progress at
   * once. Throws SCAN_IN_PROGRESS if one runs here, LOCKED_BY_OTHER_PROCESS if another process scans this pool.
   */
  start(): Promise<ScanProgress>
  /** Stops the running scan, keeping its finished partitions for resume; null when none runs. */
  cancel(): Promise<ScanProgress | null>
  /** A page of the users in a tier bucket as the last finished scan saw them. Throws NO_SCAN_RESULT before one finished. */
  tierMembers(bucket: TierBucket, offset: number, limit: number): Promise<TierMembersPage>
  /** The last finished scan's figures, or one bucket's users, as CSV. Throws NO_SCAN_RESULT before one finished. */
  csv(request: { kind: 'figures' } | { kind: 'tier'; bucket: TierBucket }): Promise<CsvFile>
  /** Cancels any running scan and waits for it to stop. */
  dispose(): Promise<void>
}

export interface StatsServiceOptions {
  gateway: CognitoGateway
  /** Folder for this pool's scan state, created if missing. */
  stateDir: string
  /** 1 → 16 partitions, 2 → 256; by default a plan chosen from the pool's estimated size (see partitionPlan). */
  partitionDigits?: 1 | 2
  /** Partitions read side by side; 16 by default. */
  concurrency?: number
  onProgress?: (progress: ScanProgress) => void
  /** Who this process is, named to another process whose scan is refused: "the Tier Admin app". */
  processLabel?: string
}

/**
 * Sixteen partitions in flight keep the 30/s quota busy up to ~500 ms per request, and hold every
 * coarse partition of the plan at once, so none is left to run alone at the end.
 */
const DEFAULT_CONCURRENCY = 16

interface Active {
  run: ScanRun
  controller: AbortController
  finished: Promise<void>
}

/** The per-pool lock a scan holds from start to finish, across every process of the app. */
const SCAN_LOCK = 'scan.lock'

/** The reason a scan is aborted when the operator cancels it. */
function cancelledError(): AppError {
  return new AppError('CANCELLED', 'The scan was cancelled; start it again to resume where it stopped.')
}

/** Creates the statistics service for one pool (one gateway and one state folder). */
export function createStatsService(options: StatsServiceOptions): StatsService {
  const store = new ScanStore(options.stateDir)
  const userPoolId = options.gateway.userPoolId
  let active: Active | null = null
  let starting = false
  let lastRun: ScanRun | null = null

  const settings = {
    gateway: options.gateway,
    store,
    partitionDigits: options.partitionDigits,
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    onProgress: options.onProgress
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

  async function lockScan(): Promise<FileLock> {
    const attempt = await tryAcquireLock(join(options.stateDir, SCAN_LOCK), options.processLabel ?? 'Tier Admin')
    if (attempt.acquired) return attempt.lock
    throw new AppError(
      'LOCKED_BY_OTHER_PROCESS',
      `A scan of this pool is already running in ${describeHolder(attempt.heldBy)}. Wait for it to finish there (its figures then show here too), or stop it there first.`
    )
  }

  function launch(run: ScanRun, lock: FileLock): Active {
    const controller = new AbortController()
    const finished = run.execute(controller.signal).then(() => {
      lock.release()
      lastRun = run
      active = null
    })
    return { run, controller, finished }
  }

  const service: StatsService = {
    async snapshot() {
      if (active) return { progress: active.run.progress(), last: await last() }
      const elsewhere = lockHolder(join(options.stateDir, SCAN_LOCK))
      if (elsewhere && elsewhere.pid !== process.pid) {
        // Another process of the app is scanning this pool: show its progress as its partitions finish.
        const progress = new ScanRun(settings, await savedScan()).progress()
        return { progress: { ...progress, state: 'running', runningElsewhere: describeHolder(elsewhere) }, last: await last() }
      }
      if (lastRun) return { progress: lastRun.progress(), last: await last() }
      const saved = await savedScan()
      // A scan that was running when the app quit is shown as cancelled: start() resumes it.
      const progress = saved
        ? new ScanRun(settings, { ...saved, meta: { ...saved.meta, state: saved.meta.state === 'running' ? 'cancelled' : saved.meta.state } }).progress()
        : null
      return { progress, last: await last() }
    },

    async start() {
      // A run that has already reported its end (failed, cancelled, done) is only saving its state:
      // wait for that instead of refusing a start the screen offers.
      if (active && active.run.progress().state !== 'running') await active.finished
      if (active || starting) throw new AppError('SCAN_IN_PROGRESS', 'A scan of this pool is already running. Wait for it to finish or cancel it.')
      starting = true
      try {
        await ensurePrivateDir(options.stateDir)
        const lock = await lockScan()
        try {
          // Read under the lock: another process may have finished or moved the scan a moment ago.
          const run = new ScanRun(settings, await savedScan())
          lastRun = null
          active = launch(run, lock)
          return run.progress()
        } catch (error) {
          lock.release()
          throw error
        }
      } finally {
        starting = false
      }
    },

    async cancel() {
      const current = active
      if (!current) return null
      current.controller.abort(cancelledError())
      await current.finished
      return current.run.progress()
    },

    async tierMembers(bucket, offset, limit) {
      await requireLast()
      // The figures and the members from one read of the pointer, so they belong to the same scan.
      const { result, members } = await store.readMembers(bucket, offset, limit)
      if (!result) return requireLast().then(() => ({ members: [], total: 0 }))
      const total = bucket === 'invalid' ? Object.values(result.figures.tiers.invalid).reduce((a, b) => a + b, 0) : result.figures.tiers[bucket]
      return { members, total }
    },

    async csv(request) {
      const result = await requireLast()
      const day = result.finishedAt.slice(0, 10)
      if (request.kind === 'figures') return { filename: `tier-stats-${day}.csv`, csv: figuresCsv(result.figures) }
      const parts = [membersCsvHeader()]
      for await (const member of store.members(request.bucket)) parts.push(memberCsvRow(member))
      return { filename: `tier-${request.bucket}-users-${day}.csv`, csv: parts.join('') }
    },

    async dispose() {
      await service.cancel()
    }
  }
  return service
}
