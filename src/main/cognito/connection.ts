import { join } from 'node:path'
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'
import type { ConnectionInfo } from '../../shared/domain'
import type { AppConfig, PoolConfig } from '../config/appConfig'
import { openSandbox, SANDBOX_CREDENTIALS, SANDBOX_REGION, type Sandbox } from '../sandbox/sandbox'
import { FileAuditLog } from './audit'
import { CognitoGateway } from './gateway'
import { QuotaLimiters } from './quotas'

/** Everything needed to talk to one pool. The client secret stays here, in the main process. */
export interface Connection {
  info: ConnectionInfo
  gateway: CognitoGateway
  clientId: string
  clientSecret?: string
  sandbox?: Sandbox
  close(): Promise<void>
}

export async function openConnection(config: AppConfig): Promise<Connection> {
  if (config.pool.kind === 'sandbox') return openSandboxConnection(config)
  return openPoolConnection(config, config.pool)
}

async function openSandboxConnection(config: AppConfig): Promise<Connection> {
  const sandbox = await openSandbox(config.dataDir)
  const client = createClient({ region: SANDBOX_REGION, endpoint: sandbox.endpoint, credentials: SANDBOX_CREDENTIALS })
  return {
    info: {
      mode: 'sandbox',
      label: 'Sandbox pool (local emulator: no real users, no emails leave this computer)',
      region: SANDBOX_REGION,
      userPoolId: sandbox.userPoolId,
      clientId: sandbox.clientId,
      hasClientSecret: true,
      endpoint: sandbox.endpoint,
      dataDir: sandbox.dataDir
    },
    gateway: createGateway(client, sandbox.userPoolId, config),
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    sandbox,
    close: async () => {
      client.destroy()
      await sandbox.stop()
    }
  }
}

async function openPoolConnection(config: AppConfig, pool: PoolConfig): Promise<Connection> {
  const client = createClient({ region: pool.region, endpoint: pool.endpoint, credentials: credentialsFor(pool) })
  return {
    info: {
      mode: pool.endpoint ? 'endpoint' : 'aws',
      label: pool.endpoint ? `${pool.userPoolId} at ${pool.endpoint}` : `${pool.userPoolId} in ${pool.region}`,
      region: pool.region,
      userPoolId: pool.userPoolId,
      clientId: pool.clientId,
      hasClientSecret: Boolean(pool.clientSecret),
      ...(pool.endpoint ? { endpoint: pool.endpoint } : {})
    },
    gateway: createGateway(client, pool.userPoolId, config),
    clientId: pool.clientId,
    clientSecret: pool.clientSecret,
    close: async () => client.destroy()
  }
}

function createGateway(client: CognitoIdentityProviderClient, userPoolId: string, config: AppConfig): CognitoGateway {
  return new CognitoGateway({
    client,
    userPoolId,
    limiters: new QuotaLimiters({ UserList: config.listUsersRate }),
    audit: new FileAuditLog(join(config.dataDir, 'audit.jsonl'))
  })
}

/** The gateway owns retries (so throttling also slows the shared limiter); the SDK tries once. */
function createClient(options: { region: string; endpoint?: string; credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider }) {
  return new CognitoIdentityProviderClient({ ...options, maxAttempts: 1 })
}

/**
 * The SDK's default chain (environment, AWS_PROFILE, shared files, SSO, instance roles). An emulator
 * endpoint does not check signatures, so there a missing credential falls back to a placeholder.
 */
function credentialsFor(pool: PoolConfig): AwsCredentialIdentityProvider {
  const chain = fromNodeProviderChain()
  if (!pool.endpoint) return chain
  return async () => {
    try {
      return await chain()
    } catch {
      return { accessKeyId: 'emulator', secretAccessKey: 'emulator' }
    }
  }
}
