import type { Ref } from 'react'
import { BusyButton } from '../../components/BusyButton'
import { whenSubmitted } from '../../lib/forms'

interface Props {
  query: string
  finding: boolean
  inputRef?: Ref<HTMLInputElement>
  onChange: (query: string) => void
  onFind: () => void
}

/**
 * The one box for whatever a ticket quotes: an email, a username, a phone number, a sub, or part of an
 * email. Main tells which it is (findUsers); exactly one match opens, anything else lists.
 */
export function FindBar({ query, finding, inputRef, onChange, onFind }: Props) {
  return (
    <form className="users-find" role="search" aria-label="Find a user" onSubmit={whenSubmitted(onFind)}>
      <label htmlFor="user-find" className="visually-hidden">
        Email, username, phone number or sub
      </label>
      <input
        ref={inputRef}
        id="user-find"
        type="search"
        className="form-control"
        value={query}
        maxLength={2048}
        autoComplete="off"
        placeholder="Email, username, phone, sub — or @domain"
        title="An email, a username, a phone number (+447…) or a sub opens the user; part of an email (@acme.com) lists the last scan's matches"
        onChange={(event) => onChange(event.target.value)}
      />
      <BusyButton busy={finding} type="submit" disabled={!query.trim()}>
        Find
      </BusyButton>
    </form>
  )
}
