import { useEffect } from 'react'
import { returnDate } from '../../../../shared/tierReturns'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useStoreFields } from '../../hooks/useStoreFields'
import { formatDateTime } from '../../lib/format'
import { useNavigation } from '../../stores/navigationStore'
import { useUsers } from '../users/usersStore'
import { usePendingReturns } from './pendingReturnsStore'

/**
 * Every pending tier return of the pool (the app's schedule group in EventBridge Scheduler), soonest
 * first, read when the screen opens and on Refresh; a return whose user no longer holds the granted
 * tier carries its flag. A username opens the user.
 */
export function PendingReturnsSection() {
  const { list, error, loading, load } = useStoreFields(usePendingReturns, ['list', 'error', 'loading', 'load'])
  useEffect(() => void load(), [load])

  function openUser(username: string): void {
    useNavigation.getState().go('users')
    void useUsers.getState().openUsername(username)
  }

  return (
    <section className="mt-4" aria-labelledby="pending-returns-heading">
      <div className="d-flex align-items-center flex-wrap gap-2 mb-2">
        <h2 id="pending-returns-heading" className="h5 mb-0 me-auto">
          Pending returns
        </h2>
        {list && <span className="small text-body-secondary">Read {formatDateTime(list.listedAt)}</span>}
        <BusyButton busy={loading} className="btn btn-sm btn-outline-secondary" onClick={() => void load()}>
          Refresh
        </BusyButton>
      </div>
      <ErrorAlert error={error} title="The pending returns could not be read" />
      {list && list.returns.length === 0 && <p className="small text-body-secondary">No tier returns are pending: no grant has an end date.</p>}
      {list && list.returns.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm align-middle mb-0" aria-label="Pending tier returns">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Tier</th>
                <th scope="col">Returns on</th>
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {list.returns.map((pending) => (
                <tr key={pending.scheduleName}>
                  <td className="text-break">
                    <button type="button" className="btn btn-link btn-sm p-0 text-start" onClick={() => openUser(pending.username)}>
                      {pending.username}
                    </button>
                  </td>
                  <td className="text-nowrap">
                    {pending.grantedTier} → {pending.returnTier}
                  </td>
                  <td className="text-nowrap">{returnDate(pending.at)}</td>
                  <td>{pending.flagged ? <span className="text-warning-emphasis">{pending.flagged}</span> : <span className="text-body-secondary">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
