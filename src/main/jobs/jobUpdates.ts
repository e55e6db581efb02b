/**
 * The one hub every long job's progress goes out through. Each job pushes its kind, its id, its pool
 * and its progress here (see Job's `publish`); the window (ipc/wireWindow.ts), the CLI's progress
 * lines and the tests subscribe. A job's moves go out at once, its running counters at most four
 * times a second per job (enough for a progress bar, little enough for IPC); nothing polls.
 */
import type { JobUpdate } from '../../shared/jobProgress'

export type JobKind = JobUpdate['kind']
/** Each kind's progress. */
type ProgressByKind = { [U in JobUpdate as U['kind']]: U['progress'] }
export type ProgressOf<K extends JobKind> = ProgressByKind[K]
/** Which job an update is about. */
export interface JobRef<K extends JobKind = JobKind> {
  kind: K
  jobId: string
  userPoolId: string
}
export type JobUpdateListener = (update: JobUpdate) => void

const PROGRESS_INTERVAL_MS = 250

export class JobUpdates {
  private readonly listeners = new Set<JobUpdateListener>()
  private readonly lastPush = new Map<string, number>()

  /** How many listen: a job another process runs is followed on disk only while someone does. */
  get subscribers(): number {
    return this.listeners.size
  }

  /** Every update of every job; returns the unsubscribe. */
  subscribe(listener: JobUpdateListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** One kind's updates, as the job's id and its progress; returns the unsubscribe. */
  on<K extends JobKind>(kind: K, listener: (jobId: string, progress: ProgressOf<K>) => void): () => void {
    return this.subscribe((update) => {
      if (update.kind === kind) listener(update.jobId, update.progress as ProgressOf<K>)
    })
  }

  /**
   * Sends a job's progress unless one went out for it less than the interval ago (`force` for a move
   * of its state). `make` runs only when it goes out, so a throttled tick costs nothing; null sends nothing.
   */
  push<K extends JobKind>(job: JobRef<K>, force: boolean, make: () => ProgressOf<K> | null): void {
    const now = performance.now()
    if (!force && now - (this.lastPush.get(job.jobId) ?? -Infinity) < PROGRESS_INTERVAL_MS) return
    const progress = make()
    if (progress === null) return
    this.lastPush.set(job.jobId, now)
    const update = { ...job, progress } as JobUpdate
    for (const listener of [...this.listeners]) {
      try {
        listener(update)
      } catch {
        // A subscriber that fails (a closed window) must not stop the job or the other subscribers.
      }
    }
  }
}
