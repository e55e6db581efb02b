/**
 * Whether this app's client may write the tier, which decides how a registration sends it. Cognito
 * holds SignUp to the client's write list ("A client attempted to write unauthorized attribute"),
 * and a client without a write list may write the standard attributes only. Asked with
 * DescribeUserPoolClient and kept a few minutes per connection, so an import of thousands of rows
 * does not spend the client-read quota; forgotten when SignUp says otherwise.
 */
import type { DescribeUserPoolClientCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import { DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { Connection } from '../cognito/connection'

const KEPT_MS = 5 * 60_000
const known = new WeakMap<Connection, { writable: boolean; until: number }>()

/** false also when the client cannot be described: the way without the tier in SignUp works on any client. */
export async function clientMayWriteTier(connection: Connection, now = Date.now()): Promise<boolean> {
  const kept = known.get(connection)
  if (kept && kept.until > now) return kept.writable
  let writable = false
  try {
    const output = await connection.gateway.send<DescribeUserPoolClientCommandOutput>(
      new DescribeUserPoolClientCommand({ UserPoolId: connection.gateway.userPoolId, ClientId: connection.clientId })
    )
    writable = output.UserPoolClient?.WriteAttributes?.includes(TIER_ATTRIBUTE) === true
  } catch {
    writable = false
  }
  known.set(connection, { writable, until: now + KEPT_MS })
  return writable
}

/** SignUp refused the tier: the client changed since it was described. */
export function clientMayNotWriteTier(connection: Connection, now = Date.now()): void {
  known.set(connection, { writable: false, until: now + KEPT_MS })
}

/** Cognito's refusal of an attribute the client may not write, in SignUp or UpdateUserAttributes. */
export const isUnauthorizedAttribute = (error: unknown): boolean =>
  (error as { name?: string } | null)?.name === 'NotAuthorizedException' && /unauthorized attribute/i.test(String((error as Error).message))
