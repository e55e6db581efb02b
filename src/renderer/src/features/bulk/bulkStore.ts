import { create } from 'zustand'
import type { BulkJobDetail, BulkJobSummary, BulkPreview } from '../../../../shared/bulk'
import type { AppErrorShape } from '../../../../shared/errors'
import type { BulkProgress } from '../../../../shared/jobProgress'
import type { Tier } from '../../../../shared/tiers'
import { api } from '../../api/api'
import { rowJobFollower } from '../rowJobs/rowJobFollower'

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
  /** Stops the preview under way; it ends with nothing saved and no error shown. */
  cancelPreview(): Promise<void>
  start(): Promise<void>
  pause(): Promise<void>
  cancel(): Promise<void>
  saveResults(): Promise<void>
  loadResumable(): Promise<void>
  /** Follows pushed progress; returns the unsubscribe. */
  subscribe(): () => void
}

export const useBulk = create<BulkState>((set, get) => {
  const follower = rowJobFollower<BulkProgress, BulkJobDetail, BulkAction, BulkJobSummary>({
    kind: 'bulk-tier',
    get,
    set,
    readDetail: (id) => api.bulkJob({ jobId: id }),
    listJobs: () => api.bulkJobs(),
    saveResultsCsv: (id) => api.bulkResultsCsv({ jobId: id })
  })
  const { jobId, request } = follower

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
      set({ pending: null, ...(reply.ok ? { preview: reply.data } : { error: reply.error.code === 'CANCELLED' ? null : reply.error }) })
    },
    cancelPreview: async () => {
      await api.bulkCancelPreview()
    },
    start: () => request('start', () => api.bulkStart({ jobId: jobId()!, overwrite: get().overwrite })),
    pause: () => request('pause', () => api.bulkPause({ jobId: jobId()! })),
    cancel: () => request('cancel', () => api.bulkCancel({ jobId: jobId()! })),

    saveResults: () => follower.saveResults('save'),
    loadResumable: follower.loadResumable,
    subscribe: follower.subscribe
  }
})
