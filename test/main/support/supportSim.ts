/**
 * The support desk's services against the simulator's detailed pool: one gateway whose audit trail is
 * also the connection's (so the verdict reads the temporary passwords this desk set), the services'
 * dependencies, and what was written.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import type { ServiceDeps } from '../../../src/main/app/deps'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { startCognitoSim, type CognitoSim, type SimPoolSettings, type SimUserSeed } from '../../support/cognitoSim'
import { MemoryAuditLog } from '../../support/memoryAuditLog'
import { serviceDeps } from '../../support/serviceDeps'
import { makeTempDir } from '../../support/tempDir'

export interface SupportSim {
  sim: CognitoSim
  deps: ServiceDeps
  audit: MemoryAuditLog
  /** Intent lines written so far: a refused request must add none. */
  intents: () => number
  close: () => Promise<void>
}

export async function openSupportSim(users: SimUserSeed[], pool: SimPoolSettings = {}): Promise<SupportSim> {
  const sim = await startCognitoSim({ detailedUsers: users, pool })
  const temp = makeTempDir('tier-admin-support-')
  const audit = new MemoryAuditLog()
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1
  })
  const gateway = new CognitoGateway({ client, userPoolId: sim.userPoolId, limiters: new QuotaLimiters(), audit })
  const deps = serviceDeps({ dataDir: temp.dir, gateway })
  deps.connection.audit = audit
  return {
    sim,
    deps,
    audit,
    intents: () => audit.entries.filter((entry) => entry.phase === 'intent').length,
    close: async () => {
      await sim.stop()
      temp.remove()
    }
  }
}
