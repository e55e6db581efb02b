import './import.css'
import { useState } from 'react'
import type { ImportMethod, ImportPreview, Invitation } from '../../../../shared/importing'
import { isActive, isResumable } from '../../../../shared/jobs'
import { BusyButton } from '../../components/BusyButton'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedFileNote } from '../../components/SavedFileNote'
import { useStoreFields } from '../../hooks/useStoreFields'
import { JobStopButtons } from '../rowJobs/JobStopButtons'
import { ImportMethodChooser } from './ImportMethodChooser'
import { ImportPreviewSummary } from './ImportPreviewSummary'
import { importRows, ImportRowsTable, isLeftOut } from './ImportRowsTable'
import { ImportStatus } from './ImportStatus'
import { useImport } from './importStore'

/** Users the run would create: a sign-up code skips the rows without a password. */
function creatable(preview: ImportPreview, method: ImportMethod | null): number {
  return method === 'signup' ? preview.creates - preview.withoutPassword : preview.creates
}

const plural = (count: number, word: string): string => `${count.toLocaleString()} ${word}${count === 1 ? '' : 's'}`

/** What each person is sent, for the question asked before a run that emails them. */
function whatTheyGet(method: ImportMethod, invitation: Invitation): string | null {
  if (method === 'signup') return 'Cognito emails each of them a confirmation code.'
  return invitation === 'email' ? 'Cognito emails each of them an invitation with a temporary password.' : null
}

/**
 * Registration from a CSV file, step by step: choose the file, read its preview (every row, the bad
 * ones marked with why), choose how users are created, run with pause, resume and cancel, then each
 * row's outcome and the results as CSV. Rows already done are never run again, so resuming is safe.
 */
export function ImportPanel() {
  const s = useStoreFields(useImport, ['preview', 'job', 'progress', 'method', 'invitation', 'badOnly', 'pending', 'error', 'savedTo'])
  const actions = useImport.getState()
  const [confirming, setConfirming] = useState(false)

  const started = s.progress !== null && s.job?.state !== 'previewed'
  const state = started ? s.progress!.state : null
  const running = state !== null && isActive(state)
  const preview = s.preview
  const creates = preview ? creatable(preview, s.method) : 0
  const rows = preview ? importRows(preview.rows, started ? (s.job?.results ?? []) : null) : []
  const shown = s.badOnly ? rows.filter(isLeftOut) : rows
  const question = s.method ? whatTheyGet(s.method, s.invitation) : null

  function onStart(): void {
    // A run that emails people cannot be called back: it is asked once more, naming what they get.
    if (state === null && question) setConfirming(true)
    else void actions.start()
  }

  return (
    <section className="import-panel" aria-label="Import users from a CSV file">
      <div className="d-flex align-items-center gap-2 mb-2">
        {preview ? (
          <h2 className="h6 mb-0 me-auto text-truncate" title={preview.fileName}>
            {preview.fileName}
          </h2>
        ) : (
          <p className="small text-body-secondary mb-0 me-auto">
            The file&apos;s first line names its columns: <span className="mono">username</span> and <span className="mono">email</span>, optionally{' '}
            <span className="mono">tier</span> and <span className="mono">password</span>; any other column is an extra attribute (such as given_name). Nothing
            is created until you have seen the preview.
          </p>
        )}
        {!running && (
          <BusyButton
            busy={s.pending === 'choose'}
            className={preview ? 'btn btn-outline-secondary btn-sm text-nowrap' : 'btn btn-primary text-nowrap'}
            onClick={() => void actions.chooseFile()}
          >
            {preview ? 'Choose another file…' : 'Choose CSV file…'}
          </BusyButton>
        )}
        {s.pending === 'choose' && (
          <button type="button" className="btn btn-outline-secondary btn-sm text-nowrap" onClick={() => void actions.cancelPreview()}>
            Stop preview
          </button>
        )}
      </div>
      <ErrorAlert error={s.error} />
      {preview && !started && <ImportPreviewSummary preview={preview} />}
      {started && s.progress && <ImportStatus progress={s.progress} />}
      {preview && !started && preview.creates > 0 && (
        <ImportMethodChooser
          method={s.method}
          invitation={s.invitation}
          withoutPassword={preview.withoutPassword}
          disabled={s.pending === 'start'}
          onMethod={actions.setMethod}
          onInvitation={actions.setInvitation}
        />
      )}
      {preview && (
        <div className="import-actions">
          <label className="form-check small me-auto mb-0">
            <input className="form-check-input" type="checkbox" checked={s.badOnly} onChange={(event) => actions.setBadOnly(event.target.checked)} />
            {started ? 'Rows not created only' : 'Bad rows only'}
          </label>
          {started && (
            <BusyButton busy={s.pending === 'save'} className="btn btn-outline-secondary btn-sm" onClick={() => void actions.saveResults()}>
              Save results CSV…
            </BusyButton>
          )}
          <JobStopButtons state={state} pending={s.pending} onPause={() => void actions.pause()} onCancel={() => void actions.cancel()} />
          {preview.creates === 0 && state === null && <span className="small text-body-secondary">Nothing to create: every row is left out.</span>}
          {!running && (state === null ? preview.creates > 0 : isResumable(state)) && (
            <BusyButton busy={s.pending === 'start'} disabled={!s.method || creates === 0} className="btn btn-primary btn-sm" onClick={onStart}>
              {state !== null ? 'Resume' : s.method ? `Create ${plural(creates, 'user')}` : 'Choose how to create the users'}
            </BusyButton>
          )}
        </div>
      )}
      <SavedFileNote key={s.savedTo?.fileId} className="mb-2" path={s.savedTo?.path} fileId={s.savedTo?.fileId}>
        {s.savedTo && `Saved ${plural(s.savedTo.rows, 'row')} to ${s.savedTo.path}`}
      </SavedFileNote>
      {preview && <ImportRowsTable rows={shown} results={started} />}
      {confirming && s.method && (
        <ConfirmDialog
          title={`Create ${plural(creates, 'user')}?`}
          confirmLabel={`Create ${plural(creates, 'user')}`}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void actions.start()
          }}
        >
          {question} An email once sent cannot be called back.
        </ConfirmDialog>
      )}
    </section>
  )
}
