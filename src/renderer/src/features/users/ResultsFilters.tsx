import { SelectField, type Option } from '../../components/SelectField'
import { BUCKET_OPTIONS } from '../../lib/format'
import { isFiltered, NO_FILTERS, statusTitle, statusWord, type EnabledFilter, type ListFilters, type TierFilter } from './userListView'

interface Props {
  /** The statuses found in the results, for the status filter. */
  statuses: string[]
  filters: ListFilters
  onChange: (filters: Partial<ListFilters>) => void
}

const ENABLED_OPTIONS: Option<EnabledFilter>[] = [
  { value: 'any', label: 'All accounts' },
  { value: 'enabled', label: 'Enabled' },
  { value: 'disabled', label: 'Disabled' }
]

const TIER_OPTIONS: Option<TierFilter>[] = [{ value: 'any', label: 'All tiers' }, ...BUCKET_OPTIONS]

/** Narrows the loaded results in the page: no Cognito call, so it is instant and costs no quota. */
export function ResultsFilters({ statuses, filters, onChange }: Props) {
  const statusOptions = [{ value: 'any', label: 'All statuses' }, ...statuses.map((status) => ({ value: status, label: statusWord(status) }))]
  const select = <K extends keyof ListFilters>(key: K, label: string, options: Option<ListFilters[K]>[], title?: string) => (
    <SelectField
      id={`users-filter-${key}`}
      label={label}
      className="form-select form-select-sm"
      value={filters[key]}
      title={title}
      options={options}
      onChange={(value) => onChange({ [key]: value })}
    />
  )
  return (
    <div className="users-filters" role="group" aria-label="Filter the results">
      {select('status', 'Filter by status', statusOptions, filters.status === 'any' ? undefined : statusTitle(filters.status))}
      {select('enabled', 'Filter by enabled', ENABLED_OPTIONS)}
      {select('tier', 'Filter by tier', TIER_OPTIONS)}
      {isFiltered(filters) && (
        <button type="button" className="btn btn-link btn-sm p-0" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  )
}
