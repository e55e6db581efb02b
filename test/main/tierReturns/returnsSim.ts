/** Tier returns against the simulator: the real gateway with its Cognito and Scheduler clients on one endpoint, and a settable clock. */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { SchedulerClient } from '@aws-sdk/client-scheduler'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { TierReturns } from '../../../src/main/tierReturns/tierReturns'
import { startCognitoSim, type CognitoSim, type SimUserSeed } from '../../support/cognitoSim'
import { MemoryAuditLog } from '../../support/memoryAuditLog'

export const ROLE = 'arn:aws:iam::123456789012:role/tier-admin-returns'
export const NOW = new Date('2026-12-05T12:00:00Z')

export interface ReturnsSim {
  sim: CognitoSim
  gateway: CognitoGateway
  schema: PoolSchemaService
  audit: MemoryAuditLog
  returns: TierReturns
  close(): Promise<void>
}

export async function openReturnsSim(users: SimUserSeed[], roleArn: string | null = ROLE): Promise<ReturnsSim> {
  const sim = await startCognitoSim({ detailedUsers: users })
  const settings = { region: 'us-east-1', endpoint: sim.endpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 }
  const client = new CognitoIdentityProviderClient(settings)
  const scheduler = new SchedulerClient(settings)
  const audit = new MemoryAuditLog()
  const gateway = new CognitoGateway({ client, scheduler, userPoolId: sim.userPoolId, limiters: new QuotaLimiters(), audit })
  return {
    sim,
    gateway,
    schema: new PoolSchemaService(gateway),
    audit,
    returns: new TierReturns(gateway, roleArn ?? undefined, () => NOW),
    close: async () => {
      client.destroy()
      scheduler.destroy()
      await sim.stop()
    }
  }
}

export const user = (username: string, tier: string): SimUserSeed => ({ username, attributes: { email: `${username}@example.com`, 'custom:user_tier': tier } })
