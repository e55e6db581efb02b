/**
 * The app's services wired to the Cognito simulator as the bulk benchmark needs them: a gateway whose
 * limiters hold the quotas the simulator enforces, a connection for the import service (which also
 * needs the app client for SignUp), and the bulk and import services over a jobs folder. Shared by the
 * bench and the child process it kills, so both talk to the pool the same way.
 */
import { join } from 'node:path'
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { AUDIT_FILE, FileAuditLog } from '../../src/main/audit/auditLog'
import { createBulkTierService, type BulkTierService } from '../../src/main/bulk/bulkService'
import type { Connection } from '../../src/main/cognito/connection'
import { CognitoGateway } from '../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../src/main/cognito/quotas'
import { createImportService } from '../../src/main/import/importService'
import type { ImportService } from '../../src/main/import/importTypes'
import type { JobUpdates } from '../../src/main/jobs/jobUpdates'
import { serviceDeps } from '../../test/support/serviceDeps'

/** Requests per second per Cognito quota category, the same for the simulator and the app's limiters. */
export interface BenchQuotas {
  read: number
  update: number
  create: number
}

/** What a process needs to reach the simulator (the simulator itself stays in the bench process). */
export interface SimTarget {
  endpoint: string
  userPoolId: string
  clientId: string
  clientSecret?: string
  quotas: BenchQuotas
}

/** The audit trail is the data folder's file, as in the app: a process killed mid-job leaves it for the one that resumes. */
export function simConnection(target: SimTarget, dataDir: string): Connection {
  // maxAttempts 1 leaves retrying to the gateway, as in the app.
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: target.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1
  })
  const limiters = new QuotaLimiters({ UserRead: target.quotas.read, UserUpdate: target.quotas.update, UserCreation: target.quotas.create })
  const audit = new FileAuditLog(join(dataDir, AUDIT_FILE))
  const gateway = new CognitoGateway({ client, userPoolId: target.userPoolId, limiters, audit })
  return {
    info: {
      mode: 'endpoint',
      label: 'Cognito simulator',
      region: 'us-east-1',
      userPoolId: target.userPoolId,
      clientId: target.clientId,
      hasClientSecret: target.clientSecret !== undefined,
      endpoint: target.endpoint
    },
    gateway,
    clientId: target.clientId,
    ...(target.clientSecret !== undefined ? { clientSecret: target.clientSecret } : {}),
    audit,
    close: async () => client.destroy()
  }
}

export interface BenchServices {
  connection: Connection
  /** Where the services' jobs publish their progress. */
  jobUpdates: JobUpdates
  bulk: BulkTierService
  imports: ImportService
  close(): Promise<void>
}

/** Both job services over one connection and one data folder (their jobs in its jobs/); `close` pauses what runs here and lets go of the client. */
export function benchServices(target: SimTarget, dataDir: string, processLabel = 'the bench'): BenchServices {
  const connection = simConnection(target, dataDir)
  const deps = serviceDeps({ connection, dataDir, processLabel })
  const bulk = createBulkTierService(deps)
  const imports = createImportService(deps)
  return {
    connection,
    jobUpdates: deps.jobUpdates,
    bulk,
    imports,
    close: async () => {
      await Promise.all([bulk.dispose(), imports.dispose()])
      await connection.close()
    }
  }
}
