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
  /**
   * How many workers the work could use now, asked as each task ends: the pool grows to it (never
   * shrinks), e.g. reads that find their round trips longer than the starting concurrency covers.
   */
  wanted?: () => number
}

/**
 * Runs tasks with `concurrency` workers, more if `wanted` asks for them. Staggering the workers' starts spreads partitions'
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
  const workers: Promise<void>[] = []
  const worker = async (index: number, stagger: boolean): Promise<void> => {
    if (stagger && index > 0 && options.staggerMs > 0) await abortableSleep(index * options.staggerMs, inner.signal)
    while (next < options.items.length && !inner.signal.aborted) {
      await options.task(options.items[next++]!, inner.signal)
      grow()
    }
  }
  const start = (stagger: boolean): void => {
    workers.push(
      worker(workers.length, stagger).catch((error: unknown) => {
        if (failure) return
        failure = { error }
        inner.abort(error)
      })
    )
  }
  const grow = (): void => {
    const wanted = options.wanted?.() ?? 0
    // Each new worker takes its first item at once, so the pool never outgrows the items left.
    while (workers.length < wanted && next < options.items.length && !inner.signal.aborted) start(false)
    setMaxListeners(Math.max(10, workers.length * 4), inner.signal)
  }
  for (let i = 0; i < Math.max(1, Math.min(options.concurrency, options.items.length)); i++) start(true)
  try {
    // Workers added while waiting are waited for in turn.
    for (let waited = 0; waited < workers.length;) {
      const batch = workers.slice(waited)
      waited = workers.length
      await Promise.all(batch)
    }
  } finally {
    options.signal.removeEventListener('abort', forward)
  }
  if (failure) throw (failure as { error: unknown }).error
  options.signal.throwIfAborted()
}
