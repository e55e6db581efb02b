/**
 * The simulator's users as writes change them: tiers written onto synthetic users, users created by
 * SignUp or AdminCreateUser, and the log of every write request with how it was answered. The log is
 * what a benchmark or test checks a job against: a username with two 'ok' writes was written twice.
 */
import { TIER_ATTRIBUTE } from '../../../src/shared/tiers'
import { checkAttributes, checkClient, checkPassword, checkUsername, maskEmail } from './rules'
import { indexOfUsername, makeUser, subOf, type SimUser } from './users'
import { SimError, toWire } from './wire'

export const WRITE_OPERATIONS = new Set(['AdminUpdateUserAttributes', 'SignUp', 'AdminCreateUser'])

export interface WriteLogEntry {
  operation: string
  username: string
  /** 'ok', 'throttled', or the `__type` of the error answered. */
  outcome: string
  /** The request's ClientMetadata, when it had any (detailed pools only). */
  clientMetadata?: Record<string, string>
  /** The app client a client write named (UpdateUserPoolClient; detailed pools only). */
  clientId?: string
}

export interface CreatedUser {
  username: string
  tier: string | undefined
  status: string
  method: 'signup' | 'admin-create'
  email: string | null
  /** AdminCreateUser only: whether Cognito would have sent its invitation. */
  invitation?: 'email' | 'suppress'
}

interface StoredUser {
  username: string
  sub: string
  attributes: Map<string, string>
  status: string
  createdAt: number
  modifiedAt: number
  method: CreatedUser['method']
  invitation?: CreatedUser['invitation']
}

// Above any synthetic index the simulator can hold (2^21), so a created user's sub is like no other.
const CREATED_SUB_BASE = 2 ** 22

export class SimDirectory {
  readonly log: WriteLogEntry[] = []
  private readonly users = new Map<string, StoredUser>()
  /** Tiers written by AdminUpdateUserAttributes, by synthetic user index: AdminGetUser shows them, ListUsers does not. */
  private readonly writtenTiers = new Map<number, string>()

  constructor(
    private readonly seed: number,
    private readonly count: number,
    private readonly client: { clientId: string; clientSecret?: string }
  ) {}

  /** Adds the request to the log when it is a write. */
  record(operation: string, body: Record<string, unknown>, outcome: string): void {
    if (WRITE_OPERATIONS.has(operation)) this.log.push({ operation, username: String(body.Username ?? ''), outcome })
  }

  signUp(body: Record<string, unknown>): Record<string, unknown> {
    const username = checkUsername(body.Username)
    checkClient(body, this.client, username)
    checkPassword(body.Password, 'password')
    const attributes = checkAttributes(body.UserAttributes)
    if (this.exists(username)) throw new SimError('UsernameExistsException', 'User already exists')
    const user = this.store(username, attributes, 'UNCONFIRMED', 'signup')
    const email = attributes.get('email')
    return {
      UserConfirmed: false,
      UserSub: user.sub,
      ...(email !== undefined ? { CodeDeliveryDetails: { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' } } : {})
    }
  }

  adminCreateUser(body: Record<string, unknown>): Record<string, unknown> {
    const username = checkUsername(body.Username)
    const action = body.MessageAction
    if (action !== undefined && action !== 'SUPPRESS' && action !== 'RESEND') {
      throw new SimError(
        'InvalidParameterException',
        `1 validation error detected: Value '${String(action)}' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]`
      )
    }
    if (action === 'RESEND') return { User: this.resend(username) }
    if (body.TemporaryPassword !== undefined) checkPassword(body.TemporaryPassword, 'temporaryPassword')
    const attributes = checkAttributes(body.UserAttributes)
    if (this.exists(username)) throw new SimError('UsernameExistsException', 'User account already exists')
    const user = this.store(username, attributes, 'FORCE_CHANGE_PASSWORD', 'admin-create', action === 'SUPPRESS' ? 'suppress' : 'email')
    return { User: this.wireOf(user) }
  }

  getUser(body: Record<string, unknown>): Record<string, unknown> {
    const username = String(body.Username ?? '')
    const stored = this.users.get(username)
    const { Attributes, ...rest } = stored ? this.wireOf(stored) : toWire(this.synthetic(username))
    return { ...rest, UserAttributes: Attributes }
  }

  updateAttributes(body: Record<string, unknown>): Record<string, unknown> {
    const username = String(body.Username ?? '')
    const attributes = checkAttributes(body.UserAttributes)
    const stored = this.users.get(username)
    if (stored) {
      for (const [name, value] of attributes) stored.attributes.set(name, value)
      stored.modifiedAt = Date.now() / 1000
      return {}
    }
    const index = this.indexOf(username)
    const tier = attributes.get(TIER_ATTRIBUTE)
    if (tier !== undefined) this.writtenTiers.set(index, tier)
    return {}
  }

  /** The user's tier now (undefined when it has none), or null when there is no such user. */
  tierOf(username: string): string | undefined | null {
    const stored = this.users.get(username)
    if (stored) return stored.attributes.get(TIER_ATTRIBUTE)
    const index = indexOfUsername(username)
    if (index === null || index >= this.count) return null
    return this.writtenTiers.has(index) ? this.writtenTiers.get(index) : makeUser(this.seed, index).tier
  }

  created(): CreatedUser[] {
    return [...this.users.values()].map((user) => ({
      username: user.username,
      tier: user.attributes.get(TIER_ATTRIBUTE),
      status: user.status,
      method: user.method,
      email: user.attributes.get('email') ?? null,
      ...(user.invitation ? { invitation: user.invitation } : {})
    }))
  }

  private exists(username: string): boolean {
    const index = indexOfUsername(username)
    return this.users.has(username) || (index !== null && index < this.count)
  }

  private store(
    username: string,
    attributes: Map<string, string>,
    status: string,
    method: StoredUser['method'],
    invitation?: StoredUser['invitation']
  ): StoredUser {
    const now = Date.now() / 1000
    const sub = subOf(this.seed, CREATED_SUB_BASE + this.users.size)
    const user: StoredUser = { username, sub, attributes, status, createdAt: now, modifiedAt: now, method, ...(invitation ? { invitation } : {}) }
    this.users.set(username, user)
    return user
  }

  // Cognito sends the invitation again only to a user still waiting to set a password.
  private resend(username: string): Record<string, unknown> {
    const stored = this.users.get(username)
    const wire = stored ? this.wireOf(stored) : toWire(this.synthetic(username))
    if (wire.UserStatus !== 'FORCE_CHANGE_PASSWORD')
      throw new SimError('UnsupportedUserStateException', 'Resend not possible. User status is not FORCE_CHANGE_PASSWORD')
    return wire
  }

  private indexOf(username: string): number {
    const index = indexOfUsername(username)
    if (index === null || index >= this.count) throw new SimError('UserNotFoundException', 'User does not exist.')
    return index
  }

  private synthetic(username: string): SimUser {
    const index = this.indexOf(username)
    const user = makeUser(this.seed, index)
    return this.writtenTiers.has(index) ? { ...user, tier: this.writtenTiers.get(index) } : user
  }

  private wireOf(user: StoredUser): Record<string, unknown> {
    return {
      Username: user.username,
      Attributes: [{ Name: 'sub', Value: user.sub }, ...[...user.attributes].map(([Name, Value]) => ({ Name, Value }))],
      UserCreateDate: user.createdAt,
      UserLastModifiedDate: user.modifiedAt,
      Enabled: true,
      UserStatus: user.status
    }
  }
}
