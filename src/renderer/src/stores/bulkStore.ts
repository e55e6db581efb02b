import { create } from 'zustand'
import type { BulkJobDetail, BulkJobSummary, BulkPreview } from '../../../shared/bulk'
import type { AppErrorShape, Result } from '../../../shared/errors'
import { isActive, isResumable } from '../../../shared/jobs'
import type { BulkProgress, JobUpdate } from '../../../shared/scanProgress'
import type { Tier } from '../../../shared/tiers'
import { api } from './api'
import { useConnection } from './connectionStore'

export type BulkAction = 'preview' | 'start' | 'pause' | 'cancel' | 'save'

interface BulkState {
  /** The bulk panel is open for these users (or for a saved job when `job` is set). */
  open: boolean
  usernames: string[]
  tier: Tier
  overwrite: boolean
  preview: BulkPreview | null
  /** The job once applied or reopened: its rows' results as last read. */
  job: BulkJobDetail | null
  progress: BulkProgress | null
  pending: BulkAction | null
  error: AppErrorShape | null
  savedTo: string | null
  /** This pool's paused, stopped or interrupted bulk jobs, offered for resume. */
  resumable: BulkJobSummary[]
  openFor(usernames: string[]): void
  openJob(jobId: string): Promise<void>
  close(): void
  setTier(tier: Tier): void
  setOverwrite(overwrite: boolean): void
  runPreview(): Promise<void>
  start(): Promise<void>
  pause(): Promise<void>
  cancel(): Promise<void>
  saveResults(): Promise<void>
  loadResumable(): Promise<void>
  /** Follows pushed progress; returns the unsubscribe. */
  subscribe(): () => void
}

/** Results are read again at most this often while a job runs (its progress arrives with every push). */
const DETAIL_REFRESH_MS = 1000

export const useBulk = create<BulkState>((set, get) => {
  let lastDetail = 0

  const jobId = (): string | undefined => get().job?.jobId ?? get().preview?.jobId

  async function refreshDetail(): Promise<void> {
    const id = jobId()
    if (!id) return
    lastDetail = performance.now()
    const reply = await api.bulkJob({ jobId: id })
    if (reply.ok && reply.data.jobId === jobId()) set({ job: reply.data, progress: reply.data.progress })
  }

  function apply(update: JobUpdate): void {
    if (update.kind !== 'bulk-tier' || update.userPoolId !== useConnection.getState().status?.info?.userPoolId) return
    // A job that stopped or finished, here or in another window's job: the resume offers change.
    if (!isActive(update.progress.state)) void get().loadResumable()
    if (update.jobId !== jobId()) return
    const moved = get().progress?.state !== update.progress.state
    set({ progress: update.progress })
    if (moved || performance.now() - lastDetail > DETAIL_REFRESH_MS) void refreshDetail()
  }

  async function request(action: BulkAction, call: () => Promise<Result<BulkProgress | null>>): Promise<void> {
    set({ pending: action, error: null })
    const reply = await call()
    set({ pending: null })
    if (!reply.ok) set({ error: reply.error })
    else if (reply.data) set({ progress: reply.data })
    await refreshDetail()
  }

  return {
    open: false,
    usernames: [],
    tier: 'premium',
    overwrite: false,
    preview: null,
    job: null,
    progress: null,
    pending: null,
    error: null,
    savedTo: null,
    resumable: [],

    openFor: (usernames) => set({ open: true, usernames, preview: null, job: null, progress: null, error: null, savedTo: null, overwrite: false }),
    openJob: async (id) => {
      set({ open: true, usernames: [], preview: null, job: null, progress: null, error: null, savedTo: null })
      const reply = await api.bulkJob({ jobId: id })
      if (!reply.ok) return set({ error: reply.error })
      set({ job: reply.data, preview: reply.data.preview, progress: reply.data.progress, overwrite: reply.data.overwrite })
    },
    close: () => set({ open: false }),
    setTier: (tier) => set({ tier, preview: null }),
    setOverwrite: (overwrite) => set({ overwrite }),

    runPreview: async () => {
      const { usernames, tier } = get()
      set({ pending: 'preview', error: null, preview: null })
      const reply = await api.bulkPreview({ rows: usernames.map((username) => ({ username, tier })) })
      set({ pending: null, ...(reply.ok ? { preview: reply.data } : { error: reply.error }) })
    },
    start: () => request('start', () => api.bulkStart({ jobId: jobId()!, overwrite: get().overwrite })),
    pause: () => request('pause', () => api.bulkPause({ jobId: jobId()! })),
    cancel: () => request('cancel', () => api.bulkCancel({ jobId: jobId()! })),

    saveResults: async () => {
      set({ pending: 'save', error: null, savedTo: null })
      const reply = await api.bulkResultsCsv({ jobId: jobId()! })
      set({ pending: null, ...(reply.ok ? { savedTo: reply.data?.path ?? null } : { error: reply.error }) })
    },

    loadResumable: async () => {
      const reply = await api.bulkJobs()
      if (reply.ok) set({ resumable: reply.data.filter((job) => job.state !== 'previewed' && isResumable(job.state)) })
    },

    subscribe: () => {
      const unsubscribe = window.api.onJobUpdate(apply)
      void get().loadResumable()
      return unsubscribe
    }
  }
})
