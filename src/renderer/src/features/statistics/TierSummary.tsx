import { TIER_BUCKETS, type StatsFigures, type TierBucket } from '../../../../shared/domain'
import { BUCKET_LABELS, formatPercent } from '../../lib/format'
import { useNavigation } from '../../stores/navigationStore'
import { useTierMembers } from '../users/tierMembersStore'

/** Every invalid value counted together: the summary has one tile for them, the details a row each. */
export function invalidTotal(figures: StatsFigures): number {
  return Object.values(figures.tiers.invalid).reduce((sum, count) => sum + count, 0)
}

export function tierCounts(figures: StatsFigures): Record<TierBucket, number> {
  return { ...figures.tiers, invalid: invalidTotal(figures) }
}

/** The Users screen, showing the users of a tier as the last scan found them. */
function openTierList(bucket: TierBucket): void {
  void useTierMembers.getState().load(bucket)
  useNavigation.getState().go('users')
}

/**
 * The numbers first: the pool's total and each tier's count and share, each tier a button that lists
 * its users on the Users screen (Cognito cannot search by tier; the list comes from this scan).
 */
export function TierSummary({ figures }: { figures: StatsFigures }) {
  const counts = tierCounts(figures)
  const share = (count: number) => (figures.total ? formatPercent(count / figures.total) : '—')
  return (
    <ul className="tier-summary list-unstyled mb-3" aria-label="Users per tier">
      <li className="tier-tile tier-tile-total">
        <span className="tier-tile-label">All users</span>
        <span className="tier-tile-count">{figures.total.toLocaleString()}</span>
        <span className="tier-tile-share">100%</span>
      </li>
      {TIER_BUCKETS.map((bucket) => (
        <li key={bucket}>
          {/* Its name reads "premium 6 users, 25.0% list users": all that is seen, and a word hidden from sight. */}
          <button type="button" className={`tier-tile tier-tile-${bucket}`} onClick={() => openTierList(bucket)}>
            <span className="tier-tile-label">{BUCKET_LABELS[bucket]}</span> <span className="tier-tile-count">{counts[bucket].toLocaleString()}</span>{' '}
            <span className="visually-hidden">{counts[bucket] === 1 ? 'user,' : 'users,'}</span>{' '}
            <span className="tier-tile-share">
              {share(counts[bucket])} <span className="tier-tile-action">list users ›</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
