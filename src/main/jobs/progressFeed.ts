/**
 * A kind of job's progress on its way to subscribers: each move of a job goes out at once, the running
 * counters at most four times a second per job (enough for a progress bar, little enough for IPC).
 */
const PROGRESS_INTERVAL_MS = 250

export type ProgressListener<P> = (jobId: string, progress: P) => void

export class ProgressFeed<P> {
  private readonly listeners = new Set<ProgressListener<P>>()
  private readonly lastPush = new Map<string, number>()

  get subscribers(): number {
    return this.listeners.size
  }

  subscribe(listener: ProgressListener<P>): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /**
   * Sends a job's progress unless one went out for it less than the interval ago (`force` for a move
   * of its state). `make` runs only when it goes out, so a throttled tick costs nothing; null sends nothing.
   */
  push(jobId: string, force: boolean, make: () => P | null): void {
    const now = performance.now()
    if (!force && now - (this.lastPush.get(jobId) ?? -Infinity) < PROGRESS_INTERVAL_MS) return
    const progress = make()
    if (progress === null) return
    this.lastPush.set(jobId, now)
    for (const listener of [...this.listeners]) listener(jobId, progress)
  }
}
