import { TIER_BUCKETS } from '../../../../shared/domain'
import { BUCKET_LABELS } from '../../lib/format'
import { isFiltered, statusTitle, statusWord, type EnabledFilter, type ListFilters, type TierFilter } from './userListView'

interface Props {
  /** The statuses found in the results, for the status filter. */
  statuses: string[]
  filters: ListFilters
  onChange: (filters: Partial<ListFilters>) => void
}

const ENABLED_OPTIONS: { value: EnabledFilter; label: string }[] = [
  { value: 'any', label: 'All accounts' },
  { value: 'enabled', label: 'Enabled' },
  { value: 'disabled', label: 'Disabled' }
]

const TIER_OPTIONS: { value: TierFilter; label: string }[] = [
  { value: 'any', label: 'All tiers' },
  ...TIER_BUCKETS.map((bucket) => ({ value: bucket, label: BUCKET_LABELS[bucket] }))
]

/** Narrows the loaded results in the page: no Cognito call, so it is instant and costs no quota. */
export function ResultsFilters({ statuses, filters, onChange }: Props) {
  return (
    <div className="users-filters" role="group" aria-label="Filter the results">
      <label htmlFor="users-filter-status" className="visually-hidden">
        Filter by status
      </label>
      <select
        id="users-filter-status"
        className="form-select form-select-sm"
        value={filters.status}
        title={filters.status === 'any' ? undefined : statusTitle(filters.status)}
        onChange={(event) => onChange({ status: event.target.value })}
      >
        <option value="any">All statuses</option>
        {statuses.map((status) => (
          <option key={status} value={status}>
            {statusWord(status)}
          </option>
        ))}
      </select>
      <label htmlFor="users-filter-enabled" className="visually-hidden">
        Filter by enabled
      </label>
      <select
        id="users-filter-enabled"
        className="form-select form-select-sm"
        value={filters.enabled}
        onChange={(event) => onChange({ enabled: event.target.value as EnabledFilter })}
      >
        {ENABLED_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label htmlFor="users-filter-tier" className="visually-hidden">
        Filter by tier
      </label>
      <select
        id="users-filter-tier"
        className="form-select form-select-sm"
        value={filters.tier}
        onChange={(event) => onChange({ tier: event.target.value as TierFilter })}
      >
        {TIER_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {isFiltered(filters) && (
        <button type="button" className="btn btn-link btn-sm p-0" onClick={() => onChange({ status: 'any', enabled: 'any', tier: 'any' })}>
          Clear filters
        </button>
      )}
    </div>
  )
}
