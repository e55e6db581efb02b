/**
 * The one dependencies object every service is built from (src/main/app/deps.ts), for tests and the
 * bench: around a connection (the sandbox's, a fake's), or around a bare gateway pointed at the
 * simulator, which then stands for a connection with a made-up client.
 */
import type { ServiceDeps } from '../../src/main/app/deps'
import type { Connection } from '../../src/main/cognito/connection'
import type { CognitoGateway } from '../../src/main/cognito/gateway'
import { PoolSchemaService } from '../../src/main/cognito/poolSchema'
import { JobUpdates } from '../../src/main/jobs/jobUpdates'
import { MemoryAuditLog } from './memoryAuditLog'

export interface DepsOptions {
  dataDir: string
  /** A connection; or only its gateway (the simulator's). */
  connection?: Connection
  gateway?: CognitoGateway
  processLabel?: string
  /** Shared by services that must hear each other's jobs; a new hub by default. */
  jobUpdates?: JobUpdates
  schema?: PoolSchemaService
}

export function serviceDeps(options: DepsOptions): ServiceDeps {
  const connection = options.connection ?? connectionOf(options.gateway!)
  const gateway = connection.gateway
  return {
    connection,
    gateway,
    schema: options.schema ?? new PoolSchemaService(gateway),
    dataDir: options.dataDir,
    jobUpdates: options.jobUpdates ?? new JobUpdates(),
    processLabel: options.processLabel ?? 'the test'
  }
}

function connectionOf(gateway: CognitoGateway): Connection {
  const { userPoolId } = gateway
  return {
    info: { mode: 'endpoint', label: `${userPoolId} (simulator)`, region: 'us-east-1', userPoolId, clientId: 'sim-client', hasClientSecret: false },
    gateway,
    clientId: 'sim-client',
    audit: new MemoryAuditLog(),
    close: async () => undefined
  }
}
