import './statistics.css'
import { useEffect, useRef, useState } from 'react'
import type { TierBucket } from '../../../../shared/domain'
import { isActive } from '../../../../shared/jobs'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField } from '../../components/SelectField'
import { BUCKET_OPTIONS, formatDateTime, formatDuration } from '../../lib/format'
import { FullExportPanel } from '../export/FullExportPanel'
import { CountsTable } from './CountsTable'
import { EstimateTable } from './EstimateTable'
import { ScanProgressPanel } from './ScanProgressPanel'
import { TierCharts } from './TierCharts'
import { useStats } from './statsStore'

export function StatisticsScreen() {
  const snapshot = useStats((state) => state.snapshot)
  const loading = useStats((state) => state.loading)
  const pending = useStats((state) => state.pending)
  const exporting = useStats((state) => state.exporting)
  const error = useStats((state) => state.error)
  const exported = useStats((state) => state.exported)
  const exportError = useStats((state) => state.exportError)
  const subscribe = useStats((state) => state.subscribe)
  const start = useStats((state) => state.start)
  const pause = useStats((state) => state.pause)
  const cancel = useStats((state) => state.cancel)
  const exportCsv = useStats((state) => state.exportCsv)
  const [bucket, setBucket] = useState<TierBucket>('premium')
  const panelRef = useRef<HTMLElement>(null)
  const errorRef = useRef<HTMLDivElement>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)

  useEffect(subscribe, [subscribe])

  const last = snapshot?.last ?? null
  // A finished scan is shown by its figures below, not by a panel.
  const progress = snapshot?.progress?.state === 'done' ? null : (snapshot?.progress ?? null)
  const active = progress !== null && isActive(progress.state)

  // A scan that finishes takes its panel (and the focus in it) away: focus goes on to its figures.
  const finishedAt = last?.finishedAt
  const seenFinish = useRef(finishedAt)
  useEffect(() => {
    if (seenFinish.current === finishedAt) return
    seenFinish.current = finishedAt
    if (document.activeElement === document.body || document.activeElement === null) resultRef.current?.focus()
  }, [finishedAt])

  /** Scan, Pause, Resume and Cancel buttons vanish once pressed: focus goes to what they did. */
  async function act(action: () => Promise<void>): Promise<void> {
    await action()
    requestAnimationFrame(() => (useStats.getState().error ? errorRef.current : (panelRef.current ?? resultRef.current))?.focus())
  }

  return (
    <div>
      <div className="d-flex align-items-center mb-3 gap-2">
        <h1 className="h3 mb-0 me-auto">Tier statistics</h1>
        {/* A scan that stopped part-way is resumed from its panel; this starts a new one. */}
        {!progress && (
          <BusyButton busy={pending === 'start'} onClick={() => void act(start)}>
            Scan pool
          </BusyButton>
        )}
      </div>
      <p className="small text-body-secondary">
        Cognito cannot count users by a custom attribute, so the app reads the whole pool (60 users a request, at most 30 requests a second for the account).
        Large pools take minutes; an estimate appears as soon as the first partitions finish.
      </p>
      <FullExportPanel />
      {loading && <p className="text-body-secondary">Loading…</p>}
      <ErrorAlert ref={errorRef} error={error} />
      {progress && (
        <ScanProgressPanel
          ref={panelRef}
          progress={progress}
          pending={pending}
          onPause={() => void act(pause)}
          onCancel={() => void act(cancel)}
          onResume={() => void act(start)}
        />
      )}
      {progress?.estimate && <EstimateTable estimate={progress.estimate} />}
      {progress && progress.figures.total > 0 && (
        <p className="small text-body-secondary">
          So far: {progress.figures.total.toLocaleString()} users counted exactly; the final figures appear when the scan finishes.
        </p>
      )}

      {last ? (
        <section aria-labelledby="last-result-heading">
          <h2 id="last-result-heading" ref={resultRef} tabIndex={-1} className="h5 mb-2">
            {last.figures.total.toLocaleString()} users — scan of {formatDateTime(last.finishedAt)}
            <span className="text-body-secondary small fw-normal ms-2">
              ({formatDuration(last.durationMs / 1000)}, {last.mode})
            </span>
          </h2>
          {last.mode === 'sequential' && last.modeReason && <p className="small text-warning-emphasis">{last.modeReason}</p>}
          {/* The exports on a row of their own, with what the last one did beside them. */}
          <div className="d-flex align-items-center flex-wrap gap-2 mb-3">
            <BusyButton busy={exporting} className="btn btn-outline-secondary btn-sm" onClick={() => void exportCsv({ kind: 'figures' })}>
              Export figures (CSV)
            </BusyButton>
            <SelectField
              id="export-bucket"
              label="Tier to export"
              className="form-select form-select-sm w-auto"
              value={bucket}
              options={BUCKET_OPTIONS}
              onChange={setBucket}
            />
            <BusyButton busy={exporting} className="btn btn-outline-secondary btn-sm" onClick={() => void exportCsv({ kind: 'tier', bucket })}>
              Export tier list (CSV)
            </BusyButton>
            <span className="small text-success-emphasis text-break" role="status" title={exported?.path}>
              {exported && `Saved ${exported.rows.toLocaleString()} rows to ${exported.path}`}
            </span>
          </div>
          <ErrorAlert error={exportError} title="The export failed" />
          <TierCharts figures={last.figures} />
          <CountsTable figures={last.figures} />
        </section>
      ) : (
        !active && !loading && <p className="text-body-secondary">No scan of this pool has finished yet.{progress ? '' : ' Start one with “Scan pool”.'}</p>
      )}
    </div>
  )
}
