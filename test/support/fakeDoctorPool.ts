/**
 * A pool as the doctor meets it on real AWS, at the SDK level: cognito-local has no IAM, no STS, no
 * secret-hash check and no refusal of RESEND for a user it lacks, so each answer below is the one
 * Cognito (or STS) documents for that situation. The test states the situation; the fake answers.
 */
import type { SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider'
import type { AuditLog } from '../../src/main/audit/auditLog'
import { CognitoGateway } from '../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../src/main/cognito/quotas'
import type { DoctorTarget } from '../../src/main/doctor/target'
import { secretHash } from '../../src/main/cognito/secretHash'
import { TIER_ATTRIBUTE } from '../../src/shared/tiers'
import { cognitoException, fakeCognitoClient } from './fakeCognitoClient'
import { MemoryAuditLog } from './memoryAuditLog'

export interface PoolSituation {
  /** false: the SDK's credential chain finds nothing (CredentialsProviderError, before any request leaves). */
  credentials?: boolean
  poolExists?: boolean
  clientExists?: boolean
  /** The app client's real secret; undefined: a client without a secret. */
  clientSecret?: string
  /** The secret the app is configured with. */
  configuredSecret?: string
  tier?: Partial<SchemaAttributeType> | null
  readAttributes?: string[]
  writeAttributes?: string[]
  /** IAM actions (without "cognito-idp:") the credentials' policy lacks. */
  denied?: string[]
  mode?: DoctorTarget['mode']
  production?: boolean
  emulator?: boolean
  /** The trail the gateway writes the fix to; a memory one by default. */
  audit?: AuditLog
  /** The profile's role for tier returns, and Scheduler and IAM to check it with (an awsSim's clients). */
  schedulerRoleArn?: string
  aws?: DoctorTarget['aws']
}

export const HEALTHY: Required<Omit<PoolSituation, 'clientSecret' | 'configuredSecret' | 'audit' | 'schedulerRoleArn' | 'aws'>> &
  Pick<PoolSituation, 'clientSecret' | 'configuredSecret'> = {
  credentials: true,
  poolExists: true,
  clientExists: true,
  clientSecret: 's3cret-of-the-client',
  configuredSecret: 's3cret-of-the-client',
  tier: { Name: TIER_ATTRIBUTE, AttributeDataType: 'String', Mutable: true },
  readAttributes: [],
  writeAttributes: [],
  denied: [],
  mode: 'aws',
  production: false,
  emulator: false
}

const POOL = 'eu-west-1_Doctor1'
const CLIENT = 'doctorclient123'
const ARN = 'arn:aws:iam::123456789012:user/operator'

export function fakeDoctorPool(situation: PoolSituation = {}) {
  const s = { ...HEALTHY, ...situation }
  const schema: SchemaAttributeType[] = [{ Name: 'email', AttributeDataType: 'String', Mutable: true }]
  if (s.tier) schema.push(s.tier as SchemaAttributeType)
  const audit = new MemoryAuditLog()

  const { client, sent } = fakeCognitoClient((name, input) => {
    // The SDK resolves credentials before signing, so nothing reaches Cognito without them.
    if (!s.credentials) return cognitoException('CredentialsProviderError', 'Could not load credentials from any providers')
    // IAM is asked before the operation looks at its parameters or the pool's users.
    if (s.denied.includes(name)) {
      return cognitoException(
        'AccessDeniedException',
        `User: ${ARN} is not authorized to perform: cognito-idp:${name} on resource: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL}`
      )
    }
    if (name !== 'ConfirmSignUp' && !s.poolExists) return cognitoException('ResourceNotFoundException', `User pool ${POOL} does not exist.`)
    switch (name) {
      case 'DescribeUserPool':
        return { UserPool: { Id: POOL, Name: 'Doctor pool', SchemaAttributes: schema } }
      case 'ListUserPoolClients':
        return { UserPoolClients: s.clientExists ? [{ ClientId: CLIENT, ClientName: 'tier-admin', UserPoolId: POOL }] : [] }
      case 'DescribeUserPoolClient':
        if (!s.clientExists || input.ClientId !== CLIENT) return cognitoException('ResourceNotFoundException', `User pool client ${CLIENT} does not exist.`)
        return {
          UserPoolClient: {
            ClientId: CLIENT,
            ClientName: 'tier-admin',
            ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            ReadAttributes: s.readAttributes,
            WriteAttributes: s.writeAttributes,
            ...(s.clientSecret ? { ClientSecret: s.clientSecret } : {})
          }
        }
      case 'ConfirmSignUp':
        return confirmSignUp(s, input)
      case 'AddCustomAttributes': {
        const added = (input.CustomAttributes as SchemaAttributeType[]).map((a) => ({ ...a, Name: `custom:${a.Name}` }))
        schema.push(...added)
        s.tier = added.find((a) => a.Name === TIER_ATTRIBUTE) ?? s.tier
        return {}
      }
      case 'ListUsers':
        return { Users: [] }
      case 'ListGroups':
        return { Groups: [] }
      case 'GetUserPoolMfaConfig':
        return { MfaConfiguration: 'OFF' }
      case 'UpdateUserPoolClient':
        return cognitoException('ResourceNotFoundException', `User pool client ${String(input.ClientId)} does not exist.`)
      default:
        // Every Admin… call for a user the pool lacks, write or read, after IAM said yes.
        return cognitoException('UserNotFoundException', 'User does not exist.')
    }
  })

  // STS GetCallerIdentity needs no IAM permission; only missing credentials stop it.
  const callerArn = async (): Promise<string> => {
    if (!s.credentials) throw cognitoException('CredentialsProviderError', 'Could not load credentials from any providers')
    return ARN
  }
  const gateway = new CognitoGateway({
    client,
    userPoolId: POOL,
    limiters: new QuotaLimiters(),
    audit: situation.audit ?? audit,
    identity: async () => (s.mode === 'sandbox' ? { identity: 'sandbox' } : { identity: await callerArn() })
  })
  const target: DoctorTarget = {
    mode: s.mode,
    region: 'eu-west-1',
    userPoolId: POOL,
    clientId: CLIENT,
    clientSecret: s.configuredSecret,
    production: s.production,
    emulator: s.emulator,
    probe: (command) => gateway.probe(command),
    callerArn: s.mode === 'sandbox' || s.emulator ? null : callerArn,
    send: (command, options) => gateway.send(command, options),
    schedulerRoleArn: situation.schedulerRoleArn,
    aws: situation.aws ?? null
  }
  return { target, sent, audit, schema, arn: ARN }
}

/**
 * Cognito checks the SECRET_HASH of a client with a secret before it looks for the user:
 * "Unable to verify secret hash for client …" for a wrong one, "… is configured with secret but
 * SECRET_HASH was not received" for none; then UserNotFoundException for a user it lacks.
 */
function confirmSignUp(s: PoolSituation, input: Record<string, unknown>): Error {
  const sentHash = input.SecretHash as string | undefined
  if (s.clientSecret) {
    if (!sentHash) return cognitoException('NotAuthorizedException', `Client ${CLIENT} is configured with secret but SECRET_HASH was not received`)
    if (sentHash !== secretHash(input.Username as string, CLIENT, s.clientSecret)) {
      return cognitoException('NotAuthorizedException', `Unable to verify secret hash for client ${CLIENT}`)
    }
  }
  return cognitoException('UserNotFoundException', 'Username/client id combination not found.')
}
