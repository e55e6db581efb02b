import { quoted, shownValue } from './display'
import { AppError } from './errors'

/** The tiers a user can hold, in the order the UI offers them. */
export const TIERS = ['standard', 'premium'] as const
export type Tier = (typeof TIERS)[number]
/** The tier buckets a scan counts: the two tiers, users without one, and any other value. */
export const TIER_BUCKETS = [...TIERS, 'none', 'invalid'] as const

/** The custom attribute that carries a user's tier. */
export const TIER_ATTRIBUTE = 'custom:user_tier'

/** What each tier means, for dropdowns and help text. */
export const TIER_DESCRIPTIONS: Record<Tier, string> = {
  standard: 'Standard: core features (default)',
  premium: 'Premium: every feature, fast support'
}

/**
 * A user's tier as stored, never silently defaulted: a missing attribute and an unexpected value are
 * reported as such so an operator can repair them. "unfinished": no tier is stored, because the
 * registration that meant to give it `tier` was cut after SignUp (see registration/unfinished.ts).
 */
export type TierState = { kind: 'tier'; tier: Tier } | { kind: 'none' } | { kind: 'unfinished'; tier: Tier } | { kind: 'invalid'; value: string }

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value)
}

export function tierStateOf(value: string | undefined): TierState {
  if (value === undefined || value === '') return { kind: 'none' }
  return isTier(value) ? { kind: 'tier', tier: value } : { kind: 'invalid', value }
}

/** The tier attribute's raw value as stored ("" when missing): what the audit trail keeps and a conflict check compares. */
export function storedTierValue(state: TierState): string {
  return state.kind === 'tier' ? state.tier : state.kind === 'invalid' ? state.value : ''
}

/** How a tier state reads on screen and in the CLI. */
export function tierLabel(state: TierState): string {
  switch (state.kind) {
    case 'tier':
      return state.tier
    case 'none':
      return 'no tier'
    case 'unfinished':
      return 'no tier — registration not finished'
    case 'invalid':
      return `invalid: ${shownValue(state.value)}`
  }
}

/**
 * The one rule for a tier as an operator gave it, in every front end and file: surrounding spaces and
 * letter case are forgiven ("Premium " is premium), anything else is not a tier (null).
 */
export function tierFromInput(value: string): Tier | null {
  const taken = value.trim().toLowerCase()
  return isTier(taken) ? taken : null
}

/** What the echo says when the tier taken is not exactly what was typed: '"Premium" taken as premium'; null when they match. */
export function tierEcho(typed: string, tier: Tier): string | null {
  return typed === tier ? null : `${quoted(typed)} taken as ${tier}`
}

/** The tier asked for, by the rule above: omitted means standard where a default is allowed, anything else unknown is refused by name (never a silent default). */
export function parseTier(value: string | undefined, { allowOmitted }: { allowOmitted: boolean }): Tier {
  if (value === undefined && allowOmitted) return 'standard'
  const tier = value === undefined ? null : tierFromInput(value)
  if (tier) return tier
  const shown = value === undefined || value.trim() === '' ? 'no tier' : quoted(value)
  throw new AppError('INVALID_TIER', `${shown} is not a tier. Choose one of: ${TIERS.join(', ')}.`, { tier: `Choose ${TIERS.join(' or ')}` })
}
