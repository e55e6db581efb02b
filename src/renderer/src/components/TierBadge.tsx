import { tierLabel, type TierState } from '../../../shared/tiers'

const CLASS_BY_KIND = { none: 'text-bg-warning', unfinished: 'text-bg-warning', invalid: 'text-bg-danger' } as const

/** A tier as stored: a missing or unexpected value is flagged, never shown as standard. */
export function TierBadge({ tier }: { tier: TierState }) {
  const className = tier.kind === 'tier' ? (tier.tier === 'premium' ? 'text-bg-primary' : 'text-bg-secondary') : CLASS_BY_KIND[tier.kind]
  return <span className={`badge ${className}`}>{tierLabel(tier)}</span>
}
