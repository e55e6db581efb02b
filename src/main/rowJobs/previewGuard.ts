/**
 * A row job's preview reads every user once at the UserRead quota (10,000 rows take about 90 s), so
 * the operator may stop it: one preview at a time per service, a new one replacing the one before,
 * and a cancelled one ending as CANCELLED with nothing sent and nothing saved.
 */
import { AppError } from '../../shared/errors'

export class PreviewGuard {
  private running: AbortController | null = null

  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.running?.abort()
    const controller = new AbortController()
    this.running = controller
    try {
      return await work(controller.signal)
    } catch (error) {
      if (controller.signal.aborted) throw new AppError('CANCELLED', 'The preview was stopped: nothing was sent to the pool and nothing was saved.')
      throw error
    } finally {
      if (this.running === controller) this.running = null
    }
  }

  /** Stops the preview under way; false when none was. */
  cancel(): boolean {
    const running = this.running
    running?.abort()
    return running !== null
  }
}
