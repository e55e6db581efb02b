/**
 * Where every job's progress goes out: the window (through the contract's `jobUpdate` event), the CLI's
 * progress line and the tests subscribe here; nothing polls.
 */
import type { JobUpdate } from '../../shared/jobProgress'

export type JobUpdateListener = (update: JobUpdate) => void

export class JobUpdates {
  private readonly listeners = new Set<JobUpdateListener>()

  subscribe(listener: JobUpdateListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  publish(update: JobUpdate): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(update)
      } catch {
        // A subscriber that fails (a closed window) must not stop the job or the other subscribers.
      }
    }
  }
}
