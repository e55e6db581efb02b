/**
 * The network lost mid-import: the simulator drops every connection (the requests in flight among
 * them, whose users it has already created) and comes back. A create whose answer was lost is never
 * sent again blindly: the job stops with that row pending, nothing undone is reported as done, and
 * the resume learns from Cognito's "username taken" that this import created it. Every user is
 * created once (the simulator's request log) and the results match the pool.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { Connection } from '../../../src/main/cognito/connection'
import { createImportService } from '../../../src/main/import/importService'
import { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { simGateway, startCognitoSim, type CognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-import-outage-')
afterAll(() => temp.remove())

const ROWS = 60

it('stops on a lost answer without reporting the row, and resumes to every user created once', async () => {
  let creates = 0
  let dropped = false
  let sim: CognitoSim | null = null
  sim = await startCognitoSim({
    users: 10,
    latencyMs: 20,
    describeSchema: true,
    onRequest: (operation) => {
      if (operation !== 'AdminCreateUser' || dropped || ++creates < 20) return
      dropped = true
      // The request that arrived is answered into a closed socket: created, and its answer lost.
      void sim!.stop().then(() => setTimeout(() => void sim!.restart(), 300))
    }
  })
  try {
    const gateway = simGateway(sim)
    const connection = { gateway, clientId: sim.clientId } as unknown as Connection
    const imports = createImportService(serviceDeps({ connection, schema: new PoolSchemaService(gateway), dataDir: temp.dir }))
    const path = join(temp.dir, 'people.csv')
    writeFileSync(path, ['username,email,tier', ...Array.from({ length: ROWS }, (_, i) => `net_${i},net_${i}@example.com,premium`)].join('\n'))
    const preview = await imports.preview({ path })

    await imports.start(preview.jobId, { method: 'admin-create', invitation: 'suppress' })
    const stopped = await imports.settled(preview.jobId)
    expect(stopped.state).toBe('failed')
    expect(stopped.error?.code).toBe('WRITE_OUTCOME_UNKNOWN')
    expect(stopped.created).toBeLessThan(ROWS)
    const reported = (await imports.detail(preview.jobId)).results.filter((row) => row.outcome === 'created').map((row) => row.username)
    // Nothing reported created that the pool does not hold.
    for (const username of reported) expect(sim.tierOf(username)).toBe('premium')

    await imports.start(preview.jobId)
    const end = await imports.settled(preview.jobId)
    expect(end).toMatchObject({ state: 'done', created: ROWS, failed: 0, existed: 0 })
    const ok = sim.writes.filter((write) => write.operation === 'AdminCreateUser' && write.outcome === 'ok').map((write) => write.username)
    expect(new Set(ok).size).toBe(ok.length)
    expect(
      sim
        .created()
        .map((user) => user.username)
        .sort()
    ).toEqual(Array.from({ length: ROWS }, (_, i) => `net_${i}`).sort())
    const detail = await imports.detail(preview.jobId)
    expect(detail.results.some((row) => row.reason === 'Created by this import before it was interrupted')).toBe(true)
  } finally {
    await sim.stop()
  }
}, 120_000)
