/**
 * The partitioned pass with the filter check beside it: the check's few requests would otherwise hold
 * up the start of a scan that is mostly fine. Decides whether the partitions' work stands or the pool
 * must be read in one sequential pass instead, and why.
 */
import type { CognitoGateway } from '../cognito/gateway'
import { checkSubPrefixFilter } from './filterCheck'
import { FilterNotHonoredError } from './listPages'

/** Thrown from a partition to stop the others: one sequential pass is the better way to read this pool. */
export class SwitchToSequential extends Error {}

/**
 * Runs `scanPartitions` while checking that Cognito honours `sub ^=` on this pool. Returns null when
 * the partitions read the pool, or the reason to read it sequentially instead. Only a definite answer
 * switches (the filter refused, a user outside its partition, a partition that costs more than it
 * saves); anything else, the check's own failure included, is thrown with the finished partitions kept.
 */
export async function partitionsWhileChecking(
  gateway: CognitoGateway,
  signal: AbortSignal,
  scanPartitions: (signal: AbortSignal) => Promise<void>
): Promise<string | null> {
  const partitions = new AbortController()
  const forward = (): void => partitions.abort(signal.reason)
  signal.addEventListener('abort', forward, { once: true })
  const scanning = scanPartitions(partitions.signal).then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error })
  )
  try {
    const verdict = await checkSubPrefixFilter(gateway, signal).catch(async (error: unknown) => {
      partitions.abort(error)
      await scanning
      throw error
    })
    if (verdict.kind === 'sequential') {
      partitions.abort(new SwitchToSequential(verdict.reason))
      await scanning
      return verdict.reason
    }
    const outcome = await scanning
    if (outcome.ok) return null
    if (signal.aborted) throw outcome.error
    if (outcome.error instanceof FilterNotHonoredError)
      return `${outcome.error.message}; this pool's search filter cannot be relied on, so the scan reads the pool from start to end.`
    if (outcome.error instanceof SwitchToSequential) return outcome.error.message
    throw outcome.error
  } finally {
    signal.removeEventListener('abort', forward)
  }
}
