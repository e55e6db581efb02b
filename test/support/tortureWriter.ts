/**
 * A child process for the kill-9 torture test: opens the sandbox of a data folder as its owner and
 * registers users without pause, several in flight at once, printing `ACK <username>` on stdout only
 * once the registration was answered (the emulator answers a write only once it is on disk). Pipes
 * are written synchronously on POSIX, so a line the parent read was acknowledged before the kill.
 *
 * Usage: node --import tsx test/support/tortureWriter.ts <dataDir> <usernamePrefix> [inFlight]
 */
import '../../src/main/quietSdkNotices'
import { openConnection } from '../../src/main/cognito/connection'
import { PoolSchemaService } from '../../src/main/cognito/poolSchema'
import { registerUser } from '../../src/main/registration/registration'
import { ownsSandbox } from './sandboxConnection'

async function main(): Promise<void> {
  const [dataDir, prefix, inFlightArg] = process.argv.slice(2)
  if (!dataDir || !prefix) throw new Error('Usage: tortureWriter.ts <dataDir> <usernamePrefix> [inFlight]')
  const inFlight = Number(inFlightArg ?? 4)
  const connection = await openConnection({ pool: { kind: 'sandbox' }, dataDir, listUsersRate: 30 }, { processLabel: 'the torture writer' })
  if (!ownsSandbox(connection)) throw new Error('The torture writer must own the sandbox')
  const schema = new PoolSchemaService(connection.gateway)
  await schema.describe()
  process.stdout.write('READY\n')
  let next = 0
  const worker = async (): Promise<void> => {
    for (;;) {
      const username = `${prefix}_${next++}`
      try {
        await registerUser(connection, schema, { username, email: `${username}@example.com`, password: 'Secure#Pass123', tier: 'premium' })
        process.stdout.write(`ACK ${username}\n`)
      } catch (error) {
        process.stderr.write(`FAILED ${username}: ${(error as Error).message}\n`)
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
}

main().catch((error: unknown) => {
  process.stderr.write(`tortureWriter: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
