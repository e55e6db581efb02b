import { useMemo } from 'react'
import type { UserDetail } from '../../../../shared/domain'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useStoreFields } from '../../hooks/useStoreFields'
import { ResultsFilters } from './ResultsFilters'
import { UserTable } from './UserTable'
import { isFiltered, statusesIn, viewOf } from './userListView'
import { describeSearch, useUsers } from './usersStore'

/**
 * The search results in the list pane: what was searched and how many were found, the filters, the
 * table (which scrolls on its own) and "Load more" under it, where added rows cannot push anything.
 */
export function SearchResultsPane({ onActivate, onBulk }: { onActivate: (user: UserDetail) => void; onBulk: (usernames: string[]) => void }) {
  const state = useStoreFields(useUsers, ['results', 'lastSearch', 'nextToken', 'loadingMore', 'searchError', 'sort', 'filters'])
  const selected = useUsers((s) => s.selected?.username ?? null)
  const { setSort, setFilters, select, loadMore } = useUsers.getState()
  const shown = useMemo(() => viewOf(state.results, state.filters, state.sort), [state.results, state.filters, state.sort])
  const statuses = useMemo(() => statusesIn(state.results, state.filters.status), [state.results, state.filters.status])
  const count = state.results.length
  const filtered = isFiltered(state.filters)

  return (
    <>
      <div className="users-results-head">
        <p className="users-caption mb-0" aria-live="polite">
          {state.lastSearch
            ? `${filtered ? `${shown.length.toLocaleString()} shown of ` : ''}${count.toLocaleString()}${state.nextToken ? '+' : ''} user${count === 1 ? '' : 's'} ${describeSearch(state.lastSearch)}`
            : 'Search to list users, or list the users of a tier below.'}
        </p>
        {count > 0 && <ResultsFilters statuses={statuses} filters={state.filters} onChange={setFilters} />}
      </div>
      <ErrorAlert error={state.searchError} />
      {count > 0 ? (
        <UserTable users={shown} selected={selected} sort={state.sort} onSort={setSort} onSelect={select} onActivate={onActivate} />
      ) : (
        <div className="users-pane-body text-body-secondary small">
          {state.lastSearch ? 'Nobody matches. Check the spelling and the case, or search another field.' : null}
        </div>
      )}
      {count > 0 && shown.length === 0 && <p className="small text-body-secondary mt-2 mb-0">No result passes the filters.</p>}
      {/* After the list, so the keyboard reaches the rows first: the everyday path. */}
      {shown.length > 0 && (
        <div className="users-pager">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onBulk(shown.map((user) => user.username))}>
            Change tier of {shown.length.toLocaleString()} shown…
          </button>
        </div>
      )}
      {state.nextToken && (
        <div className="users-pager">
          <span className="small text-body-secondary">Cognito has more users for this search.</span>
          <BusyButton busy={state.loadingMore} className="btn btn-outline-secondary btn-sm" onClick={() => void loadMore()}>
            Load more
          </BusyButton>
        </div>
      )}
    </>
  )
}
