import './statistics.css'
import { useEffect, useRef } from 'react'
import { isActive } from '../../../../shared/jobs'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedFileNote } from '../../components/SavedFileNote'
import { formatDateTime, formatDuration } from '../../lib/format'
import { FullExportPanel } from '../export/FullExportPanel'
import { CountsTable } from './CountsTable'
import { EstimateTable } from './EstimateTable'
import { ExportMenu } from './ExportMenu'
import { PendingReturnsSection } from './PendingReturnsSection'
import { ScanProgressPanel } from './ScanProgressPanel'
import { SCAN_MODE_WORDS } from './scanModeWords'
import { TierCharts } from './TierCharts'
import { TierSummary } from './TierSummary'
import { TrendSection } from './TrendSection'
import { useStats } from './statsStore'

export function StatisticsScreen() {
  const snapshot = useStats((state) => state.snapshot)
  const loading = useStats((state) => state.loading)
  const pending = useStats((state) => state.pending)
  const error = useStats((state) => state.error)
  const exported = useStats((state) => state.exported)
  const exportError = useStats((state) => state.exportError)
  const subscribe = useStats((state) => state.subscribe)
  const start = useStats((state) => state.start)
  const pause = useStats((state) => state.pause)
  const cancel = useStats((state) => state.cancel)
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
    <div className="statistics-screen">
      <div className="d-flex align-items-center flex-wrap mb-2 gap-2">
        <h1 className="h3 mb-0 me-auto">Tier statistics</h1>
        {/* A scan that stopped part-way is resumed from its panel; this starts a new one. */}
        {!progress && (
          <BusyButton busy={pending === 'start'} onClick={() => void act(start)}>
            Scan pool
          </BusyButton>
        )}
        <ExportMenu hasScan={last !== null} />
      </div>
      <details className="stats-help small mb-2">
        <summary>Why a scan? How long does it take?</summary>
        <p className="text-body-secondary mb-0 mt-1">
          Cognito cannot count users by a custom attribute, so the app reads the whole pool: 60 users a request, at most 30 requests a second for the whole AWS
          account (other tools using the account share them). Large pools take minutes; an estimate of each tier&apos;s share appears as soon as the first parts
          of the pool are read.
        </p>
      </details>
      {loading && <p className="text-body-secondary">Loading…</p>}
      <ErrorAlert ref={errorRef} error={error} />
      <SavedFileNote key={exported?.fileId} path={exported?.path} fileId={exported?.fileId}>
        {exported && `Saved ${exported.rows.toLocaleString()} rows to ${exported.path}`}
      </SavedFileNote>
      <ErrorAlert error={exportError} title="The export failed" />
      <FullExportPanel />
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
              ({formatDuration(last.durationMs / 1000)}, {SCAN_MODE_WORDS[last.mode]})
            </span>
          </h2>
          {last.mode === 'sequential' && last.modeReason && <p className="small text-warning-emphasis">{last.modeReason}</p>}
          <TierSummary figures={last.figures} />
          <CountsTable figures={last.figures} />
          <TierCharts figures={last.figures} />
        </section>
      ) : (
        !active && !loading && <p className="text-body-secondary">No scan of this pool has finished yet.{progress ? '' : ' Start one with “Scan pool”.'}</p>
      )}
      <PendingReturnsSection />
      <TrendSection finishedAt={last?.finishedAt} />
    </div>
  )
}
