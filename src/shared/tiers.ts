/** The tiers a user can hold, in the order the UI offers them. */
export const TIERS = ['standard', 'premium'] as const
export type Tier = (typeof TIERS)[number]

/** The custom attribute that carries a user's tier. */
export const TIER_ATTRIBUTE = 'custom:user_tier'

/** What each tier means, for dropdowns and help text. */
export const TIER_DESCRIPTIONS: Record<Tier, string> = {
  standard: 'Standard: core features (default)',
  premium: 'Premium: every feature, fast support'
}

/**
 * A user's tier as stored, never silently defaulted: a missing attribute and an unexpected value are
 * reported as such so an operator can repair them.
 */
export type TierState = { kind: 'tier'; tier: Tier } | { kind: 'none' } | { kind: 'invalid'; value: string }

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
    case 'invalid':
      return `invalid: ${state.value}`
  }
}
