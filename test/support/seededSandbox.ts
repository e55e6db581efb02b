import { join } from 'node:path'
import { openConnection } from '../../src/main/cognito/connection'
import { seedSandboxUsers } from './seedSandbox'

/**
 * Creates the sandbox in a data folder (the emulator provisions its pool), stops it, and writes
 * `count` users straight into its database. Returns the pool and the exact figures to expect.
 */
export async function createSeededSandbox(
  dataDir: string,
  count: number
): Promise<{ userPoolId: string; dbFile: string; expected: ReturnType<typeof seedSandboxUsers> }> {
  const connection = await openConnection({ pool: { kind: 'sandbox' }, dataDir, listUsersRate: 30 }, { processLabel: 'the test (seeding)' })
  const userPoolId = connection.info.userPoolId
  await connection.close()
  const sandboxDir = join(dataDir, 'sandbox')
  const expected = seedSandboxUsers(sandboxDir, userPoolId, count)
  return { userPoolId, dbFile: join(sandboxDir, 'db', `${userPoolId}.json`), expected }
}
