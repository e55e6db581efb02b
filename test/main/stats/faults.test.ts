/**
 * Faults are not verdicts: a dropped connection while the scan checks Cognito's `sub ^=` filter says
 * nothing about the filter. Seen before this was fixed: the simulator stopped at the check, the scan
 * blamed "Cognito rejected the filter", threw its finished partitions away and stayed sequential.
 */
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { createStatsService } from '../../../src/main/stats/statsService'
import { simGateway, startCognitoSim, type CognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-faults-')
afterAll(() => temp.remove())

it('rides out the service going away during the filter check and stays partitioned', async () => {
  const holder: { sim?: CognitoSim } = {}
  let bounced = false
  const sim = await startCognitoSim({
    users: 4000,
    latencyMs: 10,
    onRequest: (operation, body) => {
      // The check's own request: the full sub of a known user.
      const isCheck = operation === 'ListUsers' && typeof body.Filter === 'string' && /sub \^= "[0-9a-f-]{36}"/.test(body.Filter)
      if (!isCheck || bounced || !holder.sim) return
      bounced = true
      const target = holder.sim
      void target.stop().then(() => setTimeout(() => void target.restart(), 1500))
    }
  })
  holder.sim = sim
  const service = createStatsService(serviceDeps({ gateway: simGateway(sim, 200), dataDir: join(temp.dir, 'pool') }), { partitionDigits: 1, concurrency: 4 })
  try {
    await service.start()
    const end = await service.settled()
    expect(bounced).toBe(true)
    expect(end?.error).toBeUndefined()
    expect(end).toMatchObject({ state: 'done', mode: 'partitioned', partitionsTotal: 16 })
    expect(end?.modeReason).toBeUndefined()
    expect((await service.snapshot()).last?.figures).toEqual(sim.expected)
  } finally {
    await service.dispose()
    await sim.stop()
  }
})

it('switches to one sequential pass on a backend that filters after paging, saying why, and counts exactly', async () => {
  // Seen before the guard: 3,000 users took 26.5 s partitioned against 1.5 s sequential on such a backend.
  const sim = await startCognitoSim({ users: 3000, latencyMs: 5, filterAfterPaging: true })
  // At the real quota: a far higher rate would let a busy machine's slow answers, not the pages, decide.
  const service = createStatsService(serviceDeps({ gateway: simGateway(sim, 30), dataDir: join(temp.dir, 'sparse') }), { partitionDigits: 1 })
  try {
    await service.start()
    const end = await service.settled()
    expect(end).toMatchObject({ state: 'done', mode: 'sequential', partitionsTotal: 1 })
    expect(end?.modeReason).toMatch(/^This pool's search filter did not narrow the pages, so the scan read the pool from start to end: about /)
    const last = (await service.snapshot()).last
    expect(last?.figures).toEqual(sim.expected)
    expect(last?.modeReason).toBe(end?.modeReason)
    // Partitioning read far less than the pool 16 times over before it gave up.
    expect(sim.stats.listUsers).toBeLessThan(3 * Math.ceil(3000 / 60) + 20)
  } finally {
    await service.dispose()
    await sim.stop()
  }
})
