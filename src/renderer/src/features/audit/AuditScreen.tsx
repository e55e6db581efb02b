import './audit.css'
import { useEffect, useMemo } from 'react'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedFileNote } from '../../components/SavedFileNote'
import { useStoreFields } from '../../hooks/useStoreFields'
import { useNavigation } from '../../stores/navigationStore'
import { useUsers } from '../users/usersStore'
import { FOLDABLE, foldedColumns, type Foldable } from './auditColumns'
import { AuditDetail } from './AuditDetail'
import { AuditFilters } from './AuditFilters'
import { AuditTable } from './AuditTable'
import { selectHasMore, useAudit } from './auditStore'

/**
 * Every write this computer's app and CLI sent to Cognito, newest first: the filters across the top,
 * the rows filling the rest of the window and scrolling on their own (audit.css).
 */
export function AuditScreen() {
  const state = useStoreFields(useAudit, ['draft', 'rows', 'total', 'actions', 'loading', 'error', 'exporting', 'exported', 'exportError', 'detail'])
  const hasMore = useAudit(selectHasMore)
  const { setDraft, load, loadMore, clearFilters, exportCsv, setDetail } = useAudit.getState()
  const folded = useMemo(() => foldedColumns(state.rows), [state.rows])
  const openUser = (username: string) => {
    setDetail(null)
    useNavigation.getState().go('users')
    void useUsers.getState().openUsername(username)
  }
  useEffect(() => {
    void load()
  }, [load])

  return (
    <div className="workspace audit-screen">
      <div className="audit-top">
        <h1 className="h3 mb-0">Audit</h1>
        <p className="audit-caption mb-0" aria-live="polite">
          {state.total === null ? 'Reading the audit trail…' : `${state.total.toLocaleString()} writes match · ${state.rows.length.toLocaleString()} shown`}
        </p>
        <BusyButton type="button" busy={state.exporting} className="btn btn-outline-primary btn-sm" disabled={!state.total} onClick={() => void exportCsv()}>
          Export CSV
        </BusyButton>
      </div>
      <AuditFilters
        draft={state.draft}
        actions={state.actions}
        loading={state.loading}
        onChange={setDraft}
        onApply={() => void load()}
        onClear={() => void clearFilters()}
      />
      <SavedFileNote key={state.exported?.fileId} className="audit-note" path={state.exported?.path} fileId={state.exported?.fileId}>
        {state.exported && `Saved ${state.exported.rows.toLocaleString()} rows to ${state.exported.path}`}
      </SavedFileNote>
      <ErrorAlert error={state.exportError} title="The CSV could not be saved" />
      <ErrorAlert error={state.error} title="The audit trail could not be read" />
      {state.total === 0 ? (
        <div className="audit-empty text-body-secondary">
          <p className="mb-1 fw-semibold">No write matches.</p>
          <p className="mb-0 small">Every write the app or the CLI sends from this computer appears here: registrations, tier changes, account actions.</p>
        </div>
      ) : (
        <>
          <FoldedNote folded={folded} />
          <AuditTable rows={state.rows} folded={Object.keys(folded) as Foldable[]} onOpen={setDetail} onOpenUser={openUser} />
        </>
      )}
      {state.detail && <AuditDetail row={state.detail} onClose={() => setDetail(null)} onOpenUser={openUser} />}
      {hasMore && (
        <div className="audit-more">
          <BusyButton type="button" busy={state.loading} className="btn btn-outline-secondary btn-sm" onClick={() => void loadMore()}>
            Load more
          </BusyButton>
        </div>
      )}
    </div>
  )
}

/** What the folded columns hold, said once: every row shown has it. */
function FoldedNote({ folded }: { folded: Partial<Record<Foldable, string>> }) {
  const said = (Object.keys(folded) as Foldable[]).map((key) => `${FOLDABLE[key]} ${folded[key]}`)
  if (!said.length) return null
  return (
    <p className="audit-folded mb-0" title={said.join('\n')}>
      Every row shown: {said.join(' · ')}
    </p>
  )
}
