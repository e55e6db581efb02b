import { Agent } from 'node:http'
import { join } from 'node:path'
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { SchedulerClient } from '@aws-sdk/client-scheduler'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'
import type { ConnectionInfo } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { AppConfig, PoolConfig } from '../config/appConfig'
import { SANDBOX_CREDENTIAL_HEADER, SANDBOX_REGION, SANDBOX_SCHEDULER_ROLE_ARN, SANDBOX_SIGNING_KEYS } from '../sandbox/constants'
import type { Sandbox } from '../sandbox/sandbox'
import { AUDIT_FILE, FileAuditLog, type ReadableAuditLog } from '../audit/auditLog'
import { CognitoGateway } from './gateway'
import { cachedIdentity, emulatorIdentity, sandboxIdentity, stsIdentity, type IdentityResolver } from './identity'
import { QuotaLimiters } from './quotas'

/** Everything needed to talk to one pool. The client secret stays here, in the main process. */
export interface Connection {
  /** Read afresh each time: the sandbox's endpoint moves when another process takes it over. */
  readonly info: ConnectionInfo
  gateway: CognitoGateway
  clientId: string
  clientSecret?: string
  /** A configured endpoint marked emulator: no STS, no IAM, and no promise that it checks what Cognito checks. */
  emulator?: boolean
  sandbox?: Sandbox
  /** The audit trail the gateway writes, for reading a user's history back. */
  audit: ReadableAuditLog
  /** The role EventBridge Scheduler assumes for tier returns (the profile's schedulerRoleArn); absent: returns are off. */
  schedulerRoleArn?: string
  close(): Promise<void>
}

export interface ConnectionOptions {
  /** Who this process is, named to other processes of the app that find the sandbox or a scan held. */
  processLabel: string
}

export async function openConnection(config: AppConfig, options: ConnectionOptions = { processLabel: 'Tier Admin' }): Promise<Connection> {
  if (config.pool.kind === 'sandbox') return openSandboxConnection(config, options)
  return openPoolConnection(config, config.pool)
}

async function openSandboxConnection(config: AppConfig, options: ConnectionOptions): Promise<Connection> {
  // Loaded here, not at start: only the sandbox needs cognito-local.
  const { openSandbox } = await import('../sandbox/sandbox')
  const sandbox = await openSandbox(config.dataDir, { processLabel: options.processLabel })
  const audit = auditLogOf(config)
  const settings = {
    region: SANDBOX_REGION,
    endpoint: async () => ({ url: new URL(sandbox.endpoint()) }),
    credentials: SANDBOX_SIGNING_KEYS,
    maxAttempts: 1,
    // A fresh connection per request: when the emulator's owner stops, the next request is refused
    // (never delivered, safe to resend elsewhere) instead of dying on a reused socket after it was sent.
    requestHandler: { httpAgent: new Agent({ keepAlive: false }) }
  }
  // The sandbox serves EventBridge Scheduler's API on the same endpoint (its schedule store, see sandbox/scheduler).
  const client = new CognitoIdentityProviderClient(settings)
  const scheduler = new SchedulerClient(settings)
  for (const stack of [client.middlewareStack, scheduler.middlewareStack] as (typeof client.middlewareStack)[]) {
    stack.add(
      (next) => async (args) => {
        ;(args.request as { headers: Record<string, string> }).headers[SANDBOX_CREDENTIAL_HEADER] = sandbox.credential()
        return next(args)
      },
      { step: 'build', name: 'sandboxCredential' }
    )
  }
  return {
    get info(): ConnectionInfo {
      return {
        mode: 'sandbox',
        label: 'Sandbox pool (local emulator: no real users, no emails leave this computer)',
        region: SANDBOX_REGION,
        userPoolId: sandbox.userPoolId,
        clientId: sandbox.clientId,
        hasClientSecret: true,
        endpoint: sandbox.endpoint(),
        dataDir: sandbox.dataDir
      }
    },
    gateway: createGateway({ client, scheduler }, sandbox.userPoolId, audit, config, sandboxIdentity, (error) => sandbox.reconnect(error)),
    audit,
    schedulerRoleArn: SANDBOX_SCHEDULER_ROLE_ARN,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    sandbox,
    close: async () => {
      client.destroy()
      scheduler.destroy()
      await sandbox.stop()
    }
  }
}

