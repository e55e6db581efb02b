/**
 * The full export end to end: real SDK client, gateway and job engine against the Cognito simulator.
 * Every user must land in the file exactly once, whichever way the pool was read, and a cancelled
 * export must leave the chosen file as it was, with nothing of its own left beside it.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createExportService, type ExportService } from '../../../src/main/export/exportService'
import type { ExportProgress } from '../../../src/shared/jobProgress'
import { simGateway, startCognitoSim, type CognitoSim, type CognitoSimOptions } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-export-')
const sims: CognitoSim[] = []
const services: ExportService[] = []
let folder = 0

async function setup(simOptions: CognitoSimOptions, rate = 400) {
  const sim = await startCognitoSim(simOptions)
  sims.push(sim)
  const gateway = simGateway(sim, rate)
  const dir = join(temp.dir, `case-${folder++}`)
  await mkdir(join(dir, 'out'), { recursive: true })
  const deps = serviceDeps({ gateway, dataDir: dir })
  const service = createExportService(deps, { partitionDigits: 1 })
  services.push(service)
  const updates: ExportProgress[] = []
  deps.jobUpdates.on('export', (_id, progress) => updates.push(progress))
  return { sim, service, updates, jobUpdates: deps.jobUpdates, outDir: join(dir, 'out') }
}

afterEach(async () => {
  for (const service of services.splice(0)) await service.dispose()
  for (const sim of sims.splice(0)) await sim.stop()
})
afterAll(() => temp.remove())

const usernamesOf = (sim: CognitoSim, count: number): string[] => Array.from({ length: count }, (_, i) => sim.userAt(i).username).sort()

describe('full export', () => {
  it('writes every user exactly once as CSV, privately, with formula cells neutralised', async () => {
    const { sim, service, updates, outDir } = await setup({ users: 3_000 })
    const path = join(outDir, 'users.csv')
    await service.start({ format: 'csv', target: path })
    const end = await service.settled()
    expect(end).toMatchObject({ state: 'done', users: 3_000, path, format: 'csv' })
    expect(end?.modeReason).toBeUndefined()
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe('username,sub,email,email_verified,status,enabled,created,modified,tier,other_attributes')
    expect(lines).toHaveLength(3_001)
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort()
    ).toEqual(usernamesOf(sim, 3_000))
    const text = lines.join('\n')
    expect(text).toContain(`"'=HYPERLINK(""x"")"`)
    expect(text).not.toMatch(/,"?=HYPERLINK/)
    // Only the file itself is left in the folder: no part files, no temporary copy.
    expect(readdirSync(outDir)).toEqual(['users.csv'])
    expect(updates.some((p) => p.state === 'running' && p.users > 0)).toBe(true)
    expect(updates.at(-1)?.state).toBe('done')
  })

  it('writes JSON lines that parse, with each user as the pool holds them', async () => {
    const { sim, service, outDir } = await setup({ users: 1_500 })
    const path = join(outDir, 'users.jsonl')
    await service.start({ format: 'jsonl', target: path })
    expect(await service.settled()).toMatchObject({ state: 'done', users: 1_500 })
    const rows = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(rows.map((row) => row.username).sort()).toEqual(usernamesOf(sim, 1_500))
    const user = sim.userAt(7)
    expect(rows.find((row) => row.username === user.username)).toEqual({
      username: user.username,
      sub: user.sub,
      email: user.email,
      email_verified: user.email === null ? null : true,
      status: user.status,
      enabled: user.enabled,
      created: new Date(user.createdAt * 1000).toISOString(),
      modified: new Date(user.createdAt * 1000).toISOString(),
      tier: user.tier ?? null,
      attributes: {}
    })
  })

  it('reads the pool in one sequential pass when the sub filter is not honoured, still every user once', async () => {
    const { sim, service, outDir } = await setup({ users: 800, subPrefixFilter: 'ignored' })
    const path = join(outDir, 'users.csv')
    await service.start({ format: 'csv', target: path })
    const end = await service.settled()
    expect(end).toMatchObject({ state: 'done', users: 800 })
    expect(end?.modeReason).toBeTruthy()
    const names = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0])
    expect(names.sort()).toEqual(usernamesOf(sim, 800))
  })

  it('leaves the chosen file as it was when cancelled, with nothing of its own beside it', async () => {
    const { service, updates, jobUpdates, outDir } = await setup({ users: 6_000, latencyMs: 20 }, 20)
    const path = join(outDir, 'users.csv')
    writeFileSync(path, 'the previous export\n')
    await service.start({ format: 'csv', target: path })
    await new Promise<void>((resolve) => jobUpdates.on('export', (_id, p) => p.users > 0 && resolve()))
    const end = await service.cancel()
    expect(end?.state).toBe('cancelled')
    expect(end!.users).toBeLessThan(6_000)
    expect(readFileSync(path, 'utf8')).toBe('the previous export\n')
    expect(readdirSync(outDir)).toEqual(['users.csv'])
    expect(updates.at(-1)?.state).toBe('cancelled')
    // A second export may start once the first has stopped; a cancelled one writes no file of its own.
    const other = join(outDir, 'other.csv')
    await service.start({ format: 'csv', target: other })
    await service.cancel()
    expect(existsSync(other)).toBe(false)
  })

  it('refuses a second export while one runs', async () => {
    const { service, outDir } = await setup({ users: 3_000, latencyMs: 20 }, 20)
    await service.start({ format: 'csv', target: join(outDir, 'a.csv') })
    await expect(service.start({ format: 'csv', target: join(outDir, 'b.csv') })).rejects.toMatchObject({ code: 'JOB_IN_PROGRESS' })
    await service.cancel()
  })
})
