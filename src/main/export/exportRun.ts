/**
 * A full export as a job's work: every user of the pool, read partition by partition side by side at
 * the ListUsers quota (as the statistics scan reads it), each partition streamed to its own part file,
 * then the parts joined into a private temporary file beside the target, which is renamed over it.
 *
 * Memory stays flat at any pool size: a page is written before the next one is asked for, and the
 * parts are copied chunk by chunk. The target is touched only by the final rename, so a cancelled or
 * failed export leaves no partial file; the parts and the temporary file are removed. There is no
 * resume: a stopped export is simply started again (to a new file).
 */
import type { UserType } from '@aws-sdk/client-cognito-identity-provider'
import { createReadStream } from 'node:fs'
import { mkdir, open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ExportFormat, ExportProgress } from '../../shared/jobProgress'
import type { CognitoGateway } from '../cognito/gateway'
import { LIST_USERS_PAGE_SIZE as PAGE_SIZE } from '../cognito/quotas'
import type { JobControl, JobView } from '../jobs/job'
import { partitionsWhileChecking, SwitchToSequential } from '../poolScan/checkedPass'
import { scanRawPartition } from '../poolScan/listPages'
import { estimatedUserCount, partitionPlan } from '../poolScan/partitionPlan'
import { ScanPace, secondsToGo } from '../poolScan/scanPace'
import { SparsePageGuard } from '../poolScan/sparsePageGuard'
import { withPath } from '../storage/withPath'
import { runWorkers } from '../jobs/workerPool'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, temporaryNameFor, writeStreamAtomic } from '../storage/privateFiles'
import { ExportColumns } from './exportRows'

export interface ExportSettings {
  gateway: CognitoGateway
  format: ExportFormat
  /** The file the operator chose. */
  target: string
  /** The pool schema's attribute names: the CSV's columns. */
  attributeNames: readonly string[]
  concurrency: number
  partitionDigits?: 1 | 2
  /** Told when the count changes; `force` for changes that must not wait for the next tick. */
  onChange: (force: boolean) => void
}

export class ExportRun {
  private users = 0
  private estimatedUsers: number | undefined
  private modeReason: string | undefined
  private reading = false
  private readonly pace = new ScanPace()
  private readonly columns: ExportColumns
  /** Beside the target, so the final copy and rename stay on one file system. */
  private readonly partsDir: string

  constructor(private readonly settings: ExportSettings) {
    this.columns = new ExportColumns(settings.format, settings.attributeNames)
    this.partsDir = temporaryNameFor(settings.target)
  }

  progress(view: JobView): ExportProgress {
    const rate = this.reading ? this.pace.rate() : 0
    return {
      state: view.state,
      format: this.settings.format,
      path: this.settings.target,
      users: this.users,
      ...(this.estimatedUsers !== undefined ? { estimatedUsers: this.estimatedUsers } : {}),
      rate,
      etaSeconds: secondsToGo(rate, this.users, this.estimatedUsers),
      elapsedMs: view.elapsedMs,
      ...(this.modeReason ? { modeReason: this.modeReason } : {}),
      ...(view.error ? { error: view.error } : {})
    }
  }

  async execute(control: JobControl): Promise<void> {
    const { gateway, partitionDigits } = this.settings
    await mkdir(this.partsDir, { mode: PRIVATE_DIR_MODE })
    this.reading = true
    try {
      this.estimatedUsers = await estimatedUserCount(gateway, control.signal)
      const plan = partitionPlan(this.estimatedUsers, partitionDigits)
      this.settings.onChange(true)
      const reason = await partitionsWhileChecking(gateway, control.signal, (signal) => this.readAll(plan, signal, false))
      let parts = plan
      if (reason !== null) {
        // What the partitions wrote is dropped: one sequential pass reads every user again.
        this.modeReason = reason
        this.users = 0
        await this.readAll([''], control.signal, true)
        parts = ['']
      }
      this.reading = false
      this.settings.onChange(true)
      await this.assemble(parts, control.signal)
    } finally {
      this.reading = false
      await rm(this.partsDir, { recursive: true, force: true })
    }
  }

  private readAll(prefixes: string[], signal: AbortSignal, sequential: boolean): Promise<void> {
    const rate = this.settings.gateway.limiters.get('UserList').rate
    const concurrency = sequential ? 1 : this.settings.concurrency
    const guard = sequential ? null : new SparsePageGuard({ pageSize: PAGE_SIZE, rate, concurrency })
    return runWorkers({ items: prefixes, concurrency, staggerMs: 0, signal, task: (prefix, inner) => this.readPartition(prefix, inner, guard) })
  }

  private partPath(prefix: string): string {
    return join(this.partsDir, `part-${prefix || 'all'}`)
  }

  private async readPartition(prefix: string, signal: AbortSignal, guard: SparsePageGuard | null): Promise<void> {
    const handle = await open(this.partPath(prefix), 'w', PRIVATE_FILE_MODE)
    try {
      await scanRawPartition(this.settings.gateway, prefix, signal, async (users: UserType[], page) => {
        if (users.length)
          await handle
            .write(users.map((user) => this.columns.line(user)).join(''))
            .catch((error: unknown) => Promise.reject(withPath(error, this.partPath(prefix))))
        this.users += users.length
        this.pace.record(this.users)
        this.settings.onChange(false)
        guard?.observe({ users: users.length, latencyMs: page.latencyMs, lastPage: page.lastPage })
        const verdict = guard?.verdict()
        if (verdict) throw new SwitchToSequential(verdict.reason)
      })
    } finally {
      await handle.close()
    }
  }

  /** Joins the parts, after the header, into the target, replaced whole. */
  private assemble(prefixes: string[], signal: AbortSignal): Promise<void> {
    const parts = this.partPath.bind(this)
    const header = this.columns.header()
    async function* chunks(): AsyncGenerator<string | Uint8Array> {
      yield header
      for (const prefix of prefixes) {
        for await (const chunk of createReadStream(parts(prefix))) yield chunk as Buffer
        // Each part goes once copied, so the disk holds about one export's worth at a time.
        await rm(parts(prefix), { force: true })
      }
    }
    return writeStreamAtomic(this.settings.target, chunks(), signal)
  }
}
