import './bulk.css'
import type { BulkProgress } from '../../../../shared/jobProgress'
import { isActive, isResumable } from '../../../../shared/jobs'
import { TIERS, type Tier } from '../../../../shared/tiers'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedFileNote } from '../../components/SavedFileNote'
import { Modal } from '../../components/Modal'
import { useStoreFields } from '../../hooks/useStoreFields'
import { JobStopButtons } from '../rowJobs/JobStopButtons'
import { RowJobStatus } from '../rowJobs/RowJobStatus'
import { WriteReasonField } from '../connection/WriteReasonField'
import { ReturnFields } from '../userDetail/ReturnFields'
import { TakesEffectNote } from '../userDetail/TakesEffectNote'
import { BulkRowsTable } from './BulkRowsTable'
import { BulkReturnNote } from './BulkReturnNote'
import { useBulk } from './bulkStore'

/**
 * A bulk tier change, step by step: the target tier, the preview (each user's tier now; who is
 * skipped and why), Apply, then progress with pause, resume and cancel, each row's outcome and the
 * results as CSV. Rows already done are never run again, so resuming is always safe.
 */
export function BulkTierPanel() {
  const s = useStoreFields(useBulk, ['open', 'tier', 'overwrite', 'preview', 'job', 'progress', 'pending', 'error', 'savedTo'])
  const chosen = useBulk((state) => state.usernames.length)
  const actions = useBulk.getState()
  if (!s.open) return null

  const started = s.job !== null && s.job.state !== 'previewed'
  const state = started ? (s.progress?.state ?? null) : null
  const running = state !== null && isActive(state)
  const count = s.preview?.rows.length ?? chosen
  return (
    <Modal labelledBy="bulk-title" className="bulk-panel" focusable="button:not([disabled]), select, input" onEscape={actions.close} initialFocus="panel">
      <div className="bulk-head">
        <h2 id="bulk-title" className="h5 mb-0 me-auto">
          Change tier of {count.toLocaleString()} user{count === 1 ? '' : 's'}
        </h2>
        <button type="button" className="btn-close" aria-label="Close" onClick={actions.close} />
      </div>
      <div className="bulk-body">
        {!started && !s.job && (
          <div className="d-flex align-items-end gap-2">
            <label className="form-label mb-0">
              Target tier
              <select className="form-select form-select-sm" value={s.tier} onChange={(event) => actions.setTier(event.target.value as Tier)}>
                {TIERS.map((tier) => (
                  <option key={tier}>{tier}</option>
                ))}
              </select>
            </label>
            <BusyButton busy={s.pending === 'preview'} className="btn btn-outline-primary btn-sm" onClick={() => void actions.runPreview()}>
              Preview
            </BusyButton>
            {s.pending === 'preview' && (
              <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => void actions.cancelPreview()}>
                Stop preview
              </button>
            )}
          </div>
        )}
        {!started && !s.job && (
          <div className="mb-2">
            <ReturnFields idPrefix="bulk-tier" onChange={actions.setReturn} />
          </div>
        )}
        <ErrorAlert error={s.error} />
        {state && s.progress && <BulkStatus progress={s.progress} />}
        {/* The panel holds the keyboard, so the header's field is repeated here (one value) for the writes it starts. */}
        {s.preview && !started && <WriteReasonField variant="dialog" />}
        {s.preview && !started && (
          <p className="small mb-2" role="status">
            {s.preview.changes.toLocaleString()} will change; {(s.preview.rows.length - s.preview.changes).toLocaleString()} skipped (
            {s.preview.return ? 'the target is the return tier' : 'already at the target'}, not found, or duplicates). Each user&apos;s tier is read again just
            before it is written.
          </p>
        )}
        {s.preview?.return && <BulkReturnNote choice={s.preview.return} />}
        {s.job?.takesEffect && <TakesEffectNote effect={s.job.takesEffect} />}
        {s.preview && <BulkRowsTable plan={s.preview.rows} results={started ? (s.job?.results ?? []) : null} />}
        {/* Only once saved: the dialog's one status line is the job's until then. */}
        {s.savedTo && (
          <SavedFileNote key={s.savedTo.fileId} className="mt-2" path={s.savedTo.path} fileId={s.savedTo.fileId}>
            {`Saved ${s.savedTo.rows.toLocaleString()} ${s.savedTo.rows === 1 ? 'row' : 'rows'} to ${s.savedTo.path}`}
          </SavedFileNote>
        )}
      </div>
      <div className="bulk-foot">
        {s.preview && !running && (state === null || isResumable(state)) && (
          <label className="form-check small me-auto">
            <input className="form-check-input" type="checkbox" checked={s.overwrite} onChange={(event) => actions.setOverwrite(event.target.checked)} />
            Overwrite tiers changed since the preview
          </label>
        )}
        {started && (
          <BusyButton busy={s.pending === 'save'} className="btn btn-outline-secondary btn-sm" onClick={() => void actions.saveResults()}>
            Download results CSV
          </BusyButton>
        )}
        <JobStopButtons state={state} pending={s.pending} onPause={() => void actions.pause()} onCancel={() => void actions.cancel()} />
        {s.preview && !running && state !== 'done' && (
          <BusyButton busy={s.pending === 'start'} disabled={s.preview.changes === 0} className="btn btn-primary btn-sm" onClick={() => void actions.start()}>
            {state === null ? `Apply ${s.preview.changes.toLocaleString()} changes` : 'Resume'}
          </BusyButton>
        )}
      </div>
    </Modal>
  )
}

function BulkStatus({ progress }: { progress: BulkProgress }) {
  const counts = `${progress.changed} changed · ${progress.skipped} skipped · ${progress.conflicts} conflicts · ${progress.failed} failed`
  return <RowJobStatus progress={progress} noun="bulk change" running="Changing tiers…" counts={counts} headingId="bulk-progress-heading" />
}
