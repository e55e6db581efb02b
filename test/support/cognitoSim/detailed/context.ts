/**
 * What every operation of the detailed pool works on: the settings, the users, the clients, the
 * clock, and the messages Cognito would have sent (codes and invitations), which tests read back.
 */
import { maskEmail } from '../rules'
import type { ClientStore } from './clients'
import type { GroupStore } from './groups'
import type { ResolvedPool } from './pool'
import type { DetailedUser, UserStore } from './userStore'

/** A message Cognito would have sent: a code or an invitation, to an email address or a phone. */
export interface SimMessage {
  operation: string
  username: string
  medium: 'EMAIL' | 'SMS'
  destination: string
  reason: 'verify-attribute' | 'confirm-sign-up' | 'invitation' | 'reset-password'
}

export interface PoolContext {
  pool: ResolvedPool
  users: UserStore
  clients: ClientStore
  groups: GroupStore
  messages: SimMessage[]
  /** Epoch seconds. */
  now(): number
}

/** Cognito's CodeDeliveryDetails for a message to an attribute, recorded in the context's outbox. */
export function deliver(
  ctx: PoolContext,
  operation: string,
  user: DetailedUser,
  attribute: 'email' | 'phone_number',
  value: string,
  reason: SimMessage['reason']
): Record<string, string> {
  const medium = attribute === 'email' ? 'EMAIL' : 'SMS'
  ctx.messages.push({ operation, username: user.username, medium, destination: value, reason })
  return { Destination: attribute === 'email' ? maskEmail(value) : `+*******${value.slice(-4)}`, DeliveryMedium: medium, AttributeName: attribute }
}

/** Where Cognito sends a user's code: the first auto-verified attribute the user has. */
export function codeDestination(ctx: PoolContext, user: DetailedUser): 'email' | 'phone_number' | null {
  return ctx.pool.autoVerified.find((attribute) => user.attributes.get(attribute)) ?? null
}
