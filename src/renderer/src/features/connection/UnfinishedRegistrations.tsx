import { useEffect } from 'react'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useStoreFields } from '../../hooks/useStoreFields'
import { useUnfinished } from './unfinishedStore'

/**
 * Under the bar, once per connection: registrations cut between SignUp and the tier (a crash, an
 * outage), each user without a tier until finished, with the button that sets the tier it meant.
 */
export function UnfinishedRegistrations({ poolKey }: { poolKey: string }) {
  const { registrations, finishing, error, load, finish } = useStoreFields(useUnfinished, ['registrations', 'finishing', 'error', 'load', 'finish'])
  useEffect(() => {
    void load()
  }, [poolKey, load])
  if (!registrations.length && !error) return null
  return (
    <div className="alert alert-warning py-2 px-3 mt-2 mb-1" role="alert" aria-label="Unfinished registrations">
      <strong>{registrations.length === 1 ? 'A registration was not finished.' : `${registrations.length} registrations were not finished.`}</strong> Each user
      below was signed up, but the app stopped before setting the tier: they have no tier until it is finished.
      <ul className="list-unstyled mb-0 mt-1">
        {registrations.map((r) => (
          <li key={r.username} className="d-flex align-items-center gap-2 py-1">
            <span className="me-auto text-break">
              <strong>{r.username}</strong>: no tier — registration not finished (meant: {r.tier}, begun {new Date(r.startedAt).toLocaleString()})
            </span>
            <BusyButton
              busy={finishing === r.username}
              disabled={finishing !== null}
              className="btn btn-sm btn-warning text-nowrap"
              onClick={() => void finish(r.username)}
            >
              Finish: set {r.tier}
            </BusyButton>
          </li>
        ))}
      </ul>
      <ErrorAlert error={error} title="The registration was not finished" />
    </div>
  )
}
