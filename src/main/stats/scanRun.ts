/**
 * One run of a scan: from a fresh start or resuming a cancelled or failed one, to done, cancelled or
 * failed. Holds the counters and the progress figures; the disk layout is ScanStore's business.
 */
import type { CognitoGateway } from '../cognito/gateway'
import { toAppError } from '../cognito/errorMapping'
import type { ScanProgress, StatsResult } from '../../shared/domain'
import { estimateShares, type PartitionCounts } from './estimate'
import { checkSubPrefixFilter, estimatedUserCount, FilterNotHonoredError, PAGE_SIZE, partitionPlan, prefixFraction, runWorkers, scanPartition } from './scanner'
import type { PartitionRecord, ScanMeta, ScanStore } from './scanStore'
import { coveredFraction, projectedTotal, ScanPace, secondsToGo } from './scanPace'
import { addUser, emptyTally, mergeTally, toFigures, type ScannedUser, type Tally } from './tally'

export interface ScanSettings {
  gateway: CognitoGateway
  store: ScanStore
  partitionDigits?: 1 | 2
  concurrency: number
  onProgress?: (progress: ScanProgress) => void
}

/** Workers start one after another, but all within this long: a slow ramp-up idles the quota. */
const MAX_RAMP_UP_MS = 1000
const PROGRESS_INTERVAL_MS = 250

export class ScanRun {
  meta: ScanMeta
  private finished = new Map<string, PartitionRecord>()
  /** Finished partitions plus whatever the running ones have read so far. */
  private live: Tally = emptyTally()
  private pagesFinished = 0
  private pagesLive = 0
  private runStartedMs = performance.now()
  private readonly pace = new ScanPace()
  private lastEmitMs = 0
  private running = false
  private done = false

  constructor(
    private readonly settings: ScanSettings,
    saved: { meta: ScanMeta; done: PartitionRecord[] } | null
  ) {
    this.meta = saved?.meta ?? {
      version: 1,
      userPoolId: settings.gateway.userPoolId,
      mode: 'partitioned',
      partitions: [],
      startedAt: new Date().toISOString(),
      elapsedMs: 0,
      state: 'running'
    }
    for (const record of saved?.done ?? []) this.addFinished(record)
    this.resetLive()
  }

  /**
   * Runs the scan to its end or until the signal aborts. Never throws: the outcome is in the
   * progress (and on disk), and a finished scan's result is returned.
   */
  async execute(signal: AbortSignal): Promise<StatsResult | null> {
    this.running = true
    this.runStartedMs = performance.now()
    this.pace.reset()
    this.meta = { ...this.meta, state: 'running', error: undefined }
    try {
      const result = await this.scan(signal)
      this.running = false
      this.emit(true)
      return result
    } catch (error) {
      // The time this run took is counted before it stops counting, so it adds up across resumes.
      this.meta = { ...this.meta, elapsedMs: this.elapsedMs() }
      this.running = false
      await this.stopped(error, signal.aborted)
      return null
    }
  }

  private async scan(signal: AbortSignal): Promise<StatsResult> {
    if (this.meta.partitions.length === 0) {
      await this.plan(signal)
    } else {
      await this.settings.store.discardUnfinished(new Set(this.finished.keys()))
      await this.settings.store.saveMeta(this.meta)
    }
    this.emit(true)
    if (this.meta.mode === 'partitioned') {
      const verdict = await this.scanPartitionsWhileChecking(signal)
      if (verdict.kind === 'sequential') {
        await this.restartSequential(verdict.reason)
        await this.scanPartitions(signal)
      }
    } else {
      await this.scanPartitions(signal)
    }
    return this.complete(this.meta.partitions)
  }

