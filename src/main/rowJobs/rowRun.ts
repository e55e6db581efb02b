/**
 * One run of a row job's remaining rows, as every kind runs them: the results so far read from the
 * job's files (the preview's skips counting as done), the rows without a result run side by side (the
 * gateway's limiters pace them), each result flushed before it counts, and the pace for the estimate.
 * A kind says which rows it runs, how one runs, and what its progress counts.
 */
import type { JobState } from '../../shared/jobs'
import type { JobControl, JobView } from '../jobs/job'
import { ScanPace, secondsToGo } from '../poolScan/scanPace'
import { runWorkers } from '../jobs/workerPool'
import type { RowRun } from './rowJobs'
import type { RowJobStore, RowResult, SavedRowPreview } from './rowJobStore'

export interface RowRunBasis<Row, R> {
  store: RowJobStore<SavedRowPreview, R & RowResult>
  /** The job's rows, done or not. */
  preview: { jobId: string; rows: Row[] }
  /** The rows this kind sends requests for (those with a result already are left out). */
  runs: (row: Row) => boolean
  /** The preview's skips, as results. */
  skipped: R[]
  /** Rows in flight: enough to hide each request's latency under the kind's quota. */
  concurrency: number
  /** Told after each row ends. */
  onRow: () => void
}

export abstract class RowRunBase<Row extends { row: number }, R extends RowResult, P> implements RowRun<R, P> {
  readonly results: Map<number, R>
  /** Rows whose request may have gone out before the last run stopped, with no result written. */
  protected readonly pending: Set<number>
  private readonly pace = new ScanPace()
  private ranHere = 0

  constructor(private readonly basis: RowRunBasis<Row, R>) {
    const saved = basis.store.readResults(basis.preview.jobId)
    this.results = new Map([...basis.skipped.map((r) => [r.row, r] as const), ...(saved.results as Map<number, R>)])
    this.pending = saved.pending
  }

  /** One row, to its result; throws to stop the job with the row still to do. */
  protected abstract runRow(row: Row, signal: AbortSignal): Promise<R>
  abstract progress(view: JobView): P

  /** Written and flushed before a row's write is sent. */
  protected recordIntent(row: number): Promise<void> {
    return this.basis.store.recordIntent(this.basis.preview.jobId, row)
  }

  async execute(control: JobControl): Promise<void> {
    const todo = this.basis.preview.rows.filter((row) => this.basis.runs(row) && !this.results.has(row.row))
    this.pace.reset()
    this.pace.record(0)
    await runWorkers({
      items: todo.map((_, i) => String(i)),
      concurrency: this.basis.concurrency,
      staggerMs: 0,
      signal: control.signal,
      task: async (item, signal) => {
        const row = todo[Number(item)]!
        const result = await this.runRow(row, signal)
        await this.basis.store.recordResult(this.basis.preview.jobId, result)
        this.results.set(row.row, result)
        this.pace.record(++this.ranHere)
        this.basis.onRow()
      }
    })
    control.stopClock()
  }

  /** The fields every row job's progress has; the kind adds its outcome counts. */
  protected commonProgress(
    view: JobView
  ): { state: JobState; total: number; done: number; elapsedMs: number; rate: number; etaSeconds: number | null } & Pick<
    JobView,
    'error' | 'runningElsewhere'
  > {
    const total = this.basis.preview.rows.length
    const done = this.results.size
    const rate = view.state === 'running' ? this.pace.rate() : 0
    return {
      state: view.state,
      total,
      done,
      elapsedMs: Math.round(view.elapsedMs),
      rate,
      etaSeconds: secondsToGo(rate, done, total),
      ...(view.error ? { error: view.error } : {}),
      ...(view.runningElsewhere ? { runningElsewhere: view.runningElsewhere } : {})
    }
  }
}
