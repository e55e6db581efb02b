import type { Ref } from 'react'
import type { ScanProgress } from '../../../../shared/domain'
import { isActive, type JobState } from '../../../../shared/jobs'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDuration } from '../../lib/format'
import { ScanActions } from './ScanActions'
import type { StatsAction } from './statsStore'

interface Props {
  progress: ScanProgress
  pending: StatsAction | null
  onPause: () => void
  onCancel: () => void
  onResume: () => void
  /** The panel, which takes focus after an action: the button pressed may go away, its result is here. */
  ref?: Ref<HTMLElement>
}

const HEADINGS: Record<JobState, string> = {
  queued: 'Starting the scan…',
  running: 'Scanning the pool…',
  pausing: 'Pausing the scan…',
  paused: 'Scan paused (can be resumed)',
  cancelling: 'Stopping the scan…',
  cancelled: 'Scan cancelled (can be resumed)',
  interrupted: 'Scan interrupted (can be resumed)',
  failed: 'Scan stopped by an error (can be resumed)',
  done: 'Scan finished'
}

const KEPT = 'The partitions it finished are kept: “Resume scan” reads only the rest.'

/** What a stopped scan leaves behind, so the operator knows what resuming costs. */
const NOTES: Partial<Record<JobState, string>> = {
  paused: KEPT,
  cancelled: KEPT,
  interrupted: 'The scan stopped when the app or the command line closed unexpectedly; resume picks up from the finished partitions.',
  failed: 'Resume picks up from the finished partitions once the cause is dealt with.'
}

/**
 * A scan that has not finished: its state, how far, how fast, how long it has run, and what can be
 * done to it. A scan that runs in another process of the app shows its progress as it lands; only that
 * process can pause or stop it.
 */
export function ScanProgressPanel({ progress, pending, onPause, onCancel, onResume, ref }: Props) {
  const percent = Math.round(progress.partitionsTotal ? (progress.partitionsDone / progress.partitionsTotal) * 100 : 0)
  const elsewhere = isActive(progress.state) ? progress.runningElsewhere : undefined
  const note = NOTES[progress.state]
  return (
    <section ref={ref} tabIndex={-1} className="card mb-3" aria-labelledby="scan-progress-heading">
      <div className="card-body">
        <div className="d-flex align-items-center flex-wrap gap-2 mb-2">
          <h2 id="scan-progress-heading" className="h6 mb-0 me-auto">
            {elsewhere ? `Running in ${elsewhere}` : HEADINGS[progress.state]}
          </h2>
          {!elsewhere && <ScanActions state={progress.state} pending={pending} onPause={onPause} onCancel={onCancel} onResume={onResume} />}
        </div>
        {elsewhere && (
          <p className="small mb-2">This window cannot pause, cancel or resume it: stop it there if it must stop. The figures appear here when it finishes.</p>
        )}
        {note && <p className="small mb-2">{note}</p>}
        {progress.state === 'failed' && <ErrorAlert error={progress.error ?? null} title="The scan stopped" />}
        <div className="progress mb-2" role="progressbar" aria-label="Scan progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
          <div className={`progress-bar${progress.state === 'running' ? ' progress-bar-striped progress-bar-animated' : ''}`} style={{ width: `${percent}%` }}>
            {percent}%
          </div>
        </div>
        <div className="small text-muted" role="status">
          {statusLine(progress, elsewhere)}
        </div>
        <div className="small mt-1">
          {progress.mode === 'partitioned' ? 'Reading the pool in parts side by side, as fast as the quota allows.' : 'Reading the pool from start to end.'}
          {progress.mode === 'sequential' && progress.modeReason && <div className="text-warning-emphasis">{progress.modeReason}</div>}
        </div>
      </div>
    </section>
  )
}

/**
 * How far the scan got. The time is the scan's own running time over all its runs, so a resumed scan
 * does not start from zero. A scan elsewhere is known only by its finished partitions: no rate or time.
 */
function statusLine(progress: ScanProgress, elsewhere: string | undefined): string {
  const partitions = `partitions ${progress.partitionsDone}/${progress.partitionsTotal}`
  if (elsewhere) return `${progress.users.toLocaleString()} users in the partitions finished there so far · ${partitions}`
  const elapsed = `${formatDuration(progress.elapsedMs / 1000)} elapsed`
  const pace =
    progress.state === 'running'
      ? `${Math.round(progress.rate).toLocaleString()} users/s · about ${formatDuration(progress.etaSeconds)} to go · ${elapsed}`
      : elapsed
  return `${progress.users.toLocaleString()} users · ${progress.pages.toLocaleString()} ${progress.pages === 1 ? 'page' : 'pages'} · ${partitions} · ${pace}`
}
