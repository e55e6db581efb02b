import type { StatsService } from '../../../src/main/stats/statsService'
import type { ScanProgress, StatsSnapshot } from '../../../src/shared/domain'

/** Polls until the scan is no longer running; no wall-clock assertion, only a generous cap. */
export async function waitUntilStopped(service: StatsService, maxWaitMs = 120_000): Promise<StatsSnapshot> {
  const deadline = Date.now() + maxWaitMs
  while (Date.now() < deadline) {
    const snapshot = await service.snapshot()
    if (snapshot.progress?.state !== 'running') return snapshot
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('The scan did not stop')
}

/** Resolves with the first progress report that satisfies the predicate. */
export function progressWatcher(): {
  onProgress: (p: ScanProgress) => void
  when: (predicate: (p: ScanProgress) => boolean) => Promise<ScanProgress>
  all: ScanProgress[]
} {
  const all: ScanProgress[] = []
  let waiters: { predicate: (p: ScanProgress) => boolean; resolve: (p: ScanProgress) => void }[] = []
  return {
    all,
    onProgress(progress) {
      all.push(progress)
      const ready = waiters.filter((w) => w.predicate(progress))
      waiters = waiters.filter((w) => !ready.includes(w))
      for (const w of ready) w.resolve(progress)
    },
    when(predicate) {
      return new Promise((resolve) => waiters.push({ predicate, resolve }))
    }
  }
}
