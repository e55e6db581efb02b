/**
 * A connection to the Cognito simulator as a profile would open it: this app's client and secret,
 * the real gateway, and an audit trail (in memory, or a file a killed process wrote before).
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import type { ReadableAuditLog } from '../../src/main/audit/auditLog'
import type { Connection } from '../../src/main/cognito/connection'
import { CognitoGateway } from '../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../src/main/cognito/quotas'
import { MemoryAuditLog } from './memoryAuditLog'

export interface SimApp {
  endpoint: string
  userPoolId: string
  clientId: string
  clientSecret?: string
}

export function simConnection<Audit extends ReadableAuditLog = MemoryAuditLog>(sim: SimApp, audit?: Audit): Connection & { audit: Audit } {
  const trail = (audit ?? new MemoryAuditLog()) as Audit
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1
  })
  const gateway = new CognitoGateway({
    client,
    userPoolId: sim.userPoolId,
    limiters: new QuotaLimiters(),
    audit: trail,
    identity: async () => ({ identity: 'emulator' })
  })
  return {
    info: {
      mode: 'endpoint',
      label: 'simulator',
      region: 'us-east-1',
      userPoolId: sim.userPoolId,
      clientId: sim.clientId,
      hasClientSecret: Boolean(sim.clientSecret)
    },
    gateway,
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    emulator: true,
    audit: trail,
    close: async () => client.destroy()
  }
}
