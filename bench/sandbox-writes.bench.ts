/**
 * Acknowledged writes per second of the sandbox's store on a pool of N users, next to cognito-local's
 * own store (StormDB, which rewrites the file in place without fsync and can leave it torn) in the
 * same run. Each write is one user saved, as SignUp or AdminUpdateUserAttributes do; C are in flight
 * at once, as when several windows or CLI runs write together.
 *
 *   npx tsx bench/sandbox-writes.bench.ts --users 20000 --writes 200 --concurrency 1,8
 */
import { benchFailed } from './support/benchName'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb'
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory'
import { DurableDataStoreFactory } from '../src/main/sandbox/durableStore'
import { makeTempDir } from '../test/support/tempDir'

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const users = Number(arg('users', '20000'))
const writes = Number(arg('writes', '200'))
const concurrencies = arg('concurrency', '1,8').split(',').map(Number)
const quiet = { logger: { debug: () => undefined } } as never

function user(name: string) {
  const now = new Date()
  return {
    Username: name,
    Attributes: [
      { Name: 'sub', Value: randomUUID() },
      { Name: 'email', Value: `${name}@example.com` },
      { Name: 'custom:user_tier', Value: 'standard' }
    ],
    Enabled: true,
    UserStatus: 'CONFIRMED',
    UserCreateDate: now,
    UserLastModifiedDate: now,
    RefreshTokens: []
  }
}

async function measure(factory: (dir: string) => DataStoreFactory, concurrency: number): Promise<number> {
  const temp = makeTempDir('tier-admin-bench-store-')
  try {
    const seed: Record<string, unknown> = {}
    for (let i = 0; i < users; i++) seed[`seed_${i}`] = user(`seed_${i}`)
    const store = await factory(join(temp.dir, 'db')).create(quiet, 'us-east-1_bench', { Users: seed, Options: { Id: 'us-east-1_bench' } })
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < writes) {
          const name = `new_${next++}`
          await store.set(quiet, ['Users', name], user(name))
        }
      })
    )
    return writes / ((performance.now() - started) / 1000)
  } finally {
    temp.remove()
  }
}

async function main(): Promise<void> {
  console.log(`Sandbox store: ${writes} acknowledged user writes on a pool of ${users.toLocaleString()} users`)
  console.log('| in flight | crash-safe store (writes/s) | cognito-local StormDB (writes/s) | ratio |')
  console.log('| --- | --- | --- | --- |')
  for (const concurrency of concurrencies) {
    const durable = await measure((dir) => new DurableDataStoreFactory(dir), concurrency)
    const storm = await measure((dir) => new StormDBDataStoreFactory(dir), concurrency)
    console.log(`| ${concurrency} | ${durable.toFixed(1)} | ${storm.toFixed(1)} | ${(durable / storm).toFixed(2)}× |`)
  }
}

main().catch(benchFailed)
