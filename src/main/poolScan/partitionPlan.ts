/**
 * How the pool is split into `sub ^= "prefix"` partitions, from Cognito's estimate of its size.
 */
import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { CognitoGateway } from '../cognito/gateway'

/** Cognito's own estimate of the pool's size (UserPoolRead quota, not UserList); undefined if unavailable. */
export async function estimatedUserCount(gateway: CognitoGateway, signal: AbortSignal): Promise<number | undefined> {
  try {
    // Only nice to have: the plan falls back to the large-pool split without it.
    const output = await gateway.send<{ UserPool?: { EstimatedNumberOfUsers?: number } }>(new DescribeUserPoolCommand({ UserPoolId: gateway.userPoolId }), {
      signal,
      maxAttempts: 2
    })
    return output.UserPool?.EstimatedNumberOfUsers
  } catch {
    if (signal.aborted) throw signal.reason
    return undefined
  }
}

/** Below this many users 16 partitions are enough; finer ones would mostly be near-empty requests. */
const FINE_PARTITION_THRESHOLD = 20_000

/**
 * How a pool of this size is split. Small pools: 16 partitions. Larger ones: the sub space under "0"
 * and "1" in 32 fine partitions, read first, and the rest in 14 coarse ones. The fine partitions finish
 * early and one after another, which is what the running estimate needs; the coarse ones waste few
 * half-empty last pages (each partition ends on one), which is what speed needs — 256 equal partitions
 * of a 100k pool would spend 8% of the quota on half-empty pages.
 */
export function partitionPlan(estimatedUsers: number | undefined, digits?: 1 | 2): string[] {
  if (digits) return hexPrefixes(digits)
  if ((estimatedUsers ?? Infinity) < FINE_PARTITION_THRESHOLD) return hexPrefixes(1)
  const fine = hexPrefixes(2).filter((prefix) => prefix[0] === '0' || prefix[0] === '1')
  const coarse = hexPrefixes(1).filter((prefix) => prefix !== '0' && prefix !== '1')
  return [...fine, ...coarse]
}

/** The share of the sub space a prefix covers: 1/16 per hex digit. */
export function prefixFraction(prefix: string): number {
  return 16 ** -prefix.length
}

/** All prefixes of the given number of hex digits: "0".."f" or "00".."ff". */
export function hexPrefixes(digits: 1 | 2): string[] {
  const count = 16 ** digits
  return Array.from({ length: count }, (_, i) => i.toString(16).padStart(digits, '0'))
}
