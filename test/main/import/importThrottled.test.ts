/**
 * Throttling slows an import and fails no row: on the Cognito simulator with SignUp held at 10/s (a
 * fifth of the UserCreation quota the app assumes) and 5% of every request throttled at random, as a
 * busy account's neighbours would, every row is created exactly once (counted in the simulator's own
 * request log), with the app client's SECRET_HASH, and the results say what the pool holds.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { Connection } from '../../../src/main/cognito/connection'
import { createImportService } from '../../../src/main/import/importService'
import { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { simGateway, startCognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-import-throttled-')
afterAll(() => temp.remove())

const ROWS = 80

it('waits out throttling and creates every row once', async () => {
  const clientSecret = 'sim-client-secret'
  const sim = await startCognitoSim({ users: 50, latencyMs: 5, createQuota: 10, throttleFraction: 0.05, describeSchema: true, clientSecret })
  try {
    const gateway = simGateway(sim)
    const connection = { gateway, clientId: sim.clientId, clientSecret } as unknown as Connection
    const imports = createImportService(serviceDeps({ connection, schema: new PoolSchemaService(gateway), dataDir: temp.dir }))
    const path = join(temp.dir, 'people.csv')
    const lines = ['username,email,tier,password', `${sim.userAt(3).username},taken@example.com,premium,Onb0ard!x`]
    for (let i = 0; i < ROWS; i++) lines.push(`new_${i},new_${i}@example.com,${i % 2 ? 'premium' : 'standard'},Onb0ard!${i}`)
    writeFileSync(path, lines.join('\n'))
    const preview = await imports.preview({ path })
    expect(preview.rows[0]).toMatchObject({ action: 'skip', problem: 'exists' })
    expect(preview.creates).toBe(ROWS)

    await imports.start(preview.jobId, { method: 'signup' })
    const end = await imports.settled(preview.jobId)
    expect(end).toMatchObject({ state: 'done', created: ROWS, failed: 0, existed: 0, skipped: 1 })
    expect(sim.stats.throttled).toBeGreaterThan(0)
    const ok = sim.writes.filter((write) => write.operation === 'SignUp' && write.outcome === 'ok').map((write) => write.username)
    expect(ok.sort()).toEqual(Array.from({ length: ROWS }, (_, i) => `new_${i}`).sort())
    const detail = await imports.detail(preview.jobId)
    for (const row of detail.results.filter((result) => result.outcome === 'created')) expect(sim.tierOf(row.username)).toBe(row.tier)
    expect(sim.created().every((user) => user.method === 'signup' && user.status === 'UNCONFIRMED')).toBe(true)
  } finally {
    await sim.stop()
  }
}, 120_000)