  /** Decides how to split the pool from Cognito's estimate of its size. */
  private async plan(signal: AbortSignal): Promise<void> {
    const estimatedUsers = await estimatedUserCount(this.settings.gateway, signal)
    this.meta = {
      ...this.meta,
      estimatedUsers,
      mode: 'partitioned',
      modeReason: undefined,
      partitions: partitionPlan(estimatedUsers, this.settings.partitionDigits)
    }
    await this.settings.store.beginScan(this.meta)
  }

  /**
   * Reads the partitions while checking, side by side, that Cognito honours `sub ^=` on this pool: the
   * check's few requests would otherwise hold up the start of a scan that is mostly fine. A failed
   * check (or a stray user in any partition) stops the partitions and switches to a sequential pass.
   */
  private async scanPartitionsWhileChecking(signal: AbortSignal): Promise<{ kind: 'partitioned' } | { kind: 'sequential'; reason: string }> {
    const partitions = new AbortController()
    const forward = (): void => partitions.abort(signal.reason)
    signal.addEventListener('abort', forward, { once: true })
    const scanning = this.scanPartitions(partitions.signal).then(
      () => ({ ok: true as const }),
      (error: unknown) => ({ ok: false as const, error })
    )
    try {
      const verdict = await checkSubPrefixFilter(this.settings.gateway, signal).catch(async (error: unknown) => {
        partitions.abort(error)
        await scanning
        throw error
      })
      if (verdict.kind === 'sequential') {
        partitions.abort(new Error(verdict.reason))
        await scanning
        return verdict
      }
      const outcome = await scanning
      if (outcome.ok) return { kind: 'partitioned' }
      if (outcome.error instanceof FilterNotHonoredError && !signal.aborted) {
        return { kind: 'sequential', reason: `${outcome.error.message}; the filter cannot be relied on, so the pool is read in one sequential pass.` }
      }
      throw outcome.error
    } finally {
      signal.removeEventListener('abort', forward)
    }
  }

  private async restartSequential(reason: string): Promise<void> {
    this.finished.clear()
    this.pagesFinished = 0
    this.resetLive()
    this.meta = { ...this.meta, mode: 'sequential', modeReason: reason, partitions: [''] }
    await this.settings.store.beginScan(this.meta)
    this.emit(true)
  }

  private async scanPartitions(signal: AbortSignal): Promise<void> {
    const pending = this.meta.partitions.filter((prefix) => !this.finished.has(prefix))
    await runWorkers({
      items: pending,
      concurrency: this.meta.mode === 'sequential' ? 1 : this.settings.concurrency,
      staggerMs: this.staggerMs(),
      signal,
      task: (prefix, inner) => this.scanOne(prefix, inner)
    })
  }

  /**
   * In steady state a partition finishes every (pages per partition ÷ rate) seconds; starting the
   * workers that far apart keeps it so from the first one, instead of the first `concurrency`
   * partitions all finishing together. The first partitions are the fine ones, so their size counts.
   */
  private staggerMs(): number {
    const first = this.meta.partitions[0]
    if (this.meta.mode === 'sequential' || !this.meta.estimatedUsers || first === undefined) return 0
    const pagesPerPartition = Math.ceil((this.meta.estimatedUsers * prefixFraction(first)) / PAGE_SIZE)
    const rate = this.settings.gateway.limiters.get('UserList').rate
    return Math.min(MAX_RAMP_UP_MS / this.settings.concurrency, (pagesPerPartition / rate) * 1000)
  }

  private async scanOne(prefix: string, signal: AbortSignal): Promise<void> {
    const { gateway, store } = this.settings
    const writer = await store.openPartition(prefix)
    const tally = emptyTally()
    try {
      const pages = await scanPartition(gateway, prefix, signal, async (users) => {
        await writer.write(users)
        this.countPage(tally, users)
      })
      await writer.finish()
      const record = { key: prefix, pages, tally }
      await store.savePartition(record)
      this.addFinished(record)
      this.pagesLive -= pages
      this.emit(true)
    } catch (error) {
      await writer.abandon()
      throw error
    }
  }

