import { useBulk } from '../stores/bulkStore'
import { formatDateTime } from '../utils/format'

/** Bulk tier changes left paused, stopped or interrupted (the app closed mid-job): offered for resume. */
export function BulkResumeNotice() {
  const resumable = useBulk((state) => state.resumable)
  const openJob = useBulk((state) => state.openJob)
  if (resumable.length === 0) return null
  return (
    <div className="alert alert-warning py-2 px-3 mb-2 small bulk-notice" role="status">
      {resumable.map((job) => (
        <div key={job.jobId} className="d-flex align-items-center gap-2">
          <span className="me-auto text-truncate">
            A bulk tier change of {formatDateTime(job.createdAt)} is {job.state}: {job.progress.done.toLocaleString()} of {job.progress.total.toLocaleString()}{' '}
            rows done.
          </span>
          <button type="button" className="btn btn-sm btn-outline-dark py-0" onClick={() => void openJob(job.jobId)}>
            Open to resume
          </button>
        </div>
      ))}
    </div>
  )
}
