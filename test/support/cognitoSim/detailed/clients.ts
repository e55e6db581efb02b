/**
 * The pool's app clients: their settings with Cognito's documented defaults, the three client
 * operations, and what a client may read and write.
 *  - ReadAttributes / WriteAttributes absent: "your app can read the values of email_verified,
 *    phone_number_verified, and the standard attributes" / "can write the values of the Standard
 *    attributes"; then "Amazon Cognito only populates ReadAttributes [WriteAttributes] in the API
 *    response if you have specified your own" (UserPoolClientType).
 *  - Other settings absent: the documented defaults (CLIENT_DEFAULTS, shared with the sandbox).
 *  - UpdateUserPoolClient: "If you don't provide a value for an attribute, Amazon Cognito sets it to
 *    its default value" — every omitted setting is reset, not kept (the name and secret stay).
 *  - ListUserPoolClients returns only ClientId, ClientName and UserPoolId, paged by MaxResults (1–60).
 */
import { createHmac, randomBytes } from 'node:crypto'
import { CLIENT_DEFAULTS, givenClientSettings } from '../../../../src/main/sandbox/awsRules'
import { SimError } from '../wire'
import { page } from './paging'
import { STANDARD_NAMES, type PoolSchema } from './schema'
import type { SimClientSeed } from './seeds'

type Settings = Omit<SimClientSeed, 'ClientName' | 'ClientId' | 'ClientSecret'>

export interface StoredClient {
  ClientName: string
  ClientId: string
  ClientSecret?: string
  settings: Settings
  created: number
  modified: number
}

export class ClientStore {
  private readonly clients: StoredClient[] = []

  constructor(
    private readonly userPoolId: string,
    private readonly schema: PoolSchema,
    seeds: SimClientSeed[],
    now: number
  ) {
    for (const { ClientName, ClientId, ClientSecret, ...settings } of seeds) {
      this.checkPermissions(settings, 'creating')
      this.clients.push({
        ClientName,
        ClientId: ClientId ?? randomBytes(13).toString('hex').slice(0, 26),
        ...(ClientSecret !== undefined ? { ClientSecret } : {}),
        settings: pick(settings),
        created: now,
        modified: now
      })
    }
  }

  all(): readonly StoredClient[] {
    return this.clients
  }

  /** The client a request names; ResourceNotFoundException as Cognito words it when there is none. */
  get(clientId: unknown): StoredClient {
    const client = this.clients.find((c) => c.ClientId === clientId)
    if (!client) throw new SimError('ResourceNotFoundException', `User pool client ${String(clientId)} does not exist.`)
    return client
  }

  /** DescribeUserPoolClient's UserPoolClient (with the secret, as Cognito returns it). */
  describe(client: StoredClient): Record<string, unknown> {
    return {
      UserPoolId: this.userPoolId,
      ClientName: client.ClientName,
      ClientId: client.ClientId,
      ...(client.ClientSecret !== undefined ? { ClientSecret: client.ClientSecret } : {}),
      LastModifiedDate: client.modified,
      CreationDate: client.created,
      ...CLIENT_DEFAULTS,
      ...client.settings
    }
  }

  list(body: Record<string, unknown>): Record<string, unknown> {
    const { items, token } = page(this.clients, body, { sizeField: 'MaxResults', tokenField: 'NextToken', min: 1, scope: 'ListUserPoolClients' })
    return { UserPoolClients: items.map((c) => ({ ClientId: c.ClientId, UserPoolId: this.userPoolId, ClientName: c.ClientName })), ...token }
  }

  update(body: Record<string, unknown>, now: number): Record<string, unknown> {
    const client = this.get(body.ClientId)
    const settings = pick(body as Settings)
    this.checkPermissions(settings, 'updating')
    client.settings = settings
    if (typeof body.ClientName === 'string') client.ClientName = body.ClientName
    client.modified = now
    return { UserPoolClient: this.describe(client) }
  }

  /** Whether the client may write an attribute: its list, or the standard attributes when it has none. */
  mayWrite(client: StoredClient, name: string): boolean {
    return (client.settings.WriteAttributes ?? STANDARD_NAMES).includes(name)
  }

  /** Whether the client may read an attribute: its list, or the standard ones and the verified flags. */
  mayRead(client: StoredClient, name: string): boolean {
    return name === 'sub' || (client.settings.ReadAttributes ?? [...STANDARD_NAMES, 'email_verified', 'phone_number_verified']).includes(name)
  }

  /** SignUp and InitiateAuth to a client with a secret must carry HMAC-SHA256(secret, username + clientId). */
  checkSecretHash(client: StoredClient, username: string, hash: unknown): void {
    if (client.ClientSecret === undefined) return
    const expected = createHmac('sha256', client.ClientSecret)
      .update(username + client.ClientId)
      .digest('base64')
    if (hash !== expected) throw new SimError('NotAuthorizedException', `Unable to verify secret hash for client ${client.ClientId}`)
  }

  private checkPermissions(settings: Settings, verb: 'creating' | 'updating'): void {
    for (const [field, word] of [
      ['ReadAttributes', 'read'],
      ['WriteAttributes', 'write']
    ] as const) {
      if (settings[field]?.some((name) => !this.schema.has(name) || name === 'sub'))
        throw new SimError('InvalidParameterException', `Invalid ${word} attributes specified while ${verb} a client`)
    }
  }
}

function pick(source: Settings): Settings {
  return givenClientSettings(source as Record<string, unknown>) as Settings
}
