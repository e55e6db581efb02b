/**
 * What every service of one open connection is built from: one object, so a new service needs no new
 * wiring and a test builds any service the same way (test/support/serviceDeps.ts).
 */
import type { Connection } from '../cognito/connection'
import type { CognitoGateway } from '../cognito/gateway'
import type { PoolSchemaService } from '../cognito/poolSchema'
import type { JobUpdates } from '../jobs/jobUpdates'

export interface ServiceDeps {
  /** The open connection: its client id and secret (for the operations an app client makes), its audit trail, its sandbox. */
  connection: Connection
  /** The connection's gateway: every request to Cognito goes through it. */
  gateway: CognitoGateway
  /** The pool's description, asked once per connection. */
  schema: PoolSchemaService
  /** The data folder; each service keeps its files in a folder of its own in it. */
  dataDir: string
  /** Where every job's progress goes out. */
  jobUpdates: JobUpdates
  /** Who this process is, named to another process that finds a job or the sandbox held: "the Tier Admin app". */
  processLabel: string
}
