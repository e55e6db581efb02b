/**
 * What a test can read of a detailed pool without going through the API: a user's whole state, the
 * clients' current settings, the pool's settings and the messages Cognito would have sent.
 */
import type { SimMessage } from './context'
import type { SimMfaMethod } from './seeds'
import type { DetailedUser } from './userStore'

/** A user's full state, dates as Date. */
export interface SimUserState {
  username: string
  sub: string
  status: string
  enabled: boolean
  createdAt: Date
  modifiedAt: Date
  /** The active attributes, as AdminGetUser shows them (sub aside). */
  attributes: Record<string, string>
  /** New email or phone values held back until verified (AttributesRequireVerificationBeforeUpdate). */
  pendingAttributes: Record<string, string>
  password: string
  passwordSetAt: Date
  mfa: { enabled: SimMfaMethod[]; preferred?: SimMfaMethod; totpAssociated: boolean }
  groups: string[]
  devices: { key: string; name?: string; remembered: boolean; lastIp?: string }[]
  authEvents: { id: string; type: string; response: string; feedback?: 'Valid' | 'Invalid' }[]
  /** AdminDisableProviderForUser with ProviderName Cognito was applied. */
  passwordSignInDisabled: boolean
  /** The last global sign-out, disable or delete that revoked the user's tokens; null when none. */
  tokensRevokedAt: Date | null
  origin: 'seed' | 'signup' | 'admin-create'
}

/** The query API of a detailed pool (`sim.detailed`). */
export interface SimPoolView {
  /** A user by exact username; null when there is none. */
  user(username: string): SimUserState | null
  users(): SimUserState[]
  /** A client's settings as DescribeUserPoolClient returns them (dates as epoch seconds); null when there is none. */
  client(clientId: string): Record<string, unknown> | null
  clients(): Record<string, unknown>[]
  /** DescribeUserPool's UserPool now. */
  describePool(): Record<string, unknown>
  groups(): string[]
  /** Codes and invitations Cognito would have sent, in order. */
  readonly messages: readonly SimMessage[]
}

const date = (seconds: number): Date => new Date(seconds * 1000)

export function userState(user: DetailedUser): SimUserState {
  return {
    username: user.username,
    sub: user.sub,
    status: user.status,
    enabled: user.enabled,
    createdAt: date(user.createdAt),
    modifiedAt: date(user.modifiedAt),
    attributes: Object.fromEntries(user.attributes),
    pendingAttributes: Object.fromEntries(user.pending),
    password: user.password,
    passwordSetAt: date(user.passwordSetAt),
    mfa: { enabled: [...user.mfa.enabled], ...(user.mfa.preferred ? { preferred: user.mfa.preferred } : {}), totpAssociated: user.mfa.totpAssociated },
    groups: [...user.groups],
    devices: user.devices.map((d) => ({
      key: d.key,
      ...(d.name !== undefined ? { name: d.name } : {}),
      remembered: d.remembered,
      ...(d.lastIp ? { lastIp: d.lastIp } : {})
    })),
    authEvents: user.events.map((e) => ({
      id: e.id,
      type: e.seed.type ?? 'SignIn',
      response: e.seed.response ?? 'Pass',
      ...(e.feedback ? { feedback: e.feedback.value } : {})
    })),
    passwordSignInDisabled: user.passwordSignInDisabled,
    tokensRevokedAt: user.tokensRevokedAt ? date(user.tokensRevokedAt) : null,
    origin: user.origin
  }
}
