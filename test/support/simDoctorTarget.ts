/**
 * The doctor's target on the Cognito simulator: the real gateway (audited to memory) against a
 * detailed pool, as on an endpoint marked emulator (no STS, no IAM probes), with the app's client and
 * secret as a profile would configure them.
 */
import type { CognitoSim } from './cognitoSim'
import type { DoctorTarget } from '../../src/main/doctor/target'
import { MemoryAuditLog } from './memoryAuditLog'
import { CognitoGateway } from '../../src/main/cognito/gateway'
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { QuotaLimiters } from '../../src/main/cognito/quotas'

export function simDoctorTarget(sim: CognitoSim, app: { clientId: string; clientSecret?: string; production: boolean }) {
  const audit = new MemoryAuditLog()
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
    audit,
    identity: async () => ({ identity: 'emulator' })
  })
  const target: DoctorTarget = {
    mode: 'endpoint',
    region: 'us-east-1',
    userPoolId: sim.userPoolId,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    production: app.production,
    emulator: true,
    probe: (command) => gateway.probe(command),
    callerArn: null,
    send: (command, options) => gateway.send(command, options),
    aws: null
  }
  return { target, audit, gateway }
}
