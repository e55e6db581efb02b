/**
 * What the bulk tier store and the import store share: following one row job's pushed progress (for
 * this pool only), reading its rows' results again when it moves or at most once a second while it
 * runs, refreshing the resume offers when a job stops, and the pending/error bookkeeping of a request.
 */
import type { AppErrorShape, Result } from '../../../../shared/errors'
import type { SavedFile } from '../../../../shared/domain'
import { isActive, isResumable, type JobState } from '../../../../shared/jobs'
import type { JobUpdate } from '../../../../shared/jobProgress'
import { useConnection } from '../../stores/connectionStore'

/** Results are read again at most this often while a job runs (its progress arrives with every push). */
const DETAIL_REFRESH_MS = 1000

/** The part of a store this writes. */
interface Followed<P, D, A, S> {
  job: D | null
  progress: P | null
  pending: A | null
  error: AppErrorShape | null
  savedTo: string | null
  /** This pool's paused, stopped or interrupted jobs of the kind, offered for resume. */
  resumable: S[]
}

export interface RowJobFollowerOptions<P, D, A, S> {
  kind: JobUpdate['kind']
  get: () => Followed<P, D, A, S> & { preview: { jobId: string } | null }
  set: (partial: Partial<Followed<P, D, A, S>>) => void
  readDetail: (jobId: string) => Promise<Result<D>>
  listJobs: () => Promise<Result<S[]>>
  saveResultsCsv: (jobId: string) => Promise<Result<SavedFile | null>>
}

export function rowJobFollower<
  P extends { state: JobState },
  D extends { jobId: string; progress: P },
  A extends string,
  S extends { state: JobState | 'previewed' }
>(options: RowJobFollowerOptions<P, D, A, S>) {
  const { get, set } = options
  let lastDetail = 0

  const jobId = (): string | undefined => (get().job?.jobId ?? get().preview?.jobId) || undefined

  async function refreshDetail(): Promise<void> {
    const id = jobId()
    if (!id) return
    lastDetail = performance.now()
    const reply = await options.readDetail(id)
    if (reply.ok && reply.data.jobId === jobId()) set({ job: reply.data, progress: reply.data.progress })
  }

  async function loadResumable(): Promise<void> {
    const reply = await options.listJobs()
    if (reply.ok) set({ resumable: reply.data.filter((job) => job.state !== 'previewed' && isResumable(job.state)) })
  }

  function apply(update: JobUpdate): void {
    if (update.kind !== options.kind || update.userPoolId !== useConnection.getState().status?.info?.userPoolId) return
    const progress = update.progress as unknown as P
    // A job that stopped or finished, in this window or another process: the resume offers change.
    if (!isActive(progress.state)) void loadResumable()
    if (update.jobId !== jobId()) return
    const moved = get().progress?.state !== progress.state
    set({ progress })
    if (moved || performance.now() - lastDetail > DETAIL_REFRESH_MS) void refreshDetail()
  }

  return {
    jobId,
    refreshDetail,
    loadResumable,

    /** Follows pushed progress and offers the jobs to resume; returns the unsubscribe. */
    subscribe(): () => void {
      const unsubscribe = window.api.onJobUpdate(apply)
      void loadResumable()
      return unsubscribe
    },

    /** Main asks where to save and writes the rows' results there. */
    async saveResults(action: A): Promise<void> {
      set({ pending: action, error: null, savedTo: null })
      const reply = await options.saveResultsCsv(jobId()!)
      set({ pending: null, ...(reply.ok ? { savedTo: reply.data?.path ?? null } : { error: reply.error }) })
    },

    /** Start, pause or cancel: the button shows `action` pending until main answers. */
    async request(action: A, call: () => Promise<Result<P | null>>): Promise<void> {
      set({ pending: action, error: null })
      const reply = await call()
      set({ pending: null })
      if (!reply.ok) set({ error: reply.error })
      else if (reply.data) set({ progress: reply.data })
      await refreshDetail()
    }
  }
}
