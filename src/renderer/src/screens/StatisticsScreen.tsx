import { useEffect, useState } from 'react'
import type { TierBucket } from '../../../shared/domain'
import { BucketSelect } from '../components/BucketSelect'
import { BusyButton } from '../components/BusyButton'
import { CountsTable } from '../components/CountsTable'
import { ErrorAlert } from '../components/ErrorAlert'
import { EstimateTable } from '../components/EstimateTable'
import { ScanProgressPanel } from '../components/ScanProgressPanel'
import { TierCharts } from '../components/TierCharts'
import { useStats } from '../stores/statsStore'
import { formatDateTime, formatDuration } from '../utils/format'

export function StatisticsScreen() {
  const { snapshot, loading, starting, cancelling, exporting, error, load, start, cancel, exportCsv, stopPolling } = useStats()
  const [bucket, setBucket] = useState<TierBucket>('premium')

  useEffect(() => {
    void load()
    return stopPolling
  }, [load, stopPolling])

  const progress = snapshot?.progress ?? null
  const last = snapshot?.last ?? null
  const running = progress?.state === 'running'
  const resumable = progress?.state === 'cancelled' || progress?.state === 'failed'

  return (
    <div>
      <div className="d-flex align-items-center mb-3 gap-2">
        <h1 className="h3 mb-0 me-auto">Tier statistics</h1>
        {!running && (
          <BusyButton busy={starting} onClick={() => void start()}>
            {resumable ? 'Resume scan' : 'Scan pool'}
          </BusyButton>
        )}
      </div>
      <p className="small text-muted">
        Cognito cannot count users by a custom attribute, so the app reads the whole pool (60 users a request, at most 30 requests a second for the account).
        Large pools take minutes; an estimate appears as soon as the first partitions finish.
      </p>
      {loading && <p className="text-muted">Loading…</p>}
      <ErrorAlert error={error} />
      {progress && progress.state !== 'done' && <ScanProgressPanel progress={progress} cancelling={cancelling} onCancel={() => void cancel()} />}
      {progress?.error && <ErrorAlert error={progress.error} title="The scan stopped" />}
      {running && progress.estimate && <EstimateTable estimate={progress.estimate} />}
      {running && progress.figures.total > 0 && (
        <p className="small text-muted">
          So far: {progress.figures.total.toLocaleString()} users counted exactly; the final figures appear when the scan finishes.
        </p>
      )}

      {last ? (
        <section aria-labelledby="last-result-heading">
          <div className="d-flex align-items-center flex-wrap gap-2 mb-2">
            <h2 id="last-result-heading" className="h5 mb-0 me-auto">
              {last.figures.total.toLocaleString()} users — scan of {formatDateTime(last.finishedAt)}
              <span className="text-muted small fw-normal ms-2">
                ({formatDuration(last.durationMs / 1000)}, {last.mode})
              </span>
            </h2>
            <BusyButton busy={exporting} className="btn btn-outline-secondary btn-sm" onClick={() => void exportCsv({ kind: 'figures' })}>
              Export figures (CSV)
            </BusyButton>
            <label htmlFor="export-bucket" className="visually-hidden">
              Tier to export
            </label>
            <BucketSelect id="export-bucket" className="form-select form-select-sm w-auto" value={bucket} onChange={setBucket} />
            <BusyButton busy={exporting} className="btn btn-outline-secondary btn-sm" onClick={() => void exportCsv({ kind: 'tier', bucket })}>
              Export tier list (CSV)
            </BusyButton>
          </div>
          <TierCharts figures={last.figures} />
          <CountsTable figures={last.figures} />
        </section>
      ) : (
        !running && !loading && <p className="text-muted">No scan of this pool has finished yet. Start one with “Scan pool”.</p>
      )}
    </div>
  )
}
