import { useEffect, useState } from 'react'
import type { ExportFormat, ExportProgress } from '../../../../shared/jobProgress'
import { isActive } from '../../../../shared/jobs'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField, type Option } from '../../components/SelectField'
import { formatDuration } from '../../lib/format'
import { useExport } from './exportStore'

const FORMAT_OPTIONS: Option<ExportFormat>[] = [
  { value: 'csv', label: 'CSV (spreadsheets)' },
  { value: 'jsonl', label: 'JSON lines' }
]

/** "Export all users…": every user with every attribute to the file chosen in the save dialog, with progress and where it went. */
export function FullExportPanel() {
  const progress = useExport((state) => state.progress)
  const pending = useExport((state) => state.pending)
  const error = useExport((state) => state.error)
  const subscribe = useExport((state) => state.subscribe)
  const [format, setFormat] = useState<ExportFormat>('csv')
  useEffect(subscribe, [subscribe])
  const running = progress !== null && isActive(progress.state)

  return (
    <section aria-labelledby="full-export-heading" className="mb-3">
      <h2 id="full-export-heading" className="h6 mb-2">
        Export all users
      </h2>
      <div className="d-flex align-items-center flex-wrap gap-2">
        <SelectField
          id="export-format"
          label="Export format"
          className="form-select form-select-sm w-auto"
          value={format}
          disabled={running}
          options={FORMAT_OPTIONS}
          onChange={setFormat}
        />
        {running ? (
          <BusyButton busy={pending === 'cancel'} className="btn btn-outline-danger btn-sm" onClick={() => void useExport.getState().cancel()}>
            Cancel export
          </BusyButton>
        ) : (
          <BusyButton busy={pending === 'start'} className="btn btn-outline-secondary btn-sm" onClick={() => void useExport.getState().start(format)}>
            Export all users…
          </BusyButton>
        )}
        <span className="small text-break" role="status" title={progress?.path}>
          {progress && describe(progress)}
        </span>
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
