import { useState, type FormEvent } from 'react'
import { BusyButton } from '../components/BusyButton'
import { ErrorAlert } from '../components/ErrorAlert'
import { TierMembersPanel } from '../components/TierMembersPanel'
import { UserDetailPanel } from '../components/UserDetailPanel'
import { UserTable } from '../components/UserTable'
import { useUsers, type SearchBy } from '../stores/usersStore'

export function UsersScreen() {
  const [query, setQuery] = useState('')
  const [by, setBy] = useState<SearchBy>('username')
  const [exact, setExact] = useState('')
  const { results, lastSearch, nextToken, searching, loadingMore, error, selected, opening, savingTier, tierError, search, loadMore, open, select, saveTier } =
    useUsers()

  function onSearch(event: FormEvent): void {
    event.preventDefault()
    if (query.trim()) void search(query.trim(), by)
  }

  function onOpen(event: FormEvent): void {
    event.preventDefault()
    if (exact.trim()) void open(exact.trim())
  }

  return (
    <div>
      <h1 className="h3 mb-3">Users</h1>
      <div className="row g-3 mb-3">
        <form className="col-lg-7" role="search" aria-label="Search users" onSubmit={onSearch}>
          <label htmlFor="user-search" className="form-label">
            Find users whose {by} starts with
          </label>
          <div className="input-group">
            <input
              id="user-search"
              type="search"
              className="form-control"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder={by === 'email' ? 'jane@' : 'jane'}
            />
            <BusyButton busy={searching} type="submit">
              Search
            </BusyButton>
          </div>
          <div className="mt-1">
            {(['username', 'email'] as const).map((option) => (
              <div key={option} className="form-check form-check-inline">
                <input
                  className="form-check-input"
                  type="radio"
                  name="search-by"
                  id={`search-by-${option}`}
                  checked={by === option}
                  onChange={() => setBy(option)}
                />
                <label className="form-check-label" htmlFor={`search-by-${option}`}>
                  by {option}
                </label>
              </div>
            ))}
          </div>
        </form>
        <form className="col-lg-5" aria-label="Open a user" onSubmit={onOpen}>
          <label htmlFor="user-exact" className="form-label">
            Exact username
          </label>
          <div className="input-group">
            <input id="user-exact" className="form-control" value={exact} onChange={(event) => setExact(event.target.value)} />
            <BusyButton busy={opening} type="submit" className="btn btn-outline-primary">
              Open user
            </BusyButton>
          </div>
        </form>
      </div>
      <ErrorAlert error={error} />
      <div className="row g-4">
        <div className="col-xl-7">
          {lastSearch && (
            <p className="small text-muted mb-1">
              {results.length} user{results.length === 1 ? '' : 's'} whose {lastSearch.by} starts with “{lastSearch.query}”{nextToken ? ' so far' : ''}
            </p>
          )}
          {results.length > 0 && <UserTable users={results} selected={selected?.username ?? null} onSelect={select} />}
          {nextToken && (
            <BusyButton busy={loadingMore} className="btn btn-outline-secondary btn-sm mb-3" onClick={() => void loadMore()}>
              Load more
            </BusyButton>
          )}
          <TierMembersPanel />
        </div>
        <div className="col-xl-5">
          {selected ? (
            <UserDetailPanel
              key={`${selected.username}:${selected.modifiedAt}`}
              user={selected}
              saving={savingTier}
              error={tierError}
              onSaveTier={(tier) => void saveTier(selected.username, tier)}
            />
          ) : (
            <p className="text-muted small">Search, then pick a user to see every attribute and change the tier.</p>
          )}
        </div>
      </div>
    </div>
  )
}
