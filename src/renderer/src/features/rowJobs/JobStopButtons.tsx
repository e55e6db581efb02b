import { isActive, type JobState } from '../../../../shared/jobs'
import { BusyButton } from '../../components/BusyButton'

interface Props {
  state: JobState | null
  /** The action the store is waiting on main for, if any. */
  pending: string | null
  onPause: () => void
  onCancel: () => void
}

/** Pause and Cancel for a row job running here; each shows busy while main stops it. */
export function JobStopButtons({ state, pending, onPause, onCancel }: Props) {
  if (!state || !isActive(state)) return null
  return (
    <>
      {state !== 'queued' && (
        <BusyButton busy={state === 'pausing' || pending === 'pause'} className="btn btn-outline-secondary btn-sm" onClick={onPause}>
          Pause
        </BusyButton>
      )}
      <BusyButton busy={state === 'cancelling' || pending === 'cancel'} className="btn btn-outline-danger btn-sm" onClick={onCancel}>
        Cancel
      </BusyButton>
    </>
  )
}
