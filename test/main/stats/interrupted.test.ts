/**
 * A scan whose process is killed (kill -9) mid-scan: the next process finds it interrupted, not
 * "cancelled", with the partitions finished before the kill and the time counted up to the last one;
 * resuming it reads only the rest and counts exactly.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { watchJobRecord } from '../../../src/main/jobs/recordWatcher'
import { createStatsService, scanStateDir } from '../../../src/main/stats/statsService'
import { simGateway, startCognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-interrupted-')
afterAll(() => temp.remove())

const doneCount = (stateDir: string): number => {
  try {
    return readdirSync(join(stateDir, 'scan', 'done')).filter((name) => name.endsWith('.json')).length
  } catch {
    return 0
  }
}

it('finds a scan killed mid-way interrupted and resumes it from its finished partitions', async () => {
  const sim = await startCognitoSim({ users: 6000, latencyMs: 20 })
  const dataDir = join(temp.dir, 'pool')
  const stateDir = scanStateDir(dataDir, sim.userPoolId)
  mkdirSync(stateDir, { recursive: true, mode: 0o700 })
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../support/scanChild.ts'), sim.endpoint, sim.userPoolId, dataDir], {
    stdio: 'inherit'
  })
  try {
    // Woken by each checkpoint the child saves, until three partitions are finished.
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`The scanning process ended early (${code})`)))
      const unwatch = watchJobRecord(
        stateDir,
        () => {
          if (doneCount(stateDir) < 3) return
          unwatch()
          resolve()
        },
        10
      )
    })
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))

    const service = createStatsService(serviceDeps({ gateway: simGateway(sim, 200), dataDir }), { partitionDigits: 1, concurrency: 4 })
    const found = (await service.snapshot()).progress!
    expect(found.state).toBe('interrupted')
    expect(found.partitionsDone).toBeGreaterThanOrEqual(3)
    expect(found.partitionsDone).toBeLessThan(16)
    expect(found.elapsedMs).toBeGreaterThan(0)
    const requestsBefore = sim.stats.requests
    await service.start()
    const end = await service.settled()
    expect(end).toMatchObject({ state: 'done', mode: 'partitioned', partitionsDone: 16 })
    expect(end!.elapsedMs).toBeGreaterThanOrEqual(found.elapsedMs)
    expect((await service.snapshot()).last?.figures).toEqual(sim.expected)
    // Only the unfinished partitions were read again (plus the filter check's few requests).
    expect(sim.stats.requests - requestsBefore).toBeLessThan(Math.ceil(6000 / 60) + 16 + 10)
    await service.dispose()
  } finally {
    child.kill('SIGKILL')
    await sim.stop()
  }
})
