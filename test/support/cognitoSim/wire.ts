/**
 * The simulator's view of Cognito's wire: filters as ListUsers parses them, users as it returns them,
 * pagination tokens tied to their filter, errors by exception name, and the quota's token bucket.
 */
import type { SimUser } from './users'

export class SimError extends Error {
  constructor(
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

/** One parsed `attr op "value"` filter. */
export interface Filter {
  attribute: string
  op: '=' | '^='
  value: string
}

const SEARCHABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub'
])

export function parseFilter(text: string | undefined): Filter | null {
  if (text === undefined || text.trim() === '') return null
  const match = /^\s*([\w:]+)\s*(\^=|=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(text)
  if (!match) throw new SimError('InvalidParameterException', `Error while parsing filter: ${text}`)
  const [, attribute, op, raw] = match
  if (!SEARCHABLE.has(attribute!)) throw new SimError('InvalidParameterException', `Invalid search attribute: ${attribute}`)
  return { attribute: attribute!, op: op as Filter['op'], value: raw!.replace(/\\(.)/g, '$1') }
}

export function attributeOf(user: SimUser, attribute: string): string | undefined {
  switch (attribute) {
    case 'username':
      return user.username
    case 'email':
      return user.email ?? undefined
    case 'sub':
      return user.sub
    case 'cognito:user_status':
      return user.status
    case 'status':
      return user.enabled ? 'Enabled' : 'Disabled'
    default:
      return undefined
  }
}

export function matches(user: SimUser, filter: Filter): boolean {
  return matchesValue(attributeOf(user, filter.attribute), filter)
}

/** Whether a user's value for the filter's attribute passes it. */
export function matchesValue(value: string | undefined, filter: Filter): boolean {
  let actual = value
  if (actual === undefined) return false
  let wanted = filter.value
  // Cognito compares user status case-insensitively and everything else exactly.
  if (filter.attribute === 'cognito:user_status') {
    actual = actual.toLowerCase()
    wanted = wanted.toLowerCase()
  }
  return filter.op === '=' ? actual === wanted : actual.startsWith(wanted)
}

export function toWire(user: SimUser): Record<string, unknown> {
  const attributes = [{ Name: 'sub', Value: user.sub }]
  if (user.email !== null) attributes.push({ Name: 'email', Value: user.email }, { Name: 'email_verified', Value: 'true' })
  if (user.tier !== undefined) attributes.push({ Name: 'custom:user_tier', Value: user.tier })
  return {
    Username: user.username,
    Attributes: attributes,
    UserCreateDate: user.createdAt,
    UserLastModifiedDate: user.createdAt,
    Enabled: user.enabled,
    UserStatus: user.status
  }
}

/** A token bucket at the pool's quota, refilled continuously. */
export class Quota {
  private tokens: number
  private last = performance.now()

  constructor(
    private rate: number | undefined,
    private burst: number | undefined
  ) {
    this.tokens = this.capacity()
  }

  set(rate: number | undefined): void {
    this.rate = rate
    this.burst = undefined
    this.tokens = Math.min(this.tokens, this.capacity())
  }

  take(): boolean {
    if (this.rate === undefined) return true
    const now = performance.now()
    this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.last) / 1000) * this.rate)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  private capacity(): number {
    return this.burst ?? Math.max(1, this.rate ?? 1)
  }
}

// Tokens carry the filter they were issued for, as Cognito's do (using one with another filter fails).
export function encodeToken(filter: string, position: number): string {
  return Buffer.from(JSON.stringify({ v: 1, f: filter, p: position })).toString('base64url')
}

export function decodeToken(token: unknown, filter: string): number {
  if (token === undefined || token === null) return 0
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as { v: number; f: string; p: number }
    if (parsed.v === 1 && parsed.f === filter && Number.isInteger(parsed.p) && parsed.p >= 0) return parsed.p
  } catch {
    // Falls through to the same error as a token for another filter.
  }
  throw new SimError('InvalidParameterException', 'Invalid pagination token')
}
