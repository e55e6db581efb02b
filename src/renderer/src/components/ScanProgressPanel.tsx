import type { ScanProgress } from '../../../shared/domain'
import { formatDuration } from '../utils/format'
import { BusyButton } from './BusyButton'

interface Props {
  progress: ScanProgress
  cancelling: boolean
  onCancel: () => void
}

/** A running (or stopped) scan: how far, how fast, how long to go. */
export function ScanProgressPanel({ progress, cancelling, onCancel }: Props) {
  const fraction = progress.partitionsTotal ? progress.partitionsDone / progress.partitionsTotal : 0
  const percent = Math.round(fraction * 100)
  const running = progress.state === 'running'
  return (
    <section className="card mb-3" aria-labelledby="scan-progress-heading">
      <div className="card-body">
        <div className="d-flex align-items-center mb-2">
          <h2 id="scan-progress-heading" className="h6 mb-0 me-auto">
            {running
              ? 'Scanning the pool…'
              : progress.state === 'cancelled'
                ? 'Scan cancelled (can be resumed)'
                : progress.state === 'failed'
                  ? 'Scan stopped by an error (can be resumed)'
                  : 'Scan finished'}
          </h2>
          {running && (
            <BusyButton busy={cancelling} className="btn btn-outline-danger btn-sm" onClick={onCancel}>
              Cancel scan
            </BusyButton>
          )}
        </div>
        <div className="progress mb-2" role="progressbar" aria-label="Scan progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
          <div className={`progress-bar${running ? ' progress-bar-striped progress-bar-animated' : ''}`} style={{ width: `${percent}%` }}>
            {percent}%
          </div>
        </div>
        <div className="small text-muted" role="status">
          {progress.users.toLocaleString()} users · {progress.pages.toLocaleString()} pages · partitions {progress.partitionsDone}/{progress.partitionsTotal} ·{' '}
          {running
            ? `${Math.round(progress.rate).toLocaleString()} users/s · about ${formatDuration(progress.etaSeconds)} to go`
            : `${formatDuration(progress.elapsedMs / 1000)} so far`}
        </div>
        <div className="small mt-1">
          Mode: {progress.mode === 'partitioned' ? 'partitioned by sub prefix, in parallel at the ListUsers quota' : 'one sequential pass'}
          {progress.modeReason && <div className="text-warning-emphasis">{progress.modeReason}</div>}
        </div>
      </div>
    </section>
  )
}