  private countPage(tally: Tally, users: readonly ScannedUser[]): void {
    for (const user of users) {
      addUser(tally, user)
      addUser(this.live, user)
    }
    this.pagesLive++
    this.pace.record(this.live.total)
    this.emit(false)
  }

  private addFinished(record: PartitionRecord): void {
    this.finished.set(record.key, record)
    this.pagesFinished += record.pages
  }

  /** What is kept after a stop: the finished partitions only, since the others start over. */
  private resetLive(): void {
    this.live = emptyTally()
    for (const record of this.finished.values()) mergeTally(this.live, record.tally)
    this.pagesLive = 0
  }

  private async complete(partitions: readonly string[]): Promise<StatsResult> {
    const elapsedMs = this.elapsedMs()
    const result: StatsResult = {
      figures: toFigures(this.live),
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(elapsedMs),
      mode: this.meta.mode,
      ...(this.meta.modeReason ? { modeReason: this.meta.modeReason } : {}),
      userPoolId: this.meta.userPoolId
    }
    await this.settings.store.finalize(result, partitions)
    // The time is fixed at the finish; the progress of a finished scan no longer counts on.
    this.meta = { ...this.meta, elapsedMs }
    this.done = true
    return result
  }

  private async stopped(error: unknown, cancelled: boolean): Promise<void> {
    this.meta = {
      ...this.meta,
      state: cancelled ? 'cancelled' : 'failed',
      error: cancelled ? undefined : toAppError(error, { operation: 'ListUsers' }).toShape()
    }
    this.resetLive()
    // Before the plan was saved there is nothing to resume; the next start begins afresh.
    if (this.meta.partitions.length > 0) await this.settings.store.saveMeta(this.meta).catch(() => undefined)
    this.emit(true)
  }

  private elapsedMs(): number {
    return this.meta.elapsedMs + (this.running && !this.done ? performance.now() - this.runStartedMs : 0)
  }

  private emit(force: boolean): void {
    const now = performance.now()
    if (!this.settings.onProgress || (!force && now - this.lastEmitMs < PROGRESS_INTERVAL_MS)) return
    this.lastEmitMs = now
    this.settings.onProgress(this.progress())
  }

  /** The progress as the UI shows it. */
  progress(): ScanProgress {
    const partitionsTotal = this.meta.partitions.length
    // Users per second over the last few seconds of this run.
    const rate = this.running ? this.pace.rate() : 0
    const progress: ScanProgress = {
      state: this.done ? 'done' : this.running ? 'running' : this.meta.state,
      mode: this.meta.mode,
      ...(this.meta.modeReason ? { modeReason: this.meta.modeReason } : {}),
      pages: this.pagesFinished + this.pagesLive,
      users: this.live.total,
      partitionsDone: this.done ? partitionsTotal : this.finished.size,
      partitionsTotal,
      rate,
      etaSeconds: this.done ? 0 : this.eta(rate),
      startedAt: this.meta.startedAt,
      elapsedMs: Math.round(this.elapsedMs()),
      estimate: this.estimate(),
      figures: toFigures(this.live)
    }
    if (this.meta.error) progress.error = this.meta.error
    return progress
  }

  private estimate(): ScanProgress['estimate'] {
    const finished: PartitionCounts[] = [...this.finished.values()].map((r) => ({ users: r.tally.total, buckets: r.tally.buckets }))
    if (this.done && this.meta.partitions.length === 0) return null
    if (this.meta.mode === 'sequential' && !this.done) return null
    return estimateShares(finished, this.meta.partitions.length, coveredFraction(this.finished.keys()))
  }

  private eta(rate: number): number | null {
    const total = this.meta.mode === 'partitioned' ? (projectedTotal(this.finished.values()) ?? this.meta.estimatedUsers) : this.meta.estimatedUsers
    return secondsToGo(rate, this.live.total, total)
  }
}
