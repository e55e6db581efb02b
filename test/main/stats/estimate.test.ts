/**
 * The running share estimate. The unit part needs no Cognito; the scan part relies on the simulator
 * for `sub ^=` partitions being random samples of the pool, which real Cognito gives because subs are
 * random UUIDs.
 */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { estimateShares, tQuantile975, type PartitionCounts } from '../../../src/main/stats/estimate'
import { createStatsService } from '../../../src/main/stats/statsService'
import { TIER_BUCKETS } from '../../../src/shared/domain'
import { simGateway, startCognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { progressWatcher, waitUntilStopped } from './helpers'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-estimate-')
afterAll(() => temp.remove())

/** mulberry32: a seeded PRNG so the coverage check is reproducible. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomPartitions(random: () => number, count: number, usersEach: number): PartitionCounts[] {
  return Array.from({ length: count }, () => {
    const users = usersEach + Math.floor((random() - 0.5) * usersEach * 0.2)
    const buckets = { standard: 0, premium: 0, none: 0, invalid: 0 }
    for (let i = 0; i < users; i++) {
      const r = random()
      buckets[r < 0.6 ? 'standard' : r < 0.8 ? 'premium' : r < 0.95 ? 'none' : 'invalid']++
    }
    return { users, buckets }
  })
}

describe('share estimate from finished partitions', () => {
  it('has no estimate before a partition finished and no width once all did', () => {
    expect(estimateShares([], 16)).toBeNull()
    const partitions = randomPartitions(prng(1), 16, 100)
    const all = estimateShares(partitions, 16)!
    const users = partitions.reduce((s, p) => s + p.users, 0)
    for (const bucket of TIER_BUCKETS) {
      const exact = partitions.reduce((s, p) => s + p.buckets[bucket], 0) / users
      expect(all[bucket]).toEqual({ share: exact, low: exact, high: exact })
    }
    expect(estimateShares(partitions.slice(0, 1), 16)!.premium).toMatchObject({ low: 0, high: 1 })
  })

  it('covers the true share about 95% of the time and narrows as partitions finish', () => {
    const random = prng(42)
    let covered = 0
    let trials = 0
    const widths: Record<number, number[]> = { 8: [], 32: [], 128: [] }
    for (let trial = 0; trial < 150; trial++) {
      const pool = randomPartitions(random, 256, 80)
      const users = pool.reduce((s, p) => s + p.users, 0)
      const truth = pool.reduce((s, p) => s + p.buckets.premium, 0) / users
      // Finishing order is random, as it is for sub-prefix partitions.
      const order = [...pool].sort(() => random() - 0.5)
      for (const k of [8, 32, 128]) {
        const estimate = estimateShares(order.slice(0, k), 256)!.premium
        trials++
        if (estimate.low <= truth && truth <= estimate.high) covered++
        widths[k]!.push(estimate.high - estimate.low)
      }
    }
    const coverage = covered / trials
    expect(coverage).toBeGreaterThan(0.9)
    expect(coverage).toBeLessThan(0.99)
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length
    expect(mean(widths[32]!)).toBeLessThan(mean(widths[8]!))
    expect(mean(widths[128]!)).toBeLessThan(mean(widths[32]!))
  })

  it('uses Student t quantiles for few partitions', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3)
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3)
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 2)
    expect(tQuantile975(10_000)).toBeCloseTo(1.96, 2)
  })

  it('reports intervals during a scan that contain the true shares and close on the exact figure', async () => {
    const sim = await startCognitoSim({ users: 20_000 })
    const watcher = progressWatcher()
    // One partition at a time makes the finishing order, and so every estimate, reproducible.
    const deps = serviceDeps({ gateway: simGateway(sim, 1000), dataDir: join(temp.dir, 'scan') })
    const service = createStatsService(deps, { partitionDigits: 2, concurrency: 1 })
    deps.jobUpdates.on('stats-scan', (_, progress) => watcher.onProgress(progress))
    try {
      await service.start()
      const { progress } = await waitUntilStopped(service)
      expect(progress?.state).toBe('done')
      const truth = sim.expected
      const invalid = Object.values(truth.tiers.invalid).reduce((a, b) => a + b, 0)
      const shares = { standard: truth.tiers.standard, premium: truth.tiers.premium, none: truth.tiers.none, invalid }
      const running = watcher.all.filter((p) => p.estimate && p.partitionsDone >= 10)
      expect(running.length).toBeGreaterThan(50)
      for (const bucket of TIER_BUCKETS) {
        const share = shares[bucket] / truth.total
        const inside = running.filter((p) => p.estimate![bucket].low <= share && share <= p.estimate![bucket].high).length
        expect(inside / running.length).toBeGreaterThan(0.85)
        expect(progress!.estimate![bucket]).toEqual({ share, low: share, high: share })
      }
      const width = (p: (typeof running)[number]): number => p.estimate!.premium.high - p.estimate!.premium.low
      const at = (done: number): number => width(running.find((p) => p.partitionsDone >= done)!)
      expect(at(128)).toBeLessThan(at(16))
      expect(at(240)).toBeLessThan(at(128))
    } finally {
      await service.dispose()
      await sim.stop()
    }
  })
})
