import { useEffect } from 'react'
import type { ExportProgress } from '../../../../shared/jobProgress'
import { isActive } from '../../../../shared/jobs'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedFileNote } from '../../components/SavedFileNote'
import { formatDuration } from '../../lib/format'
import { useExport } from './exportStore'

/**
 * The full export (every user, every attribute) as it stands: its progress with Cancel while it runs,
 * then where the file went with "Show in folder". It is started from the screen's Export menu.
 */
export function FullExportPanel() {
  const progress = useExport((state) => state.progress)
  const fileId = useExport((state) => state.fileId)
  const pending = useExport((state) => state.pending)
  const error = useExport((state) => state.error)
  const subscribe = useExport((state) => state.subscribe)
  useEffect(subscribe, [subscribe])
  const running = progress !== null && isActive(progress.state)

  return (
    <section aria-label="Export all users" className="mb-2">
      <div className="d-flex align-items-center flex-wrap gap-2">
        <SavedFileNote
          key={fileId}
          path={progress?.path}
          fileId={progress?.state === 'done' ? fileId : undefined}
          tone={progress?.state === 'done' ? 'saved' : 'neutral'}
        >
          {progress && describe(progress)}
        </SavedFileNote>
        {running && (
          <BusyButton busy={pending === 'cancel'} className="btn btn-outline-danger btn-sm" onClick={() => void useExport.getState().cancel()}>
            Cancel export
          </BusyButton>
        )}
      </div>
      <ErrorAlert error={error ?? progress?.error ?? null} title="The export failed" />
    </section>
  )
}

function describe(p: ExportProgress): string {
  const users = p.users.toLocaleString()
  switch (p.state) {
    case 'done':
      return `Saved ${users} users to ${p.path}`
    case 'cancelled':
      return `Export cancelled; ${p.path} was not written.`
    case 'failed':
      return `Export failed; ${p.path} was not written.`
    default: {
      const of = p.estimatedUsers === undefined ? '' : ` of about ${p.estimatedUsers.toLocaleString()}`
      const eta = p.etaSeconds === null ? '' : `, ${formatDuration(p.etaSeconds)} left`
      return `Exporting ${users}${of} users, ${Math.round(p.rate).toLocaleString()} users/s${eta} (${formatDuration(p.elapsedMs / 1000)} so far)`
    }
  }
}
