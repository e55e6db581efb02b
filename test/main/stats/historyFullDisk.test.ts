/**
 * A disk that fills up just as a scan finishes: the history line cannot be written whole. Nothing of
 * it stays, the scan fails with the disk's error and keeps its finished partitions, and once there is
 * room, finishing it again writes both the history line and the result, reading no partition again. Real
 * files and the Cognito simulator; only writes to history.jsonl are cut short (node:fs/promises, mocked).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { HISTORY_FILE } from '../../../src/main/stats/scanHistory'
import { createStatsService, scanStateDir } from '../../../src/main/stats/statsService'
import { JobUpdates } from '../../../src/main/jobs/jobUpdates'
import { simGateway, startCognitoSim } from '../../support/cognitoSim'
import { serviceDeps } from '../../support/serviceDeps'
import { makeTempDir } from '../../support/tempDir'
import { waitUntilStopped } from './helpers'

/** While full, a write to the history takes only part of its bytes, with no error (as a full disk can answer). */
const disk = vi.hoisted(() => ({ full: false }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args)
    if (!String(args[0]).endsWith('history.jsonl')) return handle
    const write = async (buffer: Buffer, offset = 0, length = buffer.length - offset) =>
      handle.write(buffer, offset, disk.full ? Math.floor(length / 2) : length)
    return new Proxy(handle, {
      get: (target, name) =>
        name === 'write' ? write : ((value: unknown) => (typeof value === 'function' ? value.bind(target) : value))(Reflect.get(target, name))
    })
  }
  return { ...real, open, default: { ...real, open } }
})

const temp = makeTempDir('tier-admin-history-disk-')
afterAll(() => temp.remove())

describe('the scan history on a full disk', () => {
  it('fails the scan with nothing torn left, keeps its partitions, and writes both once there is room', async () => {
    const sim = await startCognitoSim({ users: 600 })
    const service = createStatsService(serviceDeps({ gateway: simGateway(sim, 400), dataDir: temp.dir, jobUpdates: new JobUpdates() }), { partitionDigits: 1 })
    const history = join(scanStateDir(temp.dir, sim.userPoolId), HISTORY_FILE)
    try {
      disk.full = true
      await service.start()
      const failed = await waitUntilStopped(service)
      expect(failed.progress).toMatchObject({ state: 'failed', partitionsDone: 16 })
      expect(failed.progress?.error?.message).toMatch(/room|space|full/i)
      expect(failed.last).toBeNull()
      expect(existsSync(history) ? readFileSync(history, 'utf8') : '').toBe('')

      disk.full = false
      const pagesBefore = sim.stats.listUsers
      await service.start()
      const done = await waitUntilStopped(service)
      expect(done.progress?.state).toBe('done')
      // Fewer pages than partitions: none of the 16 finished partitions was read again (only the start's checks).
      expect(sim.stats.listUsers - pagesBefore).toBeLessThan(16)
      expect(done.last?.figures.total).toBe(600)
      expect((await service.history()).scans.map((scan) => scan.total)).toEqual([600])
      expect(readFileSync(history, 'utf8').split('\n')).toHaveLength(2)
    } finally {
      await service.dispose()
      await sim.stop()
    }
  })
})
