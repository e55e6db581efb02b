import { MembersTable } from './MembersTable'
import { scanLabel, type Found } from './findResults'

interface Props {
  found: Found
  selected: string | null
  onOpen: (username: string) => void
  onGoToStatistics: () => void
  focusSelected: boolean
}

/**
 * Part of an email: Cognito cannot search inside an attribute, so main looks in the last statistics
 * scan's copy of usernames and emails. The list says how old that copy is, and, when there is none,
 * what to do instead.
 */
export function ScanMatches({ found, selected, onOpen, onGoToStatistics, focusSelected }: Props) {
  if (!found.scan) {
    return (
      <div className="alert alert-info mb-0" role="status">
        Part of an email is looked up in the last statistics scan&apos;s copy of the pool, and no scan has finished on this pool yet. Run one on{' '}
        <button type="button" className="btn btn-link p-0 align-baseline" onClick={onGoToStatistics}>
          Statistics
        </button>
        , or type the whole email, the username, the phone number or the sub.
      </div>
    )
  }
  const { members, finishedAt, truncated } = found.scan
  const count = members.length
  return (
    <>
      <div className="users-results-head">
        <p className="users-caption mb-0" aria-live="polite">
          {count === 0 ? 'No user' : `${truncated ? 'The first ' : ''}${count.toLocaleString()} user${count === 1 ? '' : 's'}`} whose email contains &quot;
          {found.query}&quot; {scanLabel(finishedAt)}. {truncated ? 'Type more of the email to see the rest. ' : ''}The pool may have changed since: a user
          opened here is read afresh.
        </p>
      </div>
      {count > 0 && <MembersTable label="Users found in the last scan" members={members} selected={selected} onOpen={onOpen} focusSelected={focusSelected} />}
    </>
  )
}
