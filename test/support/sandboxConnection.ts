import { join } from 'node:path'
import { openConnection, type Connection } from '../../src/main/cognito/connection'
import { SANDBOX_OWNER_LOCK } from '../../src/main/sandbox/constants'
import { lockHolder } from '../../src/main/storage/fileLock'
import { PoolSchemaService } from '../../src/main/cognito/poolSchema'
import { makeTempDir } from './tempDir'

/** A real cognito-local sandbox in a temp folder, as the app opens it with no pool configured. */
export async function openTestSandbox(): Promise<{ connection: Connection; schema: PoolSchemaService; dataDir: string; close: () => Promise<void> }> {
  const temp = makeTempDir()
  const connection = await openConnection({ pool: { kind: 'sandbox' }, dataDir: temp.dir, listUsersRate: 30 })
  return {
    connection,
    schema: new PoolSchemaService(connection.gateway),
    dataDir: temp.dir,
    close: async () => {
      await connection.close()
      temp.remove()
    }
  }
}

/** Whether this process runs the connection's sandbox emulator: it holds the sandbox's owner lock (src/main/sandbox/sandbox.ts). */
export function ownsSandbox(connection: Connection): boolean {
  return !!connection.sandbox && lockHolder(join(connection.sandbox.dataDir, SANDBOX_OWNER_LOCK))?.pid === process.pid
}
