import { SelectField, type Option } from '../../components/SelectField'
import { BUCKET_OPTIONS } from '../../lib/format'
import { isFiltered, NO_FILTERS, type ListFilters, type TierFilter } from './userListView'

interface Props {
  /** The account statuses found in the results, for the status filter. */
  statuses: string[]
  filters: ListFilters
  onChange: (filters: Partial<ListFilters>) => void
}

const TIER_OPTIONS: Option<TierFilter>[] = [{ value: 'any', label: 'All tiers' }, ...BUCKET_OPTIONS]

/** Narrows the loaded results in the page: no Cognito call, so it is instant and costs no quota. */
export function ResultsFilters({ statuses, filters, onChange }: Props) {
  const statusOptions = [{ value: 'any', label: 'All statuses' }, ...statuses.map((status) => ({ value: status, label: status }))]
  return (
    <div className="users-filters" role="group" aria-label="Filter the results">
      <SelectField
        id="users-filter-status"
        label="Filter by status"
        className="form-select form-select-sm"
        value={filters.status}
        options={statusOptions}
        onChange={(status) => onChange({ status })}
      />
      <SelectField
        id="users-filter-tier"
        label="Filter by tier"
        className="form-select form-select-sm"
        value={filters.tier}
        options={TIER_OPTIONS}
        onChange={(tier) => onChange({ tier })}
      />
      {isFiltered(filters) && (
        <button type="button" className="btn btn-link btn-sm p-0" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  )
}
