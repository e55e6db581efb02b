/**
 * A long job on the command line: started through the contract, followed to its end on the
 * job-updates hub (the one the window hears), its progress as a line on stderr at most twice a second
 * (not with --json), and Ctrl+C asking it to stop where it can resume from.
 */
import { isActive } from '../shared/jobs'
import type { JobKind, ProgressOf } from '../main/jobs/jobUpdates'
import type { CommandContext } from './command'

const PROGRESS_LINE_MS = 500

export interface Follow<K extends JobKind> {
  kind: K
  /** The job to follow; any job of the kind when absent (one scan, one export at a time per process). */
  jobId?: string
  /** Starts or resumes the job; null when it was refused (the refusal already printed). */
  start: () => Promise<unknown>
  /** Ctrl+C: pause (or cancel, for a job that cannot resume). */
  stop: () => Promise<unknown>
  /** The progress line of a running job. */
  line: (progress: ProgressOf<K>) => string
}

/** The job's last progress once it no longer runs; null when it never started. */
export async function followJob<K extends JobKind>({ io, asJson, jobUpdates }: CommandContext, follow: Follow<K>): Promise<ProgressOf<K> | null> {
  let lastLine = -Infinity
  let ended: (progress: ProgressOf<K>) => void = () => undefined
  const end = new Promise<ProgressOf<K>>((resolve) => {
    ended = (progress) => resolve(progress)
  })
  const unsubscribe = jobUpdates.on(follow.kind, (jobId, progress) => {
    if (follow.jobId !== undefined && jobId !== follow.jobId) return
    if (!isActive(progress.state)) return ended(progress)
    const now = performance.now()
    if (asJson || progress.state !== 'running' || now - lastLine < PROGRESS_LINE_MS) return
    lastLine = now
    io.err(follow.line(progress))
  })
  const stop = (): void => void follow.stop()
  process.once('SIGINT', stop)
  try {
    if ((await follow.start()) === null) return null
    const last: ProgressOf<K> = await end
    return last
  } finally {
    unsubscribe()
    process.off('SIGINT', stop)
  }
}
