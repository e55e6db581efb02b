import { JobResumeNotice } from '../rowJobs/JobResumeNotice'
import { useImport } from './importStore'

/** Imports of this pool left paused, stopped or interrupted (the app closed mid-job): offered for resume. */
export function ImportResumeNotice() {
  const resumable = useImport((state) => state.resumable)
  // The job already open in the panel has its own Resume button.
  const openId = useImport((state) => state.job?.jobId ?? state.preview?.jobId)
  const openJob = useImport((state) => state.openJob)
  return (
    <JobResumeNotice
      jobs={resumable.filter((job) => job.jobId !== openId)}
      name={(job) => `An import of ${job.fileName}`}
      onOpen={(jobId) =>
        void openJob(jobId).then(() =>
          // The notice's line goes away with its button: focus moves to where the job now shows.
          requestAnimationFrame(() => document.getElementById('import-progress-heading')?.focus())
        )
      }
    />
  )
}