async function openPoolConnection(config: AppConfig, pool: PoolConfig): Promise<Connection> {
  const credentials = credentialsFor(pool)
  const client = new CognitoIdentityProviderClient({ region: pool.region, endpoint: pool.endpoint, credentials, maxAttempts: 1 })
  // An emulator serves both APIs on its one endpoint; a Cognito VPC endpoint serves only Cognito, so Scheduler goes to its regional endpoint.
  const scheduler = new SchedulerClient({ region: pool.region, endpoint: pool.emulator ? pool.endpoint : undefined, credentials, maxAttempts: 1 })
  // An emulator has no AWS identity behind it; a VPC endpoint of real Cognito serves no STS, so the regional STS is asked.
  const identity = pool.emulator ? emulatorIdentity : cachedIdentity(stsIdentity({ region: pool.region, credentials }))
  const audit = auditLogOf(config)
  const info: ConnectionInfo = {
    mode: pool.endpoint ? 'endpoint' : 'aws',
    label: pool.endpoint ? `${pool.userPoolId} at ${pool.endpoint}` : `${pool.userPoolId} in ${pool.region}`,
    region: pool.region,
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    hasClientSecret: Boolean(pool.clientSecret),
    ...(pool.endpoint ? { endpoint: pool.endpoint } : {})
  }
  return {
    info,
    gateway: createGateway({ client, scheduler }, pool.userPoolId, audit, config, identity),
    audit,
    ...(pool.schedulerRoleArn ? { schedulerRoleArn: pool.schedulerRoleArn } : {}),
    clientId: pool.clientId,
    clientSecret: pool.clientSecret,
    emulator: Boolean(pool.emulator),
    close: async () => {
      client.destroy()
      scheduler.destroy()
    }
  }
}

/** The gateway owns retries (so throttling also slows the shared limiter); the SDK clients try once. */
function createGateway(
  { client, scheduler }: { client: CognitoIdentityProviderClient; scheduler: SchedulerClient },
  userPoolId: string,
  audit: FileAuditLog,
  config: AppConfig,
  identity: IdentityResolver,
  reconnect?: (error: unknown) => Promise<boolean>
): CognitoGateway {
  return new CognitoGateway({ client, scheduler, userPoolId, limiters: new QuotaLimiters({ UserList: config.listUsersRate }), audit, identity, reconnect })
}

const auditLogOf = (config: AppConfig): FileAuditLog => new FileAuditLog(join(config.dataDir, AUDIT_FILE))

/**
 * The profile's credential source (the SDK's default chain unless it names a shared-file profile or
 * only the environment), loaded on the first request rather than at start: a CLI command that fails on
 * its input never needs it. Only an endpoint marked emulator, which checks no signature, turns missing
 * credentials into placeholder keys; anywhere else the operator must learn that none were found.
 */
function credentialsFor(pool: PoolConfig): AwsCredentialIdentityProvider {
  const source = pool.credentialSource ?? { kind: 'default' }
  let provider: Promise<AwsCredentialIdentityProvider> | null = null
  const resolve = async (): Promise<AwsCredentialIdentity> => {
    provider ??= import('@aws-sdk/credential-providers').then(({ fromEnv, fromNodeProviderChain }) =>
      source.kind === 'environment' ? fromEnv() : fromNodeProviderChain(source.kind === 'profile' ? { profile: source.profile } : {})
    )
    try {
      return await (
        await provider
      )()
    } catch (error) {
      throw explainCredentialFailure(error, source.kind === 'profile' ? source.profile : undefined)
    }
  }
  if (!pool.emulator) return resolve
  return async () => {
    try {
      return await resolve()
    } catch {
      return { accessKeyId: 'emulator', secretAccessKey: 'emulator' }
    }
  }
}

/**
 * The SDK says an SSO session expired in words that name no profile ("run aws sso login with the
 * corresponding profile"); the operator is told the exact command. Other failures keep their names,
 * which the error table explains (no credentials found, and so on).
 */
export function explainCredentialFailure(error: unknown, profile: string | undefined): unknown {
  const message = error instanceof Error ? error.message : ''
  const sso = /sso session|sso login|token is expired|sso token/i.test(message) || (error as { name?: string } | null)?.name === 'TokenProviderError'
  if (!sso) return error
  const command = profile ? `aws sso login --profile ${profile}` : 'aws sso login'
  return new AppError(
    'NO_CREDENTIALS',
    `The AWS SSO session${profile ? ` of profile "${profile}"` : ''} has expired or was never started: run \`${command}\`, then try again.`
  )
}
