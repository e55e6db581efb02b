import type { FormEvent } from 'react'
import {
  allowedMatch,
  caseNote,
  EXACT_ONLY_FIELDS,
  SEARCH_FIELD_EXAMPLES,
  SEARCH_FIELD_LABELS,
  SEARCH_FIELDS,
  type SearchField,
  type SearchMatch
} from '../../../../shared/searchFields'
import { BusyButton } from '../../components/BusyButton'

interface Props {
  query: string
  by: SearchField
  match: SearchMatch
  searching: boolean
  onChange: (change: { query?: string; by?: SearchField; match?: SearchMatch }) => void
  onSearch: () => void
}

/**
 * One search over every attribute Cognito's ListUsers filter takes, read as a sentence: "Find users
 * whose [email] [starts with] [jane@]". Under it, whether Cognito minds upper and lower case there.
 */
export function SearchBar({ query, by, match, searching, onChange, onSearch }: Props) {
  const effectiveMatch = allowedMatch(by, match)
  const exactOnly = EXACT_ONLY_FIELDS.includes(by)
  function submit(event: FormEvent): void {
    event.preventDefault()
    onSearch()
  }
  return (
    <form className="users-search" role="search" aria-label="Search users" onSubmit={submit}>
      <div className="users-search-row">
        <label htmlFor="user-search-field" className="visually-hidden">
          Search by
        </label>
        <select
          id="user-search-field"
          className="form-select users-search-field"
          value={by}
          onChange={(event) => onChange({ by: event.target.value as SearchField })}
        >
          {SEARCH_FIELDS.map((field) => (
            <option key={field} value={field}>
              {SEARCH_FIELD_LABELS[field]}
            </option>
          ))}
        </select>
        <label htmlFor="user-search-match" className="visually-hidden">
          How it matches
        </label>
        <select
          id="user-search-match"
          className="form-select users-search-match"
          value={effectiveMatch}
          disabled={exactOnly}
          title={exactOnly ? `${SEARCH_FIELD_LABELS[by]} is searched by its whole value only` : undefined}
          onChange={(event) => onChange({ match: event.target.value as SearchMatch })}
        >
          <option value="prefix">starts with</option>
          <option value="exact">is exactly</option>
        </select>
        <label htmlFor="user-search" className="visually-hidden">
          {`${SEARCH_FIELD_LABELS[by]} ${effectiveMatch === 'exact' ? 'is exactly' : 'starts with'}`}
        </label>
        <input
          id="user-search"
          type="search"
          className="form-control users-search-query"
          value={query}
          maxLength={2048}
          placeholder={SEARCH_FIELD_EXAMPLES[by]}
          aria-describedby="user-search-case"
          onChange={(event) => onChange({ query: event.target.value })}
        />
        <BusyButton busy={searching} type="submit" disabled={!query.trim()}>
          Search
        </BusyButton>
      </div>
      <div id="user-search-case" className="form-text users-search-note">
        {caseNote(by)}
      </div>
    </form>
  )
}
