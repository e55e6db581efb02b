import { JobResumeNotice } from '../rowJobs/JobResumeNotice'
import { useBulk } from './bulkStore'

/** Bulk tier changes left paused, stopped or interrupted: offered for resume. */
export function BulkResumeNotice() {
  const resumable = useBulk((state) => state.resumable)
  const openJob = useBulk((state) => state.openJob)
  return <JobResumeNotice jobs={resumable} name={() => 'A bulk tier change'} onOpen={(jobId) => void openJob(jobId)} />
}
