/**
 * The detailed pool's users as stored state: made from seeds (or by SignUp and AdminCreateUser),
 * found the ways Cognito finds a user (username, sub, or a verified alias), and shown in the shapes
 * AdminGetUser and ListUsers return.
 */
import { createHash, randomUUID } from 'node:crypto'
import { SimError } from '../wire'
import type { ResolvedPool } from './pool'
import { SIM_PASSWORD, type SimAuthEventSeed, type SimDeviceSeed, type SimMfaMethod, type SimUserSeed } from './seeds'

export interface StoredDevice {
  key: string
  name?: string
  remembered: boolean
  lastIp?: string
  createdAt: number
  modifiedAt: number
  authenticatedAt?: number
}

export interface StoredEvent {
  id: string
  seed: SimAuthEventSeed
  createdAt: number
  feedback?: { value: 'Valid' | 'Invalid'; provider: string; date: number }
}

export interface DetailedUser {
  username: string
  sub: string
  status: string
  enabled: boolean
  createdAt: number
  modifiedAt: number
  attributes: Map<string, string>
  /** New email or phone values waiting for verification (AttributesRequireVerificationBeforeUpdate). */
  pending: Map<string, string>
  password: string
  passwordSetAt: number
  mfa: { enabled: Set<SimMfaMethod>; preferred?: SimMfaMethod; totpAssociated: boolean }
  groups: Set<string>
  devices: StoredDevice[]
  events: StoredEvent[]
  /** AdminDisableProviderForUser with ProviderName Cognito: the user can no longer sign in with a password. */
  passwordSignInDisabled: boolean
  /** Access tokens issued before this time (epoch seconds) no longer work: global sign-out, disable, delete. */
  tokensRevokedAt: number
  origin: 'seed' | 'signup' | 'admin-create'
}

