/**
 * The network lost mid-job: the simulator goes away while tier writes are in flight (one of them
 * applied, its answer lost). A short outage is waited out and the job finishes. A long one stops the
 * job with those rows unreported, never counted as done; resumed once the pool answers again, each
 * such row is read before anything is sent, and every user ends at the target with no row failed.
 */
import { afterAll, expect, it } from 'vitest'
import { createBulkTierService } from '../../../src/main/bulk/bulkService'
import type { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { getUser } from '../../../src/main/users/users'
import { simGateway, startCognitoSim, type CognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-bulk-outage-')
afterAll(() => temp.remove())

/** The simulator describes no schema; the pool's tier attribute is not what this test is about. */
const schema = { assertAttributesExist: async () => undefined } as unknown as PoolSchemaService

/** A simulator that drops every connection when the 20th tier write arrives (after applying it), and is back after `backMs` if given. */
async function simCutAtWrite20(backMs?: number): Promise<CognitoSim> {
  let cut = false
  const sim: CognitoSim = await startCognitoSim({
    users: 400,
    latencyMs: 20,
    onRequest: (operation) => {
      if (operation !== 'AdminUpdateUserAttributes' || cut || sim.stats.updates < 19) return
      cut = true
      void sim.stop().then(() => backMs !== undefined && setTimeout(() => void sim.restart(), backMs))
    }
  })
  return sim
}

it('waits out a short outage and finishes', async () => {
  const sim = await simCutAtWrite20(1500)
  try {
    const gateway = simGateway(sim)
    const bulk = createBulkTierService(serviceDeps({ gateway, schema, dataDir: temp.dir }))
    const rows = Array.from({ length: 80 }, (_, i) => ({ username: sim.userAt(i).username, tier: 'standard' }))
    const preview = await bulk.preview({ rows })
    await bulk.start(preview.jobId)
    expect(await bulk.settled(preview.jobId)).toMatchObject({ state: 'done', done: 80, failed: 0, conflicts: 0 })
    for (const row of rows) expect((await getUser(gateway, row.username)).tier).toEqual({ kind: 'tier', tier: 'standard' })
  } finally {
    await sim.stop()
  }
}, 120_000)

it('stops on an outage without reporting unfinished rows, and resumes to every user at the target', async () => {
  const sim = await simCutAtWrite20()
  try {
    const gateway = simGateway(sim)
    const bulk = createBulkTierService(serviceDeps({ gateway, schema, dataDir: temp.dir }))
    const rows = Array.from({ length: 80 }, (_, i) => ({ username: sim.userAt(i).username, tier: 'premium' }))
    const preview = await bulk.preview({ rows })
    await bulk.start(preview.jobId)
    const stopped = await bulk.settled(preview.jobId)
    // After about 45 s of retries (long patience): the lost answer, or the refusals that followed it.
    expect(stopped.state).toBe('failed')
    expect(['WRITE_OUTCOME_UNKNOWN', 'NETWORK_UNREACHABLE']).toContain(stopped.error?.code)
    // Only rows with a recorded result count: the write whose answer was lost is not among them.
    expect(stopped.changed).toBeLessThan(20)
    expect(stopped.failed).toBe(0)

    await sim.restart()
    await bulk.start(preview.jobId)
    const end = await bulk.settled(preview.jobId)
    expect(end).toMatchObject({ state: 'done', done: 80, failed: 0, conflicts: 0 })
    const detail = await bulk.detail(preview.jobId)
    // The applied write whose answer was lost is found at the target on resume, and not sent again.
    expect(detail.results.filter((row) => row.reason === 'already at target').length).toBeGreaterThan(80 - preview.changes)
    for (const row of rows) expect((await getUser(gateway, row.username)).tier).toEqual({ kind: 'tier', tier: 'premium' })
  } finally {
    await sim.stop()
  }
}, 120_000)
