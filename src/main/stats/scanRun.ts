/**
 * The statistics scan as a job's work: from a fresh start or from the partitions a stopped run
 * finished, to the finished result. It holds the counters; the job engine holds the state and the
 * time, ScanStore the disk layout, scanProgressView what the operator sees.
 */
import type { StatsResult } from '../../shared/domain'
import type { CognitoGateway } from '../cognito/gateway'
import { LIST_USERS_PAGE_SIZE as PAGE_SIZE } from '../cognito/quotas'
import type { JobControl } from '../jobs/job'
import { partitionsWhileChecking, SwitchToSequential } from '../poolScan/checkedPass'
import { scanPartition } from '../poolScan/listPages'
import { estimatedUserCount, partitionPlan, partitionRank } from '../poolScan/partitionPlan'
import { runWorkers } from '../jobs/workerPool'
import { ScanPace } from '../poolScan/scanPace'
import type { ScanCounters } from './scanProgressView'
import type { ScanHistory } from './scanHistory'
import type { PartitionRecord, ScanMeta, ScanStore } from './scanStore'
import { SparsePageGuard } from '../poolScan/sparsePageGuard'
import type { ScannedUser } from '../poolScan/listPages'
import { addUser, emptyTally, mergeTally, toFigures, type Tally } from './tally'

export interface ScanSettings {
  gateway: CognitoGateway
  store: ScanStore
  /** Where each finished scan's counts are kept (tiers over time). */
  history: ScanHistory
  partitionDigits?: 1 | 2
  concurrency: number
  /** Read the pool in one sequential pass from the start (the benchmark's baseline). */
  sequential?: boolean
  /** Told when the counters change; `force` for changes that must not wait for the next tick. */
  onChange: (force: boolean) => void
}

export class ScanRun {
  meta: ScanMeta
  private readonly finished = new Map<string, PartitionRecord>()
  private live: Tally = emptyTally()
  private pagesFinished = 0
  private pagesLive = 0
  private readonly pace = new ScanPace()
  private reading = false
  private complete = false

  constructor(
    private readonly settings: ScanSettings,
    saved: { meta: ScanMeta; done: PartitionRecord[] } | null
  ) {
    this.meta = saved?.meta ?? {
      version: 2,
      userPoolId: settings.gateway.userPoolId,
      mode: 'partitioned',
      partitions: [],
      startedAt: new Date().toISOString(),
      folder: ''
    }
    for (const record of saved?.done ?? []) this.addFinished(record)
    this.resetLive()
  }

  counters(): ScanCounters {
    const pages = this.pagesFinished + this.pagesLive
    return { meta: this.meta, finished: this.finished, live: this.live, pages, rate: this.reading ? this.pace.rate() : 0, complete: this.complete }
  }

  /** Reads the pool to its end. Throws when stopped or failed; the finished partitions stay on disk for a resume. */
  async execute(control: JobControl): Promise<StatsResult> {
    this.reading = true
    this.pace.reset()
    try {
      return await this.scan(control)
    } catch (error) {
      // Only finished partitions are kept; the others start over on resume.
      this.resetLive()
      throw error
    } finally {
      this.reading = false
    }
  }

  private async scan(control: JobControl): Promise<StatsResult> {
    if (this.meta.partitions.length === 0) await this.plan(control.signal)
    else await this.settings.store.discardUnfinished(this.meta, new Set(this.finished.keys()))
    await control.checkpoint()
    this.settings.onChange(true)
    if (this.meta.mode === 'partitioned') {
      const reason = await partitionsWhileChecking(this.settings.gateway, control.signal, (signal) => this.scanPartitions(control, signal))
      if (reason !== null) {
        await this.restartSequential(reason)
        await this.scanPartitions(control)
      }
    } else {
      await this.scanPartitions(control)
    }
    return this.finish(control)
  }

  /** Decides how to split the pool from Cognito's estimate of its size. */
  private async plan(signal: AbortSignal): Promise<void> {
    const estimatedUsers = await estimatedUserCount(this.settings.gateway, signal)
    const sequential = this.settings.sequential === true
    this.meta = await this.settings.store.beginScan({
      ...this.meta,
      estimatedUsers,
      mode: sequential ? 'sequential' : 'partitioned',
      modeReason: sequential ? 'A sequential scan was asked for.' : undefined,
      partitions: sequential ? [''] : partitionPlan(estimatedUsers, this.settings.partitionDigits)
    })
  }

  private async restartSequential(reason: string): Promise<void> {
    this.finished.clear()
    this.pagesFinished = 0
    this.resetLive()
    this.meta = await this.settings.store.beginScan({ ...this.meta, mode: 'sequential', modeReason: reason, partitions: [''] })
    this.settings.onChange(true)
  }

  private async scanPartitions(control: JobControl, signal = control.signal): Promise<void> {
    const sequential = this.meta.mode === 'sequential'
    const concurrency = sequential ? 1 : this.settings.concurrency
    const rate = this.settings.gateway.limiters.get('UserList').rate
    const guard = sequential ? null : new SparsePageGuard({ pageSize: PAGE_SIZE, rate, concurrency })
    await runWorkers({
      items: this.meta.partitions.filter((prefix) => !this.finished.has(prefix)),
      concurrency,
      // All at once: the partitions' ranks at the limiter, not staggered starts, make them finish one after another.
      staggerMs: 0,
      signal,
      task: (prefix, inner) => this.scanOne(prefix, inner, control, guard)
    })
  }

  private async scanOne(prefix: string, signal: AbortSignal, control: JobControl, guard: SparsePageGuard | null): Promise<void> {
    const { gateway, store } = this.settings
    const writer = store.openPartition(this.meta, prefix)
    const tally = emptyTally()
    try {
      const rank = partitionRank(this.meta.partitions.indexOf(prefix), this.meta.partitions.length)
      const pages = await scanPartition(
        gateway,
        prefix,
        signal,
        async (users, page) => {
          await writer.write(users)
          this.countPage(tally, users)
          guard?.observe({ users: users.length, latencyMs: page.latencyMs, lastPage: page.lastPage })
          const verdict = guard?.verdict(this.meta.estimatedUsers === undefined ? undefined : Math.max(0, this.meta.estimatedUsers - this.live.total))
          if (verdict) throw new SwitchToSequential(verdict.reason)
        },
        rank
      )
      await writer.finish()
      const record = { key: prefix, pages, tally }
      await store.savePartition(record)
      this.addFinished(record)
      this.pagesLive -= pages
      await control.checkpoint()
      this.settings.onChange(true)
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
    this.settings.onChange(false)
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

  private async finish(control: JobControl): Promise<StatsResult> {
    // The time is fixed when the last page is in; saving the result does not count as scanning.
    const elapsedMs = control.stopClock()
    const result: StatsResult = {
      figures: toFigures(this.live),
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(elapsedMs),
      mode: this.meta.mode,
      ...(this.meta.modeReason ? { modeReason: this.meta.modeReason } : {}),
      userPoolId: this.meta.userPoolId
    }
    // Before the result is made current: a history that cannot be written (a full disk) fails the scan
    // with its finished partitions kept, and finishing it again later writes both.
    await this.settings.history.record(result)
    await this.settings.store.finalize(result, this.meta)
    this.complete = true
    return result
  }
}
