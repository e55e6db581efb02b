/**
 * Exact tier statistics against a real cognito-local holding a few thousand users with every kind of
 * tier value (standard, premium, missing, invalid). cognito-local answers every ListUsers in one page
 * and never throttles, so pagination and throttling are tested against the simulator (test/main/stats).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openConnection, type Connection } from '../../../src/main/cognito/connection'
import { createStatsService, type StatsService } from '../../../src/main/stats/statsService'
import { seedSandboxUsers } from '../../support/seedSandbox'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-stats-')
const config = { pool: { kind: 'sandbox' as const }, dataDir: temp.dir, listUsersRate: 30 }
let connection: Connection
let stats: StatsService
let expected: ReturnType<typeof seedSandboxUsers>

async function waitUntilFinished(service: StatsService) {
  await service.settled()
  return service.snapshot()
}

beforeAll(async () => {
  const first = await openConnection(config)
  const userPoolId = first.info.userPoolId
  await first.close()
  expected = seedSandboxUsers(join(temp.dir, 'sandbox'), userPoolId, 3000)
  connection = await openConnection(config)
  stats = createStatsService(serviceDeps({ connection, dataDir: temp.dir }))
})

afterAll(async () => {
  await stats?.dispose()
  await connection?.close()
  temp.remove()
})

describe('tier statistics on cognito-local', () => {
  it('counts every tier value, status and enabled flag exactly', async () => {
    await stats.start()
    const { last, progress } = await waitUntilFinished(stats)
    expect(progress?.error).toBeUndefined()
    expect(last).not.toBeNull()
    const figures = last!.figures
    expect(figures.total).toBe(expected.total)
    expect(figures.tiers).toEqual(expected.tiers)
    expect(figures.statuses).toEqual(expected.statuses)
    expect(figures.enabled).toBe(expected.enabled)
    expect(figures.disabled).toBe(expected.disabled)
    const weeklyTotal = figures.weekly.reduce((sum, week) => sum + week.standard + week.premium + week.none + week.invalid, 0)
    expect(weeklyTotal).toBe(expected.total)
  })

  it('lists the users of a tier from what the scan saw', async () => {
    const page = await stats.tierMembers('invalid', 0, 5000)
    const invalidTotal = Object.values(expected.tiers.invalid).reduce((a, b) => a + b, 0)
    expect(page.total).toBe(invalidTotal)
    expect(new Set(page.members.map((m) => m.tierValue))).toEqual(new Set(Object.keys(expected.tiers.invalid)))
    const none = await stats.tierMembers('none', 0, 10)
    expect(none.total).toBe(expected.tiers.none)
    expect(none.members).toHaveLength(10)
    expect(none.members.every((m) => m.tierValue === '')).toBe(true)
  })

  it('keeps the finished result for the next session', async () => {
    const again = createStatsService(serviceDeps({ connection, dataDir: temp.dir }))
    const { last } = await again.snapshot()
    expect(last?.figures.total).toBe(expected.total)
    await again.dispose()
  })
})
