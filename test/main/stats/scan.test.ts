/**
 * The scanner end to end: real SDK client and gateway against the Cognito simulator.
 *
 * Real-Cognito behaviour this relies on the simulator for: ListUsers pages of at most 60 with an
 * opaque PaginationToken valid only with the same Filter; `sub ^= "prefix"` returning exactly the
 * users whose sub starts with the prefix (undocumented by AWS, which is why the scanner checks it);
 * TooManyRequestsException as HTTP 400 with `__type` once the ListUsers quota is spent; tokens staying
 * valid across a dropped connection; DescribeUserPool's EstimatedNumberOfUsers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createStatsService, scanStateDir, type ScanTuning, type StatsService } from '../../../src/main/stats/statsService'
import { simGateway, startCognitoSim, type CognitoSim, type CognitoSimOptions } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { progressWatcher, waitUntilStopped } from './helpers'
import { serviceDeps } from '../../support/serviceDeps'
import { JobUpdates } from '../../../src/main/jobs/jobUpdates'

const temp = makeTempDir('tier-admin-scan-')
const sims: CognitoSim[] = []
const services: StatsService[] = []
let folder = 0

async function setup(simOptions: CognitoSimOptions, tuning: ScanTuning = {}, rate = 400, firstLabel?: string) {
  const sim = await startCognitoSim(simOptions)
  sims.push(sim)
  const dataDir = join(temp.dir, `pool-${folder++}`)
  const jobUpdates = new JobUpdates()
  const make = (extra: { processLabel?: string } = {}): StatsService => {
    const service = createStatsService(serviceDeps({ gateway: simGateway(sim, rate), dataDir, jobUpdates, ...extra }), tuning)
    services.push(service)
    return service
  }
  return { sim, stateDir: scanStateDir(dataDir, sim.userPoolId), jobUpdates, make, service: make({ processLabel: firstLabel }) }
}

afterEach(async () => {
  for (const service of services.splice(0)) await service.dispose()
  for (const sim of sims.splice(0)) await sim.stop()
})
afterAll(() => temp.remove())

async function scanToEnd(service: StatsService) {
  await service.start()
  return waitUntilStopped(service)
}

describe('tier statistics scan', () => {
  it('counts every tier, status, enabled flag and week exactly over many pages per partition', async () => {
    const { sim, service } = await setup({ users: 12_000 }, { partitionDigits: 1 })
    const { progress, last } = await scanToEnd(service)
    expect(progress?.error).toBeUndefined()
    expect(progress).toMatchObject({ state: 'done', mode: 'partitioned', partitionsDone: 16, partitionsTotal: 16, users: 12_000 })
    // 16 partitions of ~750 users need ~13 pages each.
    expect(progress!.pages).toBeGreaterThan(16 * 10)
    expect(last?.figures).toEqual(sim.expected)
    expect(progress?.estimate?.premium.share).toBeCloseTo(sim.expected.tiers.premium / 12_000, 10)
    expect(progress?.estimate?.premium.high).toBe(progress?.estimate?.premium.low)
  })

  it('splits a pool large enough to afford it into 16 fine and 15 coarse partitions and still counts exactly', async () => {
    const { sim, service } = await setup({ users: 130_000 }, {}, 2000)
    const { progress, last } = await scanToEnd(service)
    expect(progress).toMatchObject({ state: 'done', mode: 'partitioned', partitionsTotal: 31 })
    // Part-filled last pages: under one a partition, and under 1% of the requests.
    const pages = Math.ceil(130_000 / 60)
    expect(sim.stats.listUsers - sim.stats.throttled).toBeLessThan(pages + 31)
    expect(sim.stats.listUsers - sim.stats.throttled - pages).toBeLessThanOrEqual(0.01 * pages)
    expect(last?.figures).toEqual(sim.expected)
    expect(progress?.estimate?.premium.low).toBe(progress?.estimate?.premium.high)
  })

  it('uses 256 equal partitions when asked to, and still counts exactly', async () => {
    const { sim, service } = await setup({ users: 25_000 }, { partitionDigits: 2 })
    const { progress, last } = await scanToEnd(service)
    expect(progress).toMatchObject({ state: 'done', mode: 'partitioned', partitionsTotal: 256 })
    expect(last?.figures).toEqual(sim.expected)
  })

  it('finishes an empty pool at once with zeros', async () => {
    const { service } = await setup({ users: 0 })
    const { progress, last } = await scanToEnd(service)
    expect(progress?.state).toBe('done')
    expect(last?.figures).toEqual({ total: 0, tiers: { standard: 0, premium: 0, none: 0, invalid: {} }, statuses: {}, enabled: 0, disabled: 0, weekly: [] })
    expect(await service.tierMembers('premium', 0, 10)).toEqual({ members: [], total: 0 })
  })

  it('refuses a second start while one runs, and cancel with nothing running returns null', async () => {
    const { service } = await setup({ users: 3000, latencyMs: 20 }, { partitionDigits: 1 })
    expect(await service.cancel()).toBeNull()
    await service.start()
    await expect(service.start()).rejects.toMatchObject({ code: 'JOB_IN_PROGRESS' })
    const cancelled = await service.cancel()
    expect(cancelled?.state).toBe('cancelled')
  })

  it("holds the pool's scan lock while it runs: a second service on the same folder is refused, naming the holder", async () => {
    const { make } = await setup({ users: 3000, latencyMs: 20 }, { partitionDigits: 1 }, 400, 'the tier-admin CLI (stats)')
    const second = make({ processLabel: 'the Tier Admin app' })
    const first = services[0]
    await first.start()
    await expect(second.start()).rejects.toMatchObject({
      code: 'LOCKED_BY_OTHER_PROCESS',
      message: expect.stringMatching(/already running in the tier-admin CLI \(stats\), process \d+/)
    })
    const end = await waitUntilStopped(first)
    expect(end.progress?.state).toBe('done')
    // Released at the end: the other one may scan now, and sees the first one's result.
    expect((await second.snapshot()).last?.figures.total).toBe(3000)
    await second.start()
    expect((await waitUntilStopped(second)).progress?.state).toBe('done')
  })

  it('resumes a cancelled scan and ends with the same totals as one uninterrupted scan', async () => {
    const watcher = progressWatcher()
    const { sim, make, jobUpdates } = await setup({ users: 12_000, latencyMs: 5 }, { partitionDigits: 1, concurrency: 3 }, 200)
    const first = make()
    jobUpdates.on('stats-scan', (_, progress) => watcher.onProgress(progress))
    await first.start()
    await watcher.when((p) => p.partitionsDone >= 4)
    const cancelled = await first.cancel()
    expect(cancelled?.state).toBe('cancelled')
    expect(cancelled!.partitionsDone).toBeGreaterThanOrEqual(4)
    expect(cancelled!.partitionsDone).toBeLessThan(16)
    // What is kept is exactly the finished partitions' users; the partial ones start over.
    expect(cancelled!.users).toBe(cancelled!.figures.total)

    // A new service on the same folder, as after restarting the app, sees the scan and resumes it.
    const second = make()
    expect((await second.snapshot()).progress).toMatchObject({ state: 'cancelled', partitionsDone: cancelled!.partitionsDone })
    const resumed = await second.start()
    expect(resumed.partitionsDone).toBe(cancelled!.partitionsDone)
    const { progress, last } = await waitUntilStopped(second)
    expect(progress?.state).toBe('done')
    expect(last?.figures).toEqual(sim.expected)
    // Time adds up across the cancel: the cancelled run's time is kept, and the finished scan's
    // duration is that plus the resumed run's, and stays fixed once it finished.
    expect(cancelled!.elapsedMs).toBeGreaterThan(0)
    expect(last!.durationMs).toBeGreaterThan(cancelled!.elapsedMs)
    expect(progress!.elapsedMs).toBe(last!.durationMs)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await second.snapshot()).progress!.elapsedMs).toBe(last!.durationMs)
    const premium = await second.tierMembers('premium', 0, 20_000)
    expect(premium.members).toHaveLength(sim.expected.tiers.premium)
    expect(new Set(premium.members.map((m) => m.username)).size).toBe(sim.expected.tiers.premium)
  })

  it('loses nothing and counts nothing twice through a throttling storm', async () => {
    // The pool allows 15 requests/s in bursts of 2 while the app believes it may send 200/s.
    const { sim, service } = await setup({ users: 3000, quota: 15, burst: 2 }, { partitionDigits: 1, concurrency: 8 }, 200)
    const { progress, last } = await scanToEnd(service)
    expect(progress?.error).toBeUndefined()
    expect(sim.stats.throttled).toBeGreaterThan(5)
    expect(last?.figures).toEqual(sim.expected)
    const all = await service.tierMembers('standard', 0, 5000)
    expect(all.total).toBe(sim.expected.tiers.standard)
    expect(new Set(all.members.map((m) => m.username)).size).toBe(all.total)
  })

  it('rides out the service going away and coming back mid-scan', async () => {
    const holder: { sim?: CognitoSim } = {}
    let bounced = false
    const ctx = await setup(
      {
        users: 6000,
        latencyMs: 5,
        onRequest: (operation, _body, count) => {
          const sim = holder.sim
          if (operation !== 'ListUsers' || bounced || count < 40 || !sim) return
          bounced = true
          void sim.stop().then(() => setTimeout(() => void sim.restart(), 300))
        }
      },
      { partitionDigits: 1, concurrency: 6 }
    )
    holder.sim = ctx.sim
    const { progress, last } = await scanToEnd(ctx.service)
    expect(bounced).toBe(true)
    expect(progress?.error).toBeUndefined()
    expect(last?.figures).toEqual(ctx.sim.expected)
  })

  it.each(['empty', 'error', 'ignored'] as const)('falls back to one sequential pass when sub ^= is %s', async (behaviour) => {
    const { sim, service } = await setup({ users: 2000, subPrefixFilter: behaviour })
    const { progress, last } = await scanToEnd(service)
    expect(progress).toMatchObject({ state: 'done', mode: 'sequential', partitionsTotal: 1 })
    expect(progress?.modeReason).toMatch(behaviour === 'error' ? /rejected/ : behaviour === 'empty' ? /returned nothing/ : /ignored/)
    expect(last?.figures).toEqual(sim.expected)
    expect(last?.mode).toBe('sequential')
  })

  it('records a failure with its error code and resumes after it', async () => {
    let failing = true
    const { sim, service } = await setup(
      {
        users: 3000,
        onRequest: (operation, body) => {
          // A pool id the simulator does not know makes ListUsers fail with ResourceNotFoundException.
          if (failing && operation === 'ListUsers' && typeof body.PaginationToken === 'string') body.UserPoolId = 'gone'
        }
      },
      { partitionDigits: 1, concurrency: 2 }
    )
    const failed = await scanToEnd(service)
    expect(failed.progress?.state).toBe('failed')
    expect(failed.progress?.error?.code).toBe('POOL_NOT_FOUND')
    failing = false
    const { progress, last } = await scanToEnd(service)
    expect(progress?.state).toBe('done')
    expect(last?.figures).toEqual(sim.expected)
  })

  it('keeps the last result on disk and lists members page by page', async () => {
    const { sim, make, service } = await setup({ users: 4000 }, { partitionDigits: 1 })
    await scanToEnd(service)
    const later = make()
    const { last, progress } = await later.snapshot()
    expect(progress).toBeNull()
    expect(last?.figures).toEqual(sim.expected)
    await expect(later.start().then(() => later.cancel())).resolves.toMatchObject({ state: 'cancelled' })

    const invalidTotal = Object.values(sim.expected.tiers.invalid).reduce((a, b) => a + b, 0)
    const first = await later.tierMembers('invalid', 0, 50)
    const second = await later.tierMembers('invalid', 50, 50)
    const rest = await later.tierMembers('invalid', 100, 100_000)
    expect(first.total).toBe(invalidTotal)
    expect(first.members).toHaveLength(50)
    expect(second.members).toHaveLength(50)
    const names = [...first.members, ...second.members, ...rest.members].map((m) => m.username)
    expect(names).toHaveLength(invalidTotal)
    expect(new Set(names).size).toBe(invalidTotal)
    for (const member of [...first.members, ...second.members, ...rest.members]) {
      const user = sim.userAt(Number(member.username.slice(4)))
      expect(member).toEqual({ username: user.username, email: user.email, tierValue: user.tier })
    }
    const none = await later.tierMembers('none', 0, 5)
    expect(none.members.every((m) => m.tierValue === '')).toBe(true)

    expect(await later.csvName({ kind: 'tier', bucket: 'invalid' })).toMatch(/^tier-invalid-users-\d{4}-\d{2}-\d{2}\.csv$/)
    const path = join(temp.dir, 'invalid.csv')
    expect(await later.writeCsv({ kind: 'tier', bucket: 'invalid' }, path)).toEqual({ path, rows: invalidTotal })
    const csv = readFileSync(path, 'utf8')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('username,email,tier')
    expect(lines).toHaveLength(invalidTotal + 1)
    expect(csv).toContain(`,"'=HYPERLINK(""x"")"\r\n`)
    expect(csv).not.toMatch(/,=HYPERLINK/)
    const figures = join(temp.dir, 'figures.csv')
    await later.writeCsv({ kind: 'figures' }, figures)
    expect(readFileSync(figures, 'utf8')).toContain(`total,,${sim.expected.total}\r\n`)
  })

  it('answers NO_SCAN_RESULT for members and CSV before any scan finished', async () => {
    const { service } = await setup({ users: 10 })
    await expect(service.tierMembers('premium', 0, 10)).rejects.toMatchObject({ code: 'NO_SCAN_RESULT' })
    await expect(service.csvName({ kind: 'figures' })).rejects.toMatchObject({ code: 'NO_SCAN_RESULT' })
    await expect(service.writeCsv({ kind: 'figures' }, join(temp.dir, 'none.csv'))).rejects.toMatchObject({ code: 'NO_SCAN_RESULT' })
    expect(existsSync(join(temp.dir, 'none.csv'))).toBe(false)
  })
})
