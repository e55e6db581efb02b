/**
 * The scan's plan as counts: how many partitions a pool of a given size gets, and how many requests
 * their part-filled last pages cost over a pool of random subs (a page count, not a time).
 */
import { describe, expect, it } from 'vitest'
import { LIST_USERS_PAGE_SIZE as PAGE } from '../../../src/main/cognito/quotas'
import { partitionPlan, partitionRank, prefixFraction } from '../../../src/main/poolScan/partitionPlan'

/** How many of `users` random subs start with each two-hex-digit prefix; seeded, so every run is the same. */
function subsByTwoDigits(users: number, seed = 20261205): number[] {
  const counts = new Array<number>(256).fill(0)
  let state = seed >>> 0
  for (let i = 0; i < users; i++) {
    // xorshift32: uniform enough for the first byte of a random UUID.
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    counts[state & 0xff]!++
  }
  return counts
}

/** The requests a scan of this plan sends beyond the pool's pages' worth (ceil(users / 60)). */
function extraRequests(plan: string[], byTwoDigits: number[]): { requests: number; extra: number } {
  const usersUnder = (prefix: string): number =>
    byTwoDigits.reduce((sum, count, byte) => (byte.toString(16).padStart(2, '0').startsWith(prefix) ? sum + count : sum), 0)
  const requests = plan.reduce((sum, prefix) => sum + Math.max(1, Math.ceil(usersUnder(prefix) / PAGE)), 0)
  const users = byTwoDigits.reduce((a, b) => a + b, 0)
  return { requests, extra: requests - Math.ceil(users / PAGE) }
}

describe('partition plan', () => {
  it.each([
    [undefined, 16],
    [3_000, 16],
    [25_000, 16],
    [60_000, 16],
    [100_000, 16],
    [130_000, 31],
    [200_000, 46],
    [1_000_000, 241],
    [5_000_000, 256]
  ])('splits a pool of %s users into %i partitions that cover the sub space once', (users, partitions) => {
    const plan = partitionPlan(users)
    expect(plan).toHaveLength(partitions)
    expect(new Set(plan).size).toBe(partitions)
    expect(plan.reduce((sum, prefix) => sum + prefixFraction(prefix), 0)).toBeCloseTo(1, 12)
    // No prefix inside another: no user is read twice.
    for (const a of plan) expect(plan.filter((b) => b !== a && b.startsWith(a))).toEqual([])
    // The two-digit partitions, the estimate's, come first.
    const firstCoarse = plan.findIndex((prefix) => prefix.length === 1)
    if (firstCoarse >= 0) expect(plan.slice(firstCoarse).every((prefix) => prefix.length === 1)).toBe(true)
  })

  it.each([
    [60_000, 16, 10],
    [100_000, 16, 16],
    [130_000, 31, 21],
    [1_000_000, 241, 166]
  ])('at %i users spends at most 1%% of its requests on part-filled pages', (users, partitions, allowed) => {
    const { requests, extra } = extraRequests(partitionPlan(users), subsByTwoDigits(users))
    // Each partition ends on one part-filled page: about half a page each over the pool's own pages.
    expect(extra).toBeGreaterThan(0)
    expect(extra).toBeLessThan(partitions)
    expect(extra).toBeLessThanOrEqual(allowed)
    expect(extra / requests).toBeLessThanOrEqual(0.01)
  })

  it('ranks the first half of the plan in order and the second half alike', () => {
    expect(Array.from({ length: 16 }, (_, i) => partitionRank(i, 16))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8, 8, 8, 8, 8, 8])
    expect(partitionRank(0, 1)).toBe(0)
    expect(partitionRank(240, 241)).toBe(120)
  })
})
