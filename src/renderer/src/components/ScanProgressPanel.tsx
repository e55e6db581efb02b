import type { Ref } from 'react'
import type { ScanProgress } from '../../../shared/domain'
import { formatDuration } from '../utils/format'
import { BusyButton } from './BusyButton'

interface Props {
  progress: ScanProgress
  cancelling: boolean
  onCancel: () => void
  /** The panel, which takes focus after Scan, Resume and Cancel: the buttons pressed go away, their result is here. */
  ref?: Ref<HTMLElement>
}

/**
 * A running (or stopped) scan: how far, how fast, how long to go. A scan that runs in another process
 * of the app shows its finished partitions as they land; only that process can cancel it.
 */
export function ScanProgressPanel({ progress, cancelling, onCancel, ref }: Props) {
  const fraction = progress.partitionsTotal ? progress.partitionsDone / progress.partitionsTotal : 0
  const percent = Math.round(fraction * 100)
  const running = progress.state === 'running'
  const elsewhere = running ? progress.runningElsewhere : undefined
  return (
    <section ref={ref} tabIndex={-1} className="card mb-3" aria-labelledby="scan-progress-heading">
      <div className="card-body">
        <div className="d-flex align-items-center mb-2">
          <h2 id="scan-progress-heading" className="h6 mb-0 me-auto">
            {elsewhere
              ? `Running in ${elsewhere}`
              : running
                ? 'Scanning the pool…'
                : progress.state === 'cancelled'
                  ? 'Scan cancelled (can be resumed)'
                  : progress.state === 'failed'
                    ? 'Scan stopped by an error (can be resumed)'
                    : 'Scan finished'}
          </h2>
          {running && !elsewhere && (
            <BusyButton busy={cancelling} className="btn btn-outline-danger btn-sm" onClick={onCancel}>
              Cancel scan
            </BusyButton>
          )}
        </div>
        {elsewhere && (
          <p className="small mb-2">This window cannot cancel or resume it: stop it there if it must stop. The figures appear here when it finishes.</p>
        )}
        <div className="progress mb-2" role="progressbar" aria-label="Scan progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
          <div className={`progress-bar${running ? ' progress-bar-striped progress-bar-animated' : ''}`} style={{ width: `${percent}%` }}>
            {percent}%
          </div>
        </div>
        <div className="small text-muted" role="status">
          {statusLine(progress, elsewhere)}
        </div>
        <div className="small mt-1">
          Mode: {progress.mode === 'partitioned' ? 'partitioned by sub prefix, in parallel at the ListUsers quota' : 'one sequential pass'}
          {progress.modeReason && <div className="text-warning-emphasis">{progress.modeReason}</div>}
        </div>
      </div>
    </section>
  )
}

/** How far the scan got; a scan elsewhere is known only by its finished partitions, so no rate or time to go (its start is in the heading). */
function statusLine(progress: ScanProgress, elsewhere: string | undefined): string {
  const partitions = `partitions ${progress.partitionsDone}/${progress.partitionsTotal}`
  if (elsewhere) return `${progress.users.toLocaleString()} users in the partitions finished there so far · ${partitions}`
  const pace =
    progress.state === 'running'
      ? `${Math.round(progress.rate).toLocaleString()} users/s · about ${formatDuration(progress.etaSeconds)} to go`
      : `${formatDuration(progress.elapsedMs / 1000)} so far`
  return `${progress.users.toLocaleString()} users · ${progress.pages.toLocaleString()} ${progress.pages === 1 ? 'page' : 'pages'} · ${partitions} · ${pace}`
}
