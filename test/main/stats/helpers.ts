import type { StatsService } from '../../../src/main/stats/statsService'
import type { ScanProgress, StatsSnapshot } from '../../../src/shared/domain'

/** Waits for the scan this service runs to stop (pushed, not polled), then reads where it stands. */
export async function waitUntilStopped(service: StatsService): Promise<StatsSnapshot> {
  await service.settled()
  return service.snapshot()
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
