import type { AppErrorShape } from '../../../../shared/errors'
import { isActive, type JobState } from '../../../../shared/jobs'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDuration } from '../../lib/format'

/** What a row job (bulk tier change, import) says in each state; only "running" names the work. */
const headings = (running: string): Record<JobState, string> => ({
  queued: 'Starting…',
  running,
  pausing: 'Pausing…',
  paused: 'Paused (can be resumed)',
  cancelling: 'Stopping…',
  cancelled: 'Cancelled (can be resumed)',
  interrupted: 'Interrupted when the app closed (can be resumed)',
  failed: 'Stopped by an error (can be resumed)',
  done: 'Finished'
})

interface RowJobProgressShown {
  state: JobState
  total: number
  done: number
  elapsedMs: number
  rate: number
  etaSeconds: number | null
  error?: AppErrorShape
  runningElsewhere?: string
}

interface Props {
  progress: RowJobProgressShown
  /** e.g. "import" ("Import progress", "The import stopped"). */
  noun: string
  /** The heading while it runs, e.g. "Creating users…". */
  running: string
  /** The outcome counts, e.g. "3 created · 1 existed · …". */
  counts: string
  headingId: string
}

/** A started row job: where it stands, every row counted once, and the pace while it runs. */
export function RowJobStatus({ progress, noun, running, counts, headingId }: Props) {
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0
  const pace = progress.state === 'running' ? ` · ${progress.rate.toFixed(1)} rows/s · about ${formatDuration(progress.etaSeconds)} to go` : ''
  const capitalised = noun.charAt(0).toUpperCase() + noun.slice(1)
  return (
    <section className="mb-2" aria-labelledby={headingId}>
      <h3 id={headingId} className="h6 mb-1" tabIndex={-1}>
        {progress.runningElsewhere && isActive(progress.state) ? `Running in ${progress.runningElsewhere}` : headings(running)[progress.state]}
      </h3>
      {progress.state === 'failed' && <ErrorAlert error={progress.error ?? null} title={`The ${noun} stopped`} />}
      <div className="progress mb-1" role="progressbar" aria-label={`${capitalised} progress`} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <div className={`progress-bar${progress.state === 'running' ? ' progress-bar-striped progress-bar-animated' : ''}`} style={{ width: `${percent}%` }}>
          {percent}%
        </div>
      </div>
      <div className="small text-muted" role="status" aria-label={`${capitalised} counts`}>
        {progress.done.toLocaleString()}/{progress.total.toLocaleString()} rows · {counts} · {formatDuration(progress.elapsedMs / 1000)} elapsed
        {pace}
      </div>
    </section>
  )
}
