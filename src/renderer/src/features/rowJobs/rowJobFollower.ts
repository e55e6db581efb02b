/**
 * What the bulk tier store and the import store share: following one row job's pushed progress (for
 * this pool only), reading its rows' results when rows were done since the last read, refreshing the
 * resume offers when a job stops, and the actions both panels offer (pause, cancel, save the results,
 * stop a preview) with the pending/error bookkeeping of a request.
 */
import type { Operation } from '../../../../shared/contract'
import type { SavedFile } from '../../../../shared/domain'
import type { AppErrorShape, Result } from '../../../../shared/errors'
import type { JobUpdate } from '../../../../shared/jobProgress'
import { isActive, isResumable, type JobState } from '../../../../shared/jobs'
import { api } from '../../api/api'
import { useConnection } from '../../stores/connectionStore'

/**
 * Results are read at most this often while a job runs. Its progress arrives with every push; only
 * the rows' outcomes, which a push cannot carry, are read.
 */
const DETAIL_REFRESH_MS = 1000

/** The requests both panels wait on; each store adds its own (the bulk preview, the import's file). */
export type RowJobAction = 'start' | 'pause' | 'cancel' | 'save'

/** Each kind's operations are named from one prefix in the contract: bulkJob, bulkPause … importJob, importPause …. */
const PREFIXES = { 'bulk-tier': 'bulk', import: 'import' } as const satisfies Partial<Record<JobUpdate['kind'], string>>
type RowJobKind = keyof typeof PREFIXES
type Suffix = 'Job' | 'Jobs' | 'Pause' | 'Cancel' | 'ResultsCsv' | 'CancelPreview'

/** Calls the kind's operation; the result's type is the caller's to name (the store knows its kind's types). */
function call<R>(kind: RowJobKind, suffix: Suffix, request?: { jobId: string }): Promise<Result<R>> {
  // Typed as Operation, so the compiler refuses a name the contract does not have.
  const operation: Operation = `${PREFIXES[kind]}${suffix}` as const
  return (api[operation] as unknown as (request?: { jobId: string }) => Promise<Result<R>>)(request)
}

/** What the bulk and the import store hold alike about their job: the part of a store this reads and writes. */
export interface RowJobState<P, D, S> {
  /** The job once started or reopened: its rows' results as last read. */
  job: D | null
  progress: P | null
  error: AppErrorShape | null
  /** Where the results CSV went, with main's id to show it in its folder. */
  savedTo: SavedFile | null
  /** This pool's paused, stopped or interrupted jobs of the kind, offered for resume. */
  resumable: S[]
}

/** The actions the follower gives both stores. */
export interface RowJobActions {
  /** Stops the preview under way; it ends with nothing saved and no error shown. */
  cancelPreview(): Promise<void>
  pause(): Promise<void>
  cancel(): Promise<void>
  /** Main asks where to save and writes the rows' results there. */
  saveResults(): Promise<void>
  loadResumable(): Promise<void>
  /** Follows pushed progress and offers the jobs to resume; returns the unsubscribe. */
  subscribe(): () => void
}

export function rowJobFollower<
  P extends { state: JobState; done: number },
  D extends { jobId: string; progress: P },
  S extends { state: JobState | 'previewed' }
>(
  kind: RowJobKind,
  get: () => RowJobState<P, D, S> & { preview: { jobId: string } | null },
  set: (partial: Partial<RowJobState<P, D, S>> & { pending?: RowJobAction | null }) => void
) {
  let lastDetail = 0
  /** Counts the pushes applied, so a detail read before the latest push does not put older progress back. */
  let updatesApplied = 0

  const jobId = (): string | undefined => (get().job?.jobId ?? get().preview?.jobId) || undefined

  async function refreshDetail(): Promise<void> {
    const id = jobId()
    if (!id) return
    lastDetail = performance.now()
    const sentAfter = updatesApplied
    const reply = await call<D>(kind, 'Job', { jobId: id })
    if (!reply.ok || reply.data.jobId !== jobId()) return
    set({ job: reply.data, ...(updatesApplied === sentAfter ? { progress: reply.data.progress } : {}) })
  }

  async function loadResumable(): Promise<void> {
    const reply = await call<S[]>(kind, 'Jobs')
    if (reply.ok) set({ resumable: reply.data.filter((job) => job.state !== 'previewed' && isResumable(job.state)) })
  }

  function apply(update: JobUpdate): void {
    if (update.kind !== kind || update.userPoolId !== useConnection.getState().status?.info?.userPoolId) return
    const progress = update.progress as unknown as P
    // A job that stopped or finished, in this window or another process: the resume offers change.
    if (!isActive(progress.state)) void loadResumable()
    if (update.jobId !== jobId()) return
    updatesApplied++
    set({ progress })
    // The push is the progress; the rows' outcomes are read only when rows were done since the last
    // read: at most once a second while it runs, and at once when it stops or finishes (its last rows,
    // and what only a stopped job's detail says, such as when a bulk change takes effect).
    const rowsDone = progress.done !== get().job?.progress.done
    if (!isActive(progress.state) || (rowsDone && performance.now() - lastDetail > DETAIL_REFRESH_MS)) void refreshDetail()
  }

  /** Start, pause or cancel: the button shows `action` pending until main answers. */
  async function request(action: RowJobAction, send: () => Promise<Result<P | null>>): Promise<void> {
    set({ pending: action, error: null })
    const reply = await send()
    set({ pending: null })
    if (!reply.ok) set({ error: reply.error })
    else if (reply.data) set({ progress: reply.data })
    await refreshDetail()
  }

  return {
    jobId,
    request,
    actions: {
      cancelPreview: async () => {
        await call(kind, 'CancelPreview')
      },
      pause: () => request('pause', () => call<P | null>(kind, 'Pause', { jobId: jobId()! })),
      cancel: () => request('cancel', () => call<P | null>(kind, 'Cancel', { jobId: jobId()! })),
      saveResults: async () => {
        set({ pending: 'save', error: null, savedTo: null })
        const reply = await call<SavedFile | null>(kind, 'ResultsCsv', { jobId: jobId()! })
        set({ pending: null, ...(reply.ok ? { savedTo: reply.data ?? null } : { error: reply.error }) })
      },
      loadResumable,
      subscribe: () => {
        const unsubscribe = window.api.onJobUpdate(apply)
        void loadResumable()
        return unsubscribe
      }
    } satisfies RowJobActions
  }
}
