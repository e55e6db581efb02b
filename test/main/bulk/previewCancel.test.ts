/**
 * A preview reads every user once at the UserRead quota, so a long one can be stopped: it ends
 * CANCELLED with nothing saved (no job appears), and the next preview runs normally.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { createBulkTierService } from '../../../src/main/bulk/bulkService'
import type { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { simGateway, startCognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-preview-cancel-')
afterAll(() => temp.remove())

/** The simulator describes no schema by default; the pool's tier attribute is not what this test is about. */
const schema = { assertAttributesExist: async () => undefined } as unknown as PoolSchemaService

it('stops a preview under way, saves nothing, and lets the next one run', async () => {
  const sim = await startCognitoSim({ users: 400, latencyMs: 40, readQuota: 50 })
  try {
    const bulk = createBulkTierService(serviceDeps({ gateway: simGateway(sim), schema, dataDir: temp.dir }))
    const rows = Array.from({ length: 400 }, (_, i) => ({ username: sim.userAt(i).username, tier: 'premium' }))
    expect(bulk.cancelPreview()).toBe(false)
    const previewing = bulk.preview({ rows })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(bulk.cancelPreview()).toBe(true)
    await expect(previewing).rejects.toMatchObject({
      code: 'CANCELLED',
      message: expect.stringContaining('nothing was sent to the pool and nothing was saved')
    })
    const readsWhenStopped = sim.stats.reads
    expect(readsWhenStopped).toBeLessThan(400)
    expect(readdirSync(temp.dir)).toEqual([])

    const again = await bulk.preview({ rows: rows.slice(0, 20) })
    expect(again.rows).toHaveLength(20)
    expect(readdirSync(join(temp.dir, 'jobs'))).toEqual([again.jobId])
  } finally {
    await sim.stop()
  }
}, 60_000)
