/**
 * One export at a time per data folder, whichever process runs it: a second is refused naming the
 * process that exports; and an export whose process was killed leaves nothing behind once the next
 * export starts (its parts folder beside the target and its record are removed).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { createExportService } from '../../../src/main/export/exportService'
import { serviceDeps } from '../../support/serviceDeps'
import { simGateway, startCognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-export-elsewhere-')
afterAll(() => temp.remove())

const until = (check: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!check()) return
      clearInterval(timer)
      resolve()
    }, 10)
  })

it('refuses a second export while another process exports, and clears up after one that was killed', async () => {
  const sim = await startCognitoSim({ users: 20_000, latencyMs: 40 })
  const exportsDir = join(temp.dir, 'exports')
  const outDir = join(temp.dir, 'out')
  mkdirSync(outDir)
  const script = join(__dirname, '../../support/exportChild.ts')
  let child: ChildProcess | null = spawn(process.execPath, ['--import', 'tsx', script, sim.endpoint, sim.userPoolId, temp.dir, join(outDir, 'first.csv')], {
    stdio: 'inherit'
  })
  const service = createExportService(serviceDeps({ gateway: simGateway(sim, 30), dataDir: temp.dir }), { partitionDigits: 1 })
  try {
    await until(() => readdirSync(outDir).some((name) => name.startsWith('first.csv.tmp-')))
    await expect(service.start({ format: 'csv', target: join(outDir, 'second.csv') })).rejects.toThrow(
      /^An export is running in the other process, process \d+.*Wait for it, or cancel it there\.$/
    )
    child.kill('SIGKILL')
    await new Promise((resolve) => child!.once('exit', resolve))
    child = null
    expect(readdirSync(outDir).filter((name) => name.startsWith('first.csv.tmp-'))).toHaveLength(1)

    await service.start({ format: 'csv', target: join(outDir, 'second.csv') })
    expect(readdirSync(outDir).filter((name) => name.startsWith('first.csv'))).toEqual([])
    expect(readdirSync(exportsDir)).toHaveLength(1)
    await service.cancel()
    expect(existsSync(join(outDir, 'second.csv'))).toBe(false)
  } finally {
    child?.kill('SIGKILL')
    await service.dispose()
    await sim.stop()
  }
}, 120_000)
