/**
 * Throttling slows a bulk job and fails no row: on the Cognito simulator with AdminUpdateUserAttributes
 * held at 8/s (a third of the UserUpdate quota the app assumes), every change is throttled into line by
 * the gateway's limiter and retries, and every row ends changed.
 */
import { afterAll, expect, it } from 'vitest'
import { createBulkTierService } from '../../../src/main/bulk/bulkService'
import type { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { getUser } from '../../../src/main/users/users'
import { simGateway, startCognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-bulk-throttled-')
afterAll(() => temp.remove())

/** The simulator describes no schema; the pool's tier attribute is not what this test is about. */
const schema = { assertAttributesExist: async () => undefined } as unknown as PoolSchemaService

it('waits out throttling and changes every row', async () => {
  const sim = await startCognitoSim({ users: 400, latencyMs: 5, updateQuota: 8 })
  try {
    const gateway = simGateway(sim)
    const bulk = createBulkTierService(serviceDeps({ gateway, schema, dataDir: temp.dir }))
    const rows = Array.from({ length: 80 }, (_, i) => ({ username: sim.userAt(i).username, tier: 'premium' }))
    const preview = await bulk.preview({ rows })
    expect(preview.changes).toBeGreaterThan(40)
    await bulk.start(preview.jobId)
    const end = await bulk.settled(preview.jobId)
    expect(end).toMatchObject({ state: 'done', failed: 0, conflicts: 0, changed: preview.changes })
    expect(sim.stats.throttled).toBeGreaterThan(0)
    // Each row's tier written once: throttled requests were refused before anything changed, and retried.
    const ok = sim.writes.filter((write) => write.operation === 'AdminUpdateUserAttributes' && write.outcome === 'ok')
    expect(ok).toHaveLength(preview.changes)
    for (const row of rows) expect((await getUser(gateway, row.username)).tier).toEqual({ kind: 'tier', tier: 'premium' })
  } finally {
    await sim.stop()
  }
}, 120_000)
