/**
 * The Cognito simulator, plus the client wiring its tests share. Two kinds of pool: synthetic users by
 * the million for scan tests and the benchmark (`users`), or a detailed pool (`detailedUsers`, with
 * `pool`, `clients` and `groups`) whose users, app clients and settings carry Cognito's full state for
 * the support desk and tier-integrity tests, read back through `sim.detailed`.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { MemoryAuditLog } from '../memoryAuditLog'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'

export { startCognitoSim, type CognitoSim, type CognitoSimOptions } from './server'
export { expectedFigures, INVALID_TIERS, makeUser, weekOf, type SimUser } from './users'
export type { CreatedUser, WriteLogEntry } from './writes'
export { identitiesOf, SIM_PASSWORD } from './detailed/seeds'
export { failureOf, outcomeOf, simSdkClient } from './sdkClient'
export type {
  SimAuthEventSeed,
  SimClientSeed,
  SimCustomAttribute,
  SimDeviceSeed,
  SimGroupSeed,
  SimMfaMethod,
  SimPoolSettings,
  SimUserSeed,
  SimUserStatus
} from './detailed/seeds'
export type { SimPoolView, SimUserState } from './detailed/queries'
export type { SimMessage } from './detailed/context'

/**
 * The real SDK client and gateway pointed at a simulator. maxAttempts 1 leaves retrying to the
 * gateway, as in the app; the SDK's default agent (keep-alive, 50 sockets) covers the scan's concurrency.
 */
export function simGateway(sim: { endpoint: string; userPoolId: string }, rate = 30): CognitoGateway {
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1
  })
  return new CognitoGateway({ client, userPoolId: sim.userPoolId, limiters: new QuotaLimiters({ UserList: rate }), audit: new MemoryAuditLog() })
}