const MFA_ORDER: SimMfaMethod[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']
const SEED_DATE = Date.UTC(2024, 0, 15) / 1000
const seconds = (date: Date | undefined, fallback: number): number => (date ? date.getTime() / 1000 : fallback)

/** A stable version-4 UUID for a name, so seeded users keep their sub from run to run. */
export function uuidFrom(name: string): string {
  const h = createHash('sha256').update(name).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export function deviceOf(seed: SimDeviceSeed, region: string, at: number): StoredDevice {
  const createdAt = seconds(seed.createdAt, at)
  return {
    key: seed.key ?? `${region}_${randomUUID()}`,
    ...(seed.name !== undefined ? { name: seed.name } : {}),
    remembered: seed.remembered ?? true,
    ...(seed.lastIp !== undefined ? { lastIp: seed.lastIp } : {}),
    createdAt,
    modifiedAt: seconds(seed.lastModifiedAt, createdAt),
    authenticatedAt: seconds(seed.lastAuthenticatedAt, createdAt)
  }
}

export function eventOf(seed: SimAuthEventSeed, at: number): StoredEvent {
  return {
    id: seed.id ?? randomUUID(),
    seed,
    createdAt: seconds(seed.createdAt, at),
    ...(seed.feedback ? { feedback: { value: seed.feedback.value, provider: seed.feedback.provider ?? 'Admin', date: seconds(seed.feedback.date, at) } } : {})
  }
}

export function userFromSeed(seed: SimUserSeed, pool: ResolvedPool): DetailedUser {
  const createdAt = seconds(seed.createdAt, SEED_DATE)
  const modifiedAt = seconds(seed.modifiedAt, createdAt)
  return {
    username: seed.username,
    sub: seed.sub ?? uuidFrom(seed.username),
    status: seed.status ?? 'CONFIRMED',
    enabled: seed.enabled ?? true,
    createdAt,
    modifiedAt,
    attributes: new Map(Object.entries(seed.attributes ?? {})),
    pending: new Map(),
    password: seed.password ?? SIM_PASSWORD,
    passwordSetAt: seconds(seed.passwordSetAt, modifiedAt),
    mfa: {
      enabled: new Set(seed.mfa?.enabled ?? []),
      ...(seed.mfa?.preferred ? { preferred: seed.mfa.preferred } : {}),
      totpAssociated: seed.mfa?.totpAssociated ?? false
    },
    groups: new Set(seed.groups ?? []),
    devices: (seed.devices ?? []).map((d) => deviceOf(d, pool.region, createdAt)),
    events: (seed.authEvents ?? []).map((e) => eventOf(e, modifiedAt)),
    passwordSignInDisabled: false,
    tokensRevokedAt: 0,
    origin: 'seed'
  }
}

/** Attributes as Cognito lists them: sub first, then the rest in the order they were set. */
export function wireAttributes(user: DetailedUser, only?: (name: string) => boolean): { Name: string; Value: string }[] {
  const all = [['sub', user.sub] as const, ...user.attributes]
  return all.filter(([name]) => !only || only(name)).map(([Name, Value]) => ({ Name, Value }))
}

/** UserMFASettingList, PreferredMfaSetting and (for SMS) the legacy MFAOptions that AdminGetUser still returns. */
export function mfaFields(user: DetailedUser): Record<string, unknown> {
  const list = MFA_ORDER.filter((m) => user.mfa.enabled.has(m))
  return {
    ...(list.includes('SMS_MFA') ? { MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] } : {}),
    ...(user.mfa.preferred ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    ...(list.length ? { UserMFASettingList: list } : {})
  }
}

/** AdminGetUser's answer. */
export function adminGetUserShape(user: DetailedUser): Record<string, unknown> {
  return {
    Username: user.username,
    UserAttributes: wireAttributes(user),
    UserCreateDate: user.createdAt,
    UserLastModifiedDate: user.modifiedAt,
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaFields(user)
  }
}

/** A UserType, as ListUsers and AdminCreateUser return it. */
export function userTypeShape(user: DetailedUser, attributesToGet?: string[]): Record<string, unknown> {
  const { MFAOptions } = mfaFields(user)
  return {
    Username: user.username,
    Attributes: wireAttributes(user, attributesToGet ? (name) => attributesToGet.includes(name) : undefined),
    UserCreateDate: user.createdAt,
    UserLastModifiedDate: user.modifiedAt,
    Enabled: user.enabled,
    UserStatus: user.status,
    ...(MFAOptions ? { MFAOptions } : {})
  }
}

/** The detailed pool's users, in creation order. */
export class UserStore {
  private readonly users: DetailedUser[] = []

  constructor(private readonly pool: ResolvedPool) {}

  add(user: DetailedUser): void {
    this.users.push(user)
  }

  remove(user: DetailedUser): void {
    this.users.splice(this.users.indexOf(user), 1)
  }

  all(): readonly DetailedUser[] {
    return this.users
  }

  /** The user a username names, compared as the pool's UsernameConfiguration says; null when none. */
  byUsername(name: string): DetailedUser | null {
    const same = this.pool.usernameCaseSensitive
      ? (u: DetailedUser) => u.username === name
      : (u: DetailedUser) => u.username.toLowerCase() === name.toLowerCase()
    return this.users.find(same) ?? null
  }

  /**
   * The user an admin request's Username names: the username, the sub, or a verified email or phone
   * the pool uses as an alias or as the username ("it can be any of their alias attributes").
   */
  find(name: unknown): DetailedUser | null {
    const text = String(name ?? '')
    const direct = this.byUsername(text) ?? this.users.find((u) => u.sub === text)
    if (direct) return direct
    const signIn = [...this.pool.aliasAttributes, ...this.pool.usernameAttributes]
    return this.users.find((u) => signIn.some((attr) => u.attributes.get(attr) === text && verified(u, attr))) ?? null
  }

  /** Like find, but answers UserNotFoundException as Cognito does. */
  get(name: unknown): DetailedUser {
    const user = this.find(name)
    if (!user) throw new SimError('UserNotFoundException', 'User does not exist.')
    return user
  }
}

/** Whether a user's email or phone number is verified; preferred_username needs no verification. */
export function verified(user: DetailedUser, attribute: string): boolean {
  if (attribute === 'preferred_username') return true
  return user.attributes.get(`${attribute}_verified`) === 'true'
}
