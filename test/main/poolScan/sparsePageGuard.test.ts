/**
 * The sparse-page guard on page streams shaped like the two kinds of backend: one that filters before
 * paging (every page but a partition's last is full) and one that filters after paging (each page is
 * a 60-user slice of the pool with the other partitions' users dropped).
 */
import { describe, expect, it } from 'vitest'
import { SparsePageGuard, type PageObservation } from '../../../src/main/poolScan/sparsePageGuard'

const PAGE = 60
const options = { pageSize: PAGE, rate: 30, concurrency: 16 }

/** Pages as partitions running side by side deliver them: round-robin over the partitions. */
function interleave(partitions: PageObservation[][]): PageObservation[] {
  const pages: PageObservation[] = []
  for (let i = 0; partitions.some((p) => i < p.length); i++) for (const p of partitions) if (i < p.length) pages.push(p[i]!)
  return pages
}

/** A partition of `users` users read from a backend that filters before paging. */
function properPartition(users: number, latencyMs: number): PageObservation[] {
  const pages = Math.max(1, Math.ceil(users / PAGE))
  return Array.from({ length: pages }, (_, i) => ({
    users: i < pages - 1 ? PAGE : users - PAGE * (pages - 1),
    latencyMs,
    lastPage: i === pages - 1
  }))
}

/** A partition read from a backend that filters after paging: every slice of the pool, filtered. */
function slicedPartition(poolUsers: number, partitions: number, latencyMs: number, random: () => number): PageObservation[] {
  const pages = Math.ceil(poolUsers / PAGE)
  return Array.from({ length: pages }, (_, i) => {
    const slice = Math.min(PAGE, poolUsers - i * PAGE)
    let users = 0
    for (let u = 0; u < slice; u++) if (random() < 1 / partitions) users++
    return { users, latencyMs, lastPage: i === pages - 1 }
  })
}

/** A small deterministic generator, so the sliced pages are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Feeds pages to a guard and returns how many it took to trip, or null if it never did. */
function pagesUntilTrip(guard: SparsePageGuard, pages: PageObservation[], remaining?: number): { pages: number; reason: string } | null {
  for (const [i, page] of pages.entries()) {
    guard.observe(page)
    const verdict = guard.verdict(remaining)
    if (verdict) return { pages: i + 1, reason: verdict.reason }
  }
  return null
}

describe('SparsePageGuard', () => {
  it.each([
    ['3,000 users in 16 partitions, 80 ms', 3000, 16, 80],
    ['25,000 users in 256 partitions (one full page and a partial one each), 30 ms', 25_000, 256, 30],
    ['100,000 users in 16 partitions, 400 ms', 100_000, 16, 400],
    ['a pool so small every page is a last page', 200, 16, 5]
  ])('never trips on a pool that filters before paging: %s', (_name, users, partitions, latencyMs) => {
    const guard = new SparsePageGuard(options)
    const stream = interleave(Array.from({ length: partitions }, (_, i) => properPartition(Math.floor(users / partitions) + (i % 3), latencyMs)))
    expect(pagesUntilTrip(guard, stream, users)).toBeNull()
  })

  it('does not trip when a normal backend now and then returns a short page before the last', () => {
    const guard = new SparsePageGuard(options)
    const stream = interleave(Array.from({ length: 16 }, () => properPartition(1000, 50)))
    const shortened = stream.map((page, i) => (!page.lastPage && i % 4 === 0 ? { ...page, users: 40 } : page))
    expect(pagesUntilTrip(guard, shortened, 16_000)).toBeNull()
  })

  it.each([
    ['no latency', 0],
    ['30 ms', 30],
    ['80 ms, where a sequential pass is latency-bound', 80]
  ])('trips within the first few dozen pages of a pool that filters after paging (%s)', (_name, latencyMs) => {
    const guard = new SparsePageGuard(options)
    const random = seeded(7)
    const stream = interleave(Array.from({ length: 16 }, () => slicedPartition(3000, 16, latencyMs, random)))
    const trip = pagesUntilTrip(guard, stream, 3000)
    expect(trip).not.toBeNull()
    expect(trip!.pages).toBeLessThanOrEqual(16)
    expect(trip!.reason).toMatch(
      /^This pool's search filter did not narrow the pages, so the scan read the pool from start to end: about [\d.]+ s instead of about [\d.,]+ s in parts\.$/
    )
  })

  it('waits for enough pages that are not a last page before it decides', () => {
    const guard = new SparsePageGuard(options)
    // Nearly empty last pages are what every small partition ends with: no evidence at all.
    for (let i = 0; i < 50; i++) guard.observe({ users: 1, latencyMs: 20, lastPage: true })
    expect(guard.verdict()).toBeNull()
    for (let i = 0; i < 4; i++) guard.observe({ users: 3, latencyMs: 20, lastPage: false })
    expect(guard.verdict()).toBeNull()
    guard.observe({ users: 4, latencyMs: 20, lastPage: false })
    expect(guard.verdict()).toEqual({
      reason: "This pool's search filter did not narrow the pages, so the scan read the pool from start to end: faster for this pool than reading it in parts."
    })
  })

  it('keeps partitioning a moderately sparse pool whose side-by-side requests still win on latency', () => {
    // 40 users a page, but 16 requests in flight against one at a time at 500 ms each.
    const guard = new SparsePageGuard(options)
    for (let i = 0; i < 100; i++) guard.observe({ users: 40, latencyMs: 500, lastPage: false })
    expect(guard.verdict(50_000)).toBeNull()
  })

  it('words pages that held nobody without a partitioned time, which would be endless', () => {
    const guard = new SparsePageGuard(options)
    for (let i = 0; i < 5; i++) guard.observe({ users: 0, latencyMs: 0, lastPage: false })
    expect(guard.verdict(1800)?.reason).toBe(
      "This pool's search filter did not narrow the pages, so the scan read the pool from start to end: about 1.0 s, where reading it in parts found no users at all."
    )
  })

  it('counts the users already read into the sequential pass, which starts over', () => {
    const guard = new SparsePageGuard({ pageSize: 60, rate: 30, concurrency: 16 })
    for (let i = 0; i < 10; i++) guard.observe({ users: 6, latencyMs: 0, lastPage: false })
    // 60 users read and 1,740 to go: partitioned 1,740 / 6 / 30 = 9.7 s; sequential 1,800 / 60 / 30 = 1.0 s.
    expect(guard.verdict(1740)?.reason).toContain(': about 1.0 s instead of about 9.7 s in parts.')
  })
})
