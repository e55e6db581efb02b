import { quoted } from '../../shared/display'
import { AppError } from '../../shared/errors'
import { isTier, TIERS, type Tier } from '../../shared/tiers'

/** The tier an operator asked for: omitted means standard, anything unknown is an error (never a silent default). */
export function parseTier(value: string | undefined, { allowOmitted }: { allowOmitted: boolean }): Tier {
  if (value === undefined && allowOmitted) return 'standard'
  const tier = value?.trim()
  if (isTier(tier)) return tier
  const shown = value === undefined || value === '' ? 'no tier' : quoted(value)
  throw new AppError('INVALID_TIER', `${shown} is not a tier. Choose one of: ${TIERS.join(', ')}.`, { tier: `Choose ${TIERS.join(' or ')}` })
}
