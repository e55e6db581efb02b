/**
 * How fast a scan goes and how long it has to go: users per second over a sliding window of the
 * counts seen as pages arrive, the pool's size projected from the finished partitions, and the time
 * left at that rate.
 */
import { prefixFraction } from './partitionPlan'

const RATE_WINDOW_MS = 10_000
/** A rate over less than this is noise. */
const MIN_SPAN_MS = 200

export class ScanPace {
  private samples: [number, number][] = []

  reset(): void {
    this.samples = []
  }

  /** Notes the running count of users scanned at this moment. */
  record(users: number, now = performance.now()): void {
    this.samples.push([now, users])
    while (this.samples.length > 2 && now - this.samples[0]![0] > RATE_WINDOW_MS) this.samples.shift()
  }

  /** Users per second over the last few seconds; 0 until there is enough to tell. */
  rate(): number {
    const first = this.samples[0]
    const last = this.samples[this.samples.length - 1]
    if (!first || !last || last[0] - first[0] < MIN_SPAN_MS) return 0
    return ((last[1] - first[1]) / (last[0] - first[0])) * 1000
  }
}

/** The share of the sub space the finished partitions cover. */
export function coveredFraction(prefixes: Iterable<string>): number {
  let sum = 0
  for (const prefix of prefixes) sum += prefixFraction(prefix)
  return sum
}

/** Seconds left to scan `expectedTotal` users from `scanned` at `rate`; null when either is unknown. */
export function secondsToGo(rate: number, scanned: number, expectedTotal: number | undefined): number | null {
  if (rate <= 0 || expectedTotal === undefined) return null
  return Math.max(0, Math.round((expectedTotal - scanned) / rate))
}
