/**
 * Share estimates from the partitions finished so far.
 *
 * Method: the pool is split into K partitions by sub prefix. Subs are random UUIDs, so which users
 * land in a partition is random and the order in which partitions finish does not depend on their
 * users' tiers; the k finished partitions are therefore treated as a simple random sample (without
 * replacement) of k clusters out of K. A bucket's share p = Σy / Σn (y = the bucket's users in a
 * partition, n = all its users) is a ratio estimator; its variance uses the linearised residuals
 * e_i = y_i − p·n_i between partitions:
 *
 *   Var(p) ≈ (1 − f) · Σ e_i² / ((k − 1) · k · n̄²),   n̄ = Σn / k
 *
 * (1 − f) is the finite-population correction, f the share of the sub space the finished partitions
 * cover (k/K when partitions are equal; the plan mixes 2- and 1-digit prefixes), so the interval closes
 * to the exact share when every partition is done. With few partitions the 95% interval uses Student's t with k − 1 degrees of
 * freedom rather than 1.96. With one partition there is no between-partition variance yet, so the
 * interval is [0, 1]. Sequential scans read users in Cognito's order, which is not random, so they
 * have no estimate until they finish.
 */
import { TIER_BUCKETS, type ShareEstimate, type TierBucket } from '../../shared/domain'

/** What the estimator needs of one finished partition. */
export interface PartitionCounts {
  users: number
  buckets: Record<TierBucket, number>
}

// Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom.
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042
]

export function tQuantile975(degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 30) return T_975[Math.max(1, degreesOfFreedom) - 1]!
  // Cornish-Fisher expansion; within 0.001 of the exact value past 30 degrees of freedom.
  const z = 1.959964
  return z + (z ** 3 + z) / (4 * degreesOfFreedom) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * degreesOfFreedom ** 2)
}

/**
 * The estimated share of each bucket with its 95% interval, or null before any partition finished.
 * @param finished the finished partitions' counts
 * @param totalPartitions K, the number of partitions the pool is split into
 * @param coveredFraction the share of the sub space the finished partitions cover; k/K by default
 */
export function estimateShares(
  finished: readonly PartitionCounts[],
  totalPartitions: number,
  coveredFraction = finished.length / totalPartitions
): Record<TierBucket, ShareEstimate> | null {
  const k = finished.length
  if (k === 0) return null
  const users = finished.reduce((sum, p) => sum + p.users, 0)
  const complete = k >= totalPartitions
  const result = {} as Record<TierBucket, ShareEstimate>
  for (const bucket of TIER_BUCKETS) {
    const count = finished.reduce((sum, p) => sum + p.buckets[bucket], 0)
    const share = users === 0 ? 0 : count / users
    if (complete) result[bucket] = { share, low: share, high: share }
    else if (k < 2 || users === 0) result[bucket] = { share, low: 0, high: 1 }
    else result[bucket] = interval(share, halfWidth(finished, bucket, share, users, coveredFraction))
  }
  return result
}

function halfWidth(finished: readonly PartitionCounts[], bucket: TierBucket, share: number, users: number, coveredFraction: number): number {
  const k = finished.length
  const meanUsers = users / k
  const squaredResiduals = finished.reduce((sum, p) => sum + (p.buckets[bucket] - share * p.users) ** 2, 0)
  const variance = (Math.max(0, 1 - coveredFraction) * squaredResiduals) / ((k - 1) * k * meanUsers ** 2)
  return tQuantile975(k - 1) * Math.sqrt(Math.max(0, variance))
}

function interval(share: number, half: number): ShareEstimate {
  return { share, low: Math.max(0, share - half), high: Math.min(1, share + half) }
}
