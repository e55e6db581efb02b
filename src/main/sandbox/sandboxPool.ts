/**
 * The sandbox's pool and app client: provisioned once, recorded in `pool.json`, found again on every
 * start. A damaged record is refused (never replaced by a new pool, which would orphan every user);
 * a missing record beside an existing pool is rebuilt from the emulator.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand
} from '@aws-sdk/client-cognito-identity-provider'
import { writeFileAtomic } from '../storage/privateFiles'
import { BACKUP_SUFFIX, SANDBOX_CREDENTIAL_HEADER, SANDBOX_REGION, SANDBOX_SIGNING_KEYS } from './constants'
import { SandboxDamagedError } from './sandboxDamage'

const POOL_NAME = 'tier-admin-sandbox'

export interface SandboxPool {
  userPoolId: string
  clientId: string
  clientSecret: string
}

export const poolRecordPath = (dir: string): string => join(dir, 'pool.json')

/** The recorded pool; null when there is no record yet. Throws SandboxDamagedError for a damaged one. */
export function readPoolRecord(dir: string): SandboxPool | null {
  const path = poolRecordPath(dir)
  if (!existsSync(path)) return null
  const text = readFileSync(path, 'utf8')
  const pool = parsePool(text)
  if (!pool) throw new SandboxDamagedError(path, text.length === 0 ? 'it is empty' : 'it is not a complete pool record')
  return pool
}

export function parsePool(text: string): SandboxPool | null {
  try {
    const value = JSON.parse(text) as Partial<SandboxPool>
    return typeof value.userPoolId === 'string' && typeof value.clientId === 'string' && typeof value.clientSecret === 'string' ? (value as SandboxPool) : null
  } catch {
    return null
  }
}

/** A client for provisioning, carrying the emulator's credential. */
export function provisioningClient(endpoint: string, credential: string): CognitoIdentityProviderClient {
  const client = new CognitoIdentityProviderClient({ endpoint, region: SANDBOX_REGION, credentials: SANDBOX_SIGNING_KEYS })
  client.middlewareStack.add(
    (next) => async (args) => {
      ;(args.request as { headers: Record<string, string> }).headers[SANDBOX_CREDENTIAL_HEADER] = credential
      return next(args)
    },
    { step: 'build', name: 'sandboxCredential' }
  )
  return client
}

/**
 * Run by the emulator's owner once it answers: the recorded pool, the pool rebuilt from the emulator
 * when only the record is missing, or a new pool on a first start.
 */
export async function ensurePool(dir: string, endpoint: string, credential: string): Promise<SandboxPool> {
  const recorded = readPoolRecord(dir)
  const client = provisioningClient(endpoint, credential)
  try {
    const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))
    if (recorded) {
      if (UserPools.some((p) => p.Id === recorded.userPoolId)) return recorded
      throw new SandboxDamagedError(join(dir, 'db', `${recorded.userPoolId}.json`), 'the database of the recorded pool is missing')
    }
    const existing = UserPools.find((p) => p.Name === POOL_NAME)
    const pool = existing?.Id ? await recoverPool(client, existing.Id) : await provisionPool(client)
    await writeFileAtomic(poolRecordPath(dir), JSON.stringify(pool, null, 2), { keepPreviousAs: poolRecordPath(dir) + BACKUP_SUFFIX })
    return pool
  } finally {
    client.destroy()
  }
}

async function recoverPool(client: CognitoIdentityProviderClient, userPoolId: string): Promise<SandboxPool> {
  const { UserPoolClients = [] } = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }))
  const clientId = UserPoolClients[0]?.ClientId
  if (!clientId) return { ...(await provisionClient(client, userPoolId)), userPoolId }
  const { UserPoolClient } = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))
  return { userPoolId, clientId, clientSecret: UserPoolClient?.ClientSecret ?? '' }
}

/** A pool shaped like the production one the seed describes. */
async function provisionPool(client: CognitoIdentityProviderClient): Promise<SandboxPool> {
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: POOL_NAME,
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true }
      },
      // The tier, plus the profile attributes the seed's onboarding examples use.
      Schema: ['user_tier', 'company', 'department', 'role'].map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true, Required: false }))
    })
  )
  const userPoolId = UserPool?.Id as string
  return { userPoolId, ...(await provisionClient(client, userPoolId)) }
}

async function provisionClient(client: CognitoIdentityProviderClient, userPoolId: string): Promise<Omit<SandboxPool, 'userPoolId'>> {
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'tier-admin',
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']
    })
  )
  return { clientId: UserPoolClient?.ClientId as string, clientSecret: UserPoolClient?.ClientSecret as string }
}
