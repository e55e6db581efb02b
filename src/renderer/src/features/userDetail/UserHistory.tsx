import type { HistoryEntry } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDateTime } from '../../lib/format'
import { OUTCOMES } from '../../lib/outcomes'

interface Props {
  entries: HistoryEntry[] | null
  error: AppErrorShape | null
}

/**
 * This user's tier changes and account actions from this computer's audit trail, newest first: what,
 * the outcome, when, by whom and for what reason (the History tab of the user's page).
 */
export function UserHistory({ entries, error }: Props) {
  return (
    <section className="users-history" aria-labelledby="user-history-heading">
      <h3 id="user-history-heading" className="users-section-title">
        Changes made from this computer{entries ? ` (${entries.length})` : ''}
      </h3>
      <ErrorAlert error={error} />
      {!entries && !error && <p className="small text-body-secondary mb-0">Reading the audit trail…</p>}
      {entries && entries.length === 0 && <p className="small text-body-secondary mb-0">No changes to this user were made from this computer.</p>}
      {entries && entries.length > 0 && (
        <ol className="list-unstyled mb-0 users-history-list" aria-label="History">
          {entries.map((entry, index) => {
            const outcome = OUTCOMES[entry.outcome]
            return (
              <li key={`${entry.at}-${index}`}>
                <div className="users-history-line">
                  <span className="text-break">{entry.summary}</span>
                  <span
                    className={`text-nowrap text-${outcome.tone}-emphasis`}
                    title={entry.errorName ? `${outcome.title} (${entry.errorName})` : outcome.title}
                  >
                    {outcome.label}
                  </span>
                </div>
                <div className="small text-body-secondary text-break">
                  {formatDateTime(entry.at)}
                  {entry.osUser ? ` · by ${entry.osUser}` : ''}
                  {entry.reason ? ` · reason: ${entry.reason}` : ''}
                  {entry.errorName ? ` · ${entry.errorName}` : ''}
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
