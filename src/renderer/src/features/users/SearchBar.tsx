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
import { SelectField, type Option } from '../../components/SelectField'
import { whenSubmitted } from '../../lib/forms'
import { MATCH_WORDS } from './usersStore'

const FIELD_OPTIONS: Option<SearchField>[] = SEARCH_FIELDS.map((field) => ({ value: field, label: SEARCH_FIELD_LABELS[field] }))
const MATCH_OPTIONS: Option<SearchMatch>[] = (['prefix', 'exact'] as const).map((match) => ({ value: match, label: MATCH_WORDS[match] }))

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
  return (
    <form className="users-search" role="search" aria-label="Search users" onSubmit={whenSubmitted(onSearch)}>
      <div className="users-search-row">
        <SelectField
          id="user-search-field"
          label="Search by"
          className="form-select users-search-field"
          value={by}
          options={FIELD_OPTIONS}
          onChange={(field) => onChange({ by: field })}
        />
        <SelectField
          id="user-search-match"
          label="How it matches"
          className="form-select users-search-match"
          value={effectiveMatch}
          disabled={exactOnly}
          title={exactOnly ? `${SEARCH_FIELD_LABELS[by]} is searched by its whole value only` : undefined}
          options={MATCH_OPTIONS}
          onChange={(match) => onChange({ match })}
        />
        <label htmlFor="user-search" className="visually-hidden">
          {`${SEARCH_FIELD_LABELS[by]} ${MATCH_WORDS[effectiveMatch]}`}
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
