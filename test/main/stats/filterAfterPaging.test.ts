/**
 * A backend that filters after paging, in the simulator, and the scan on it: the sparse-page guard
 * turns the scan sequential after a few pages, and the counts stay exact.
 */
import { ListUsersCommand, type ListUsersCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, describe, expect, it } from 'vitest'
import { createStatsService } from '../../../src/main/stats/statsService'
import { simGateway, startCognitoSim, type CognitoSim } from '../../support/cognitoSim'
import { makeTempDir } from '../../support/tempDir'
import { serviceDeps } from '../../support/serviceDeps'

const temp = makeTempDir('tier-admin-sparse-')
const sims: CognitoSim[] = []
afterAll(async () => {
  for (const sim of sims) await sim.stop()
  temp.remove()
})

async function sim(users: number): Promise<CognitoSim> {
  const started = await startCognitoSim({ users, filterAfterPaging: true })
  sims.push(started)
  return started
}

describe('a backend that filters after paging', () => {
  it('answers each filtered page from one slice of the unfiltered pool, with a token while the pool goes on', async () => {
    const pool = await sim(300)
    const gateway = simGateway(pool, 1000)
    const pages: number[] = []
    const subs: string[] = []
    let token: string | undefined
    do {
      const page = await gateway.send<ListUsersCommandOutput>(
        new ListUsersCommand({ UserPoolId: pool.userPoolId, Filter: 'sub ^= "a"', Limit: 60, PaginationToken: token })
      )
      pages.push(page.Users?.length ?? 0)
      subs.push(...(page.Users ?? []).map((u) => u.Attributes!.find((a) => a.Name === 'sub')!.Value!))
      token = page.PaginationToken
    } while (token)
    // 300 users in slices of 60: five pages whatever the filter, each holding about 60 / 16 users.
    expect(pages).toHaveLength(5)
    expect(Math.max(...pages)).toBeLessThan(20)
    const expected = Array.from({ length: 300 }, (_, i) => pool.userAt(i).sub).filter((sub) => sub.startsWith('a'))
    expect(subs).toEqual(expected)
  })

  it('is read in one sequential pass once the guard sees the sparse pages, with exact counts', async () => {
    const pool = await sim(3000)
    // At the real quota: a far higher rate would let a busy machine's slow answers, not the pages, decide.
    const service = createStatsService(serviceDeps({ gateway: simGateway(pool, 30), dataDir: temp.dir }), { partitionDigits: 1 })
    const before = pool.stats.listUsers
    await service.start()
    const progress = await service.settled()
    const { last } = await service.snapshot()
    await service.dispose()
    expect(progress).toMatchObject({ state: 'done', mode: 'sequential' })
    expect(progress?.modeReason).toMatch(
      /^This pool's search filter did not narrow the pages well \(they held [\d.]+ users each, where a page holds up to 60\), so the scan reads the pool from start to end/
    )
    expect(last?.figures).toEqual(pool.expected)
    // Partitioned to the end this would be 16 × 50 pages; the sequential pass is 50, plus what it took to decide.
    expect(pool.stats.listUsers - before).toBeLessThan(50 + 40)
  })
})
