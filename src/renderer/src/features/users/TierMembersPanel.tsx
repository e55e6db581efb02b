import { MAX_BULK_ROWS } from '../../../../shared/bulk'
import type { AppErrorShape } from '../../../../shared/errors'
import { ErrorAlert } from '../../components/ErrorAlert'
import { BUCKET_LABELS, formatDateTime } from '../../lib/format'
import { MembersTable } from './MembersTable'
import { MEMBERS_PAGE, useTierMembers, type MembersView } from './tierMembersStore'

interface Props {
  view: MembersView | null
  error: AppErrorShape | null
  /** When the scan these users come from finished. */
  scannedAt: string | null
  selected: string | null
  onOpen: (username: string) => void
  onPage: (offset: number) => void
  onBack: () => void
  onGoToStatistics: () => void
  /** Opens a bulk tier change for every user of the tier (or, past one job's limit, those on this page). */
  onBulk: (usernames: string[]) => void
  /** Reads every member's username; null when that failed (the panel's error says why). */
  allUsernames: () => Promise<string[] | null>
  /** Focus the open user's row: the operator came back from their page. */
  focusSelected?: boolean
}

/**
 * The users of a tier from the last scan, in the list pane in place of the search results. Opening
 * one leaves the list exactly as it is, so the next click lands on the row the operator aimed at.
 */
export function TierMembersPanel({
  view,
  error,
  scannedAt,
  selected,
  onOpen,
  onPage,
  onBack,
  onGoToStatistics,
  onBulk,
  allUsernames,
  focusSelected = false
}: Props) {
  const returns = useTierMembers((state) => state.returns)
  const returnsError = useTierMembers((state) => state.returnsError)
  const back = (
    <button type="button" className="btn btn-link btn-sm p-0" onClick={onBack}>
      Back to the results
    </button>
  )
  if (error?.code === 'NO_SCAN_RESULT') {
    return (
      <div className="users-pane-body">
        <div className="alert alert-info" role="alert">
          Run a statistics scan first: a tier&apos;s users come from a full scan of the pool.{' '}
          <button type="button" className="btn btn-link p-0 align-baseline" onClick={onGoToStatistics}>
            Go to Statistics
          </button>
        </div>
        {back}
      </div>
    )
  }
  if (!view) {
    return (
      <div className="users-pane-body">
        <ErrorAlert error={error} />
        {back}
      </div>
    )
  }
  const last = Math.min(view.offset + MEMBERS_PAGE, view.total)
  return (
    <>
      <div className="users-results-head">
        <p className="users-caption mb-0" aria-live="polite">
          {view.total.toLocaleString()} users ({BUCKET_LABELS[view.bucket]}) in the scan{scannedAt ? ` of ${formatDateTime(scannedAt)}` : ''}. Click one to open
          it.
        </p>
        {back}
        {view.members.length > 0 &&
          (view.total <= MAX_BULK_ROWS ? (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void allUsernames().then((all) => all && onBulk(all))}>
              Change tier of all {view.total.toLocaleString()}…
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              title={`One bulk change takes at most ${MAX_BULK_ROWS.toLocaleString()} users`}
              onClick={() => onBulk(view.members.map((member) => member.username))}
            >
              Change tier of {view.members.length.toLocaleString()} on this page…
            </button>
          ))}
      </div>
      <ErrorAlert error={error} />
      {returnsError && <p className="small text-body-secondary mb-1">Pending tier returns could not be read: {returnsError.message}</p>}
      <MembersTable label="Users of the tier" members={view.members} selected={selected} onOpen={onOpen} focusSelected={focusSelected} returns={returns} />
      <div className="users-pager">
        <span className="small text-body-secondary">
          {view.total === 0 ? 'None' : `${(view.offset + 1).toLocaleString()}–${last.toLocaleString()} of ${view.total.toLocaleString()}`}
        </span>
        <button
          type="button"
          className="btn btn-sm btn-outline-secondary"
          disabled={view.offset === 0}
          onClick={() => onPage(Math.max(0, view.offset - MEMBERS_PAGE))}
        >
          Previous
        </button>
        <button type="button" className="btn btn-sm btn-outline-secondary" disabled={last >= view.total} onClick={() => onPage(view.offset + MEMBERS_PAGE)}>
          Next
        </button>
      </div>
    </>
  )
}
