/**
 * How the pool is split into `sub ^= "prefix"` partitions, from Cognito's estimate of its size.
 */
import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { CognitoGateway } from '../cognito/gateway'
import { LIST_USERS_PAGE_SIZE } from '../cognito/quotas'

/** Cognito's own estimate of the pool's size (UserPoolRead quota, not UserList); undefined if unavailable. */
export async function estimatedUserCount(gateway: CognitoGateway, signal: AbortSignal): Promise<number | undefined> {
  try {
    // Only nice to have: without it the plan is the 16 one-digit prefixes.
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

/**
 * Every partition ends on a part-filled page, half empty on average, so a plan of P partitions spends
 * about P/2 requests on them. A plan may have as many as keep that to this share of the pool's pages:
 * 0.75%, so that chance (each last page holds anywhere from 1 to 60 users) stays under 1%.
 */
const PART_FILLED_SHARE = 0.0075

/**
 * How a pool of this size is split: the 16 one-digit prefixes, the first of them split into 16
 * two-digit ones each as far as the pool is large enough to afford their part-filled pages (a split
 * adds 15 partitions). At 60,000 users that is 16 partitions (about 8 part-filled pages in 1,000); at a
 * million, 241 (about 120 in 16,700). The two-digit partitions come first: they finish early and one
 * after another (see partitionRank), which is what the running estimate needs.
 */
export function partitionPlan(estimatedUsers: number | undefined, digits?: 1 | 2): string[] {
  if (digits) return hexPrefixes(digits)
  const affordable = Math.floor((2 * PART_FILLED_SHARE * (estimatedUsers ?? 0)) / LIST_USERS_PAGE_SIZE)
  const splits = Math.max(0, Math.min(16, Math.floor((affordable - 16) / 15)))
  const fine = hexPrefixes(2)
  return hexPrefixes(1).flatMap((prefix, i) => (i < splits ? fine.filter((p) => p[0] === prefix) : [prefix]))
}

/**
 * A partition's rank at the rate limiter (lower goes first). The first half of the plan ranks in plan
 * order, so those partitions finish one after another from early on and the running estimate has
 * finished partitions to work from; the second half ranks alike and shares the quota, so the last
 * partitions finish together instead of one being left alone at the end, where it could read no faster
 * than a page per round trip, well under the quota.
 */
export function partitionRank(index: number, partitions: number): number {
  return Math.min(index, Math.floor(partitions / 2))
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
