import { isResumable, type JobState } from '../../../../shared/jobs'
import { BusyButton } from '../../components/BusyButton'
import type { StatsAction } from './statsStore'

interface Props {
  state: JobState
  /** The request in flight; its button stays busy until main's update shows the new state. */
  pending: StatsAction | null
  onPause: () => void
  onCancel: () => void
  onResume: () => void
}

/**
 * What the operator can do to a scan of this window in its state: pause or stop one that runs, resume
 * one that stopped with partitions left. While a pause or stop is under way both buttons are held.
 */
export function ScanActions({ state, pending, onPause, onCancel, onResume }: Props) {
  if (isResumable(state)) {
    return (
      <BusyButton busy={pending === 'start'} className="btn btn-primary btn-sm" onClick={onResume}>
        Resume scan
      </BusyButton>
    )
  }
  if (state !== 'queued' && state !== 'running' && state !== 'pausing' && state !== 'cancelling') return null
  const pausing = state === 'pausing' || pending === 'pause'
  const stopping = state === 'cancelling' || pending === 'cancel'
  return (
    <div className="d-flex gap-2">
      {/* A queued scan has nothing to pause yet: it can only be called off. */}
      {state !== 'queued' && (
        <BusyButton busy={pausing} disabled={stopping} className="btn btn-outline-secondary btn-sm" onClick={onPause}>
          {pausing ? 'Pausing…' : 'Pause scan'}
        </BusyButton>
      )}
      <BusyButton busy={stopping} disabled={pausing} className="btn btn-outline-danger btn-sm" onClick={onCancel}>
        {stopping ? 'Stopping…' : 'Cancel scan'}
      </BusyButton>
    </div>
  )
}
