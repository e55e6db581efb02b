/**
 * A fixed number of workers taking items from one list, as the scan runs its partitions side by side.
 */
import { setMaxListeners } from 'node:events'
import { abortableSleep } from '../cognito/rateLimiter'

export interface PoolRunOptions {
  items: readonly string[]
  concurrency: number
  /** Delay between starting one worker and the next. */
  staggerMs: number
  signal: AbortSignal
  task: (item: string, signal: AbortSignal) => Promise<void>
}

/**
 * Runs tasks with a fixed number of workers. Staggering the workers' starts spreads partitions'
 * finishing times, which would otherwise come in waves of `concurrency` at once. The first failure
 * stops the other workers and is rethrown.
 */
export async function runWorkers(options: PoolRunOptions): Promise<void> {
  const inner = new AbortController()
  const forward = (): void => inner.abort(options.signal.reason)
  if (options.signal.aborted) forward()
  else options.signal.addEventListener('abort', forward, { once: true })
  // Every worker's pending request and sleep listens on the signal; that is expected, not a leak.
  setMaxListeners(Math.max(10, options.concurrency * 4), inner.signal)
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async (index: number): Promise<void> => {
    if (index > 0 && options.staggerMs > 0) await abortableSleep(index * options.staggerMs, inner.signal)
    while (next < options.items.length && !inner.signal.aborted) await options.task(options.items[next++]!, inner.signal)
  }
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, options.items.length)) }, (_, i) =>
    worker(i).catch((error: unknown) => {
      if (failure) return
      failure = { error }
      inner.abort(error)
    })
  )
  try {
    await Promise.all(workers)
  } finally {
    options.signal.removeEventListener('abort', forward)
  }
  if (failure) throw (failure as { error: unknown }).error
  options.signal.throwIfAborted()
}
