import type { JobState } from '../../../../shared/jobs'
import { formatDateTime } from '../../lib/format'

/** What a resume offer needs to know of a job: shared by bulk tier changes and imports. */
interface StoppedJob {
  jobId: string
  createdAt: string
  state: JobState | 'previewed'
  progress: { done: number; total: number }
}

interface JobResumeNoticeProps<J extends StoppedJob> {
  jobs: J[]
  /** The job as the sentence names it: "A bulk tier change", "An import of people.csv". */
  name: (job: J) => string
  onOpen: (jobId: string) => void
}

/** Jobs left paused, stopped or interrupted (the app closed mid-job), one line each, offered for resume. */
export function JobResumeNotice<J extends StoppedJob>({ jobs, name, onOpen }: JobResumeNoticeProps<J>) {
  if (jobs.length === 0) return null
  return (
    <div className="alert alert-warning py-2 px-3 mb-2 small" role="status">
      {jobs.map((job) => (
        <div key={job.jobId} className="d-flex align-items-center gap-2">
          <span className="me-auto text-truncate">
            {name(job)} of {formatDateTime(job.createdAt)} is {job.state}: {job.progress.done.toLocaleString()} of {job.progress.total.toLocaleString()} rows
            done.
          </span>
          <button type="button" className="btn btn-sm btn-outline-dark py-0" onClick={() => onOpen(job.jobId)}>
            Open to resume
          </button>
        </div>
      ))}
    </div>
  )
}
