import { useMemo } from 'react'
import { BusyButton } from '../../components/BusyButton'
import { useStoreFields } from '../../hooks/useStoreFields'
import { describeFound, loweredCaseNote, type Found } from './findResults'
import { ResultsFilters } from './ResultsFilters'
import { ScanMatches } from './ScanMatches'
import { UserTable } from './UserTable'
import { isFiltered, statusesIn, viewOf } from './userListView'
import { useUsers } from './usersStore'

interface Props {
  onOpen: (username: string) => void
  onGoToStatistics: () => void
  /** Focus the open user's row: the operator came back from their page. */
  focusSelected: boolean
}

/** What the list pane says before anything was found: what the box takes. */
const HINT =
  'Type what the ticket quotes: an email, a username, a phone number or a sub. Exactly one match opens the user; part of an email (@acme.com) lists the matches in the last statistics scan.'

/**
 * The last find's list: what was found and how, the filters, the table (which scrolls on its own) and
 * "Load more" under it only while Cognito has more. Nothing here reserves room it does not use.
 */
export function FindResultsPane({ onOpen, onGoToStatistics, focusSelected }: Props) {
  const state = useStoreFields(useUsers, ['found', 'results', 'nextToken', 'loadingMore', 'sort', 'filters', 'leftList', 'findError'])
  const selected = useUsers((s) => s.selected?.username ?? null)
  const { setSort, setFilters, loadMore } = useUsers.getState()
  const shown = useMemo(() => viewOf(state.results, state.filters, state.sort), [state.results, state.filters, state.sort])
  const statuses = useMemo(() => statusesIn(state.results, state.filters.status), [state.results, state.filters.status])
  const found = state.found

  if (!found) return state.findError ? null : <p className="users-caption mb-0">{HINT}</p>
  if (found.foundBy === 'email-part')
    return <ScanMatches found={found} selected={selected} onOpen={onOpen} onGoToStatistics={onGoToStatistics} focusSelected={focusSelected} />

  const count = state.results.length
  return (
    <>
      <div className="users-results-head">
        <p className="users-caption mb-0" aria-live="polite">
          {caption(found, count, shown.length, isFiltered(state.filters), state.nextToken !== undefined)}
          {state.leftList && ` ${state.leftList} left the list: after the change they no longer match.`}
        </p>
        {count > 1 && <ResultsFilters statuses={statuses} filters={state.filters} onChange={setFilters} />}
      </div>
      {count > 0 ? (
        <UserTable
          users={shown}
          selected={selected}
          sort={state.sort}
          onSort={setSort}
          onOpen={(user) => onOpen(user.username)}
          focusSelected={focusSelected}
        />
      ) : (
        <p className="small text-body-secondary mb-0">Check the spelling, or type part of the email (@acme.com) to look it up in the last statistics scan.</p>
      )}
      {count > 0 && shown.length === 0 && <p className="small text-body-secondary mt-2 mb-0">No result passes the filters.</p>}
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

/** "3 shown of 12+ users whose email matches "…". Nothing matched as typed; …" */
function caption(found: Found, count: number, shown: number, filtered: boolean, more: boolean): string {
  const lowered = loweredCaseNote(found)
  if (count === 0) return `No user ${describeFound(found)}.`
  const total = `${count.toLocaleString()}${more ? '+' : ''} user${count === 1 && !more ? '' : 's'} ${describeFound(found)}`
  return `${filtered ? `${shown.toLocaleString()} shown of ` : ''}${total}.${lowered ? ` ${lowered}` : ''}`
}
