/**
 * The simulator's synthetic users. Nothing per user is stored: every field is derived from the user's
 * index and the seed by a hash, so a million users cost only the sub index (two typed arrays).
 */
import type { StatsFigures } from '../../../src/shared/domain'

export interface SimUser {
  username: string
  sub: string
  email: string | null
  /** undefined when the user has no custom:user_tier attribute. */
  tier: string | undefined
  status: string
  enabled: boolean
  /** Epoch seconds. */
  createdAt: number
}

/** Invalid tier values the mix contains; one of them looks like a spreadsheet formula on purpose. */
export const INVALID_TIERS = ['gold', 'Premium', 'free', '=HYPERLINK("x")', ' standard'] as const

/** The tier mix (cumulative thresholds): standard 62%, premium 20%, none 12%, invalid 6%. */
const TIER_CUTS = { standard: 0.62, premium: 0.82, none: 0.94 }
const STATUS_CUTS: [number, string][] = [
  [0.85, 'CONFIRMED'],
  [0.93, 'UNCONFIRMED'],
  [0.97, 'FORCE_CHANGE_PASSWORD'],
  [0.99, 'RESET_REQUIRED'],
  [1, 'EXTERNAL_PROVIDER']
]
const EPOCH_START = Date.UTC(2022, 0, 3) / 1000
const SPAN_SECONDS = 3 * 365 * 86400

/** A 32-bit mix of (seed, index, lane); lanes give independent streams per field. */
export function hash32(seed: number, index: number, lane: number): number {
  let h = (seed ^ Math.imul(index, 0x9e3779b1) ^ Math.imul(lane + 1, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  h ^= h >>> 16
  // A second round so consecutive indices do not give correlated low bits.
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

const unit = (seed: number, index: number, lane: number): number => hash32(seed, index, lane) / 4294967296

const hex8 = (n: number): string => n.toString(16).padStart(8, '0')

/** The high 32 bits of a user's sub, which is all the sub index sorts on. */
export function subKey(seed: number, index: number): number {
  return hash32(seed, index, 10)
}

export function subOf(seed: number, index: number): string {
  const a = hex8(subKey(seed, index))
  const b = hex8(hash32(seed, index, 11))
  const c = hex8(hash32(seed, index, 12))
  const d = hex8(hash32(seed, index, 13))
  // A version-4 UUID shape, as Cognito's subs have.
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[parseInt(c[0]!, 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`
}

export function usernameOf(index: number): string {
  return `user${String(index).padStart(7, '0')}`
}

export function indexOfUsername(username: string): number | null {
  const match = /^user(\d{7,})$/.exec(username)
  return match ? Number(match[1]) : null
}

export function makeUser(seed: number, index: number): SimUser {
  const t = unit(seed, index, 1)
  const tier =
    t < TIER_CUTS.standard
      ? 'standard'
      : t < TIER_CUTS.premium
        ? 'premium'
        : t < TIER_CUTS.none
          ? undefined
          : INVALID_TIERS[hash32(seed, index, 2) % INVALID_TIERS.length]
  const s = unit(seed, index, 3)
  const status = STATUS_CUTS.find(([cut]) => s < cut)![1]
  const e = unit(seed, index, 5)
  const username = usernameOf(index)
  return {
    username,
    sub: subOf(seed, index),
    // Some users have no email and some have characters CSV must quote.
    email: e < 0.03 ? null : e < 0.05 ? `"${username}, jr"@example.com` : `${username}@example.com`,
    tier,
    status,
    enabled: unit(seed, index, 4) < 0.95,
    createdAt: EPOCH_START + Math.floor(unit(seed, index, 6) * SPAN_SECONDS) + (index % 1000) / 1000
  }
}

/** Monday (UTC) of the week holding an epoch-seconds time, as YYYY-MM-DD. */
export function weekOf(epochSeconds: number): string {
  const day = Math.floor(epochSeconds / 86400)
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  const monday = day - ((day + 3) % 7)
  return new Date(monday * 86400000).toISOString().slice(0, 10)
}

function bucketOf(tier: string | undefined): 'standard' | 'premium' | 'none' | 'invalid' {
  if (tier === undefined || tier === '') return 'none'
  return tier === 'standard' || tier === 'premium' ? tier : 'invalid'
}

/** The exact figures a correct scan of these users must produce. */
export function expectedFigures(seed: number, count: number): StatsFigures {
  const figures: StatsFigures = { total: 0, tiers: { standard: 0, premium: 0, none: 0, invalid: {} }, statuses: {}, enabled: 0, disabled: 0, weekly: [] }
  const weeks = new Map<string, { standard: number; premium: number; none: number; invalid: number }>()
  for (let i = 0; i < count; i++) {
    const user = makeUser(seed, i)
    const bucket = bucketOf(user.tier)
    figures.total++
    if (bucket === 'invalid') figures.tiers.invalid[user.tier!] = (figures.tiers.invalid[user.tier!] ?? 0) + 1
    else figures.tiers[bucket]++
    figures.statuses[user.status] = (figures.statuses[user.status] ?? 0) + 1
    if (user.enabled) figures.enabled++
    else figures.disabled++
    const week = weekOf(user.createdAt)
    let row = weeks.get(week)
    if (!row) weeks.set(week, (row = { standard: 0, premium: 0, none: 0, invalid: 0 }))
    row[bucket]++
  }
  figures.weekly = [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([week, row]) => ({ week, ...row }))
  return figures
}

/**
 * Users sorted by sub, so a `sub ^= "prefix"` filter is a binary search instead of a pass over
 * every user. Ties on the first 32 bits are kept in index order; longer prefixes are checked per user.
 */
export class SubIndex {
  readonly order: Uint32Array
  private readonly keys: Uint32Array

  constructor(seed: number, count: number) {
    // key * 2^21 + index fits a double exactly for count <= 2^21, and a typed sort is fast.
    if (count > 2 ** 21) throw new Error('The simulator holds at most 2,097,152 users')
    const packed = new Float64Array(count)
    for (let i = 0; i < count; i++) packed[i] = subKey(seed, i) * 2097152 + i
    packed.sort()
    this.order = new Uint32Array(count)
    this.keys = new Uint32Array(count)
    for (let p = 0; p < count; p++) {
      const value = packed[p]!
      const index = value % 2097152
      this.order[p] = index
      this.keys[p] = (value - index) / 2097152
    }
  }

  /** Positions [start, end) in `order` whose sub starts with the first 8 hex digits of the prefix. */
  range(prefix: string): [number, number] {
    const digits = prefix.slice(0, 8)
    if (!/^[0-9a-f]*$/.test(digits)) return [0, 0]
    const low = digits.length === 0 ? 0 : parseInt(digits.padEnd(8, '0'), 16)
    const high = digits.length === 0 ? 2 ** 32 : parseInt(digits.padEnd(8, 'f'), 16) + 1
    return [this.lowerBound(low), this.lowerBound(high)]
  }

  private lowerBound(key: number): number {
    let lo = 0
    let hi = this.keys.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.keys[mid]! < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
