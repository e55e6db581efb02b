import { useState } from 'react'
import type { TierBucket } from '../../../shared/domain'
import { useNavigation } from '../stores/navigationStore'
import { useStats } from '../stores/statsStore'
import { MEMBERS_PAGE, useUsers } from '../stores/usersStore'
import { BUCKET_LABELS, formatDateTime } from '../utils/format'
import { BucketSelect } from './BucketSelect'
import { BusyButton } from './BusyButton'
import { ErrorAlert } from './ErrorAlert'

/** Cognito cannot filter on a custom attribute, so a tier's users come from the last full scan. */
export function TierMembersPanel() {
  const [bucket, setBucket] = useState<TierBucket>('premium')
  const { members, membersLoading, membersError, loadMembers, open } = useUsers()
  const lastScan = useStats((state) => state.snapshot?.last)
  const go = useNavigation((state) => state.go)
  const noScan = membersError?.code === 'NO_SCAN_RESULT'
  return (
    <section className="card mb-4" aria-labelledby="tier-members-heading">
      <div className="card-body">
        <h2 id="tier-members-heading" className="h6">
          Users of a tier
        </h2>
        <form
          className="d-flex gap-2 align-items-end mb-2"
          onSubmit={(event) => {
            event.preventDefault()
            void loadMembers(bucket)
          }}
        >
          <div>
            <label htmlFor="members-bucket" className="form-label small mb-1">
              Tier bucket
            </label>
            <BucketSelect id="members-bucket" value={bucket} onChange={setBucket} />
          </div>
          <BusyButton busy={membersLoading} type="submit" className="btn btn-outline-primary">
            List users
          </BusyButton>
        </form>
        {noScan ? (
          <div className="alert alert-info" role="alert">
            Run a statistics scan first: a tier's users come from a full scan of the pool.{' '}
            <button type="button" className="btn btn-link p-0 align-baseline" onClick={() => go('statistics')}>
              Go to Statistics
            </button>
          </div>
        ) : (
          <ErrorAlert error={membersError} />
        )}
        {members && (
          <>
            <p className="small text-muted mb-1">
              {members.total.toLocaleString()} users ({BUCKET_LABELS[members.bucket]}) in the scan{lastScan ? ` of ${formatDateTime(lastScan.finishedAt)}` : ''}
              . Click one to open it.
            </p>
            <table className="table table-sm table-hover table-clickable" aria-label="Users of the tier">
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Email</th>
                  <th scope="col">Stored tier value</th>
                </tr>
              </thead>
              <tbody>
                {members.members.map((member) => (
                  <tr
                    key={member.username}
                    tabIndex={0}
                    onClick={() => void open(member.username)}
                    onKeyDown={(event) => event.key === 'Enter' && void open(member.username)}
                  >
                    <td>{member.username}</td>
                    <td>{member.email ?? '—'}</td>
                    <td className="mono">{member.tierValue || '(none)'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="d-flex gap-2">
              <button
                type="button"
                className="btn btn-sm btn-outline-secondary"
                disabled={members.offset === 0}
                onClick={() => void loadMembers(members.bucket, Math.max(0, members.offset - MEMBERS_PAGE))}
              >
                Previous
              </button>
              <button
                type="button"
                className="btn btn-sm btn-outline-secondary"
                disabled={members.offset + MEMBERS_PAGE >= members.total}
                onClick={() => void loadMembers(members.bucket, members.offset + MEMBERS_PAGE)}
              >
                Next
              </button>
            </div>
          </>
        )}
      </div>
    </section>
  )
}
