import { create } from 'zustand'
import type { BulkJobDetail, BulkJobSummary, BulkPreview } from '../../../../shared/bulk'
import type { BulkProgress } from '../../../../shared/jobProgress'
import type { Tier } from '../../../../shared/tiers'
import type { ReturnChoice } from '../../../../shared/tierReturns'
import { api } from '../../api/api'
import { rowJobFollower, type RowJobAction, type RowJobActions, type RowJobState } from '../rowJobs/rowJobFollower'

type BulkAction = 'preview' | RowJobAction

interface BulkState extends RowJobState<BulkProgress, BulkJobDetail, BulkJobSummary>, RowJobActions {
  /** The bulk panel is open for these users (or for a saved job when `job` is set). */
  open: boolean
  usernames: string[]
  tier: Tier
  /** "Until …, then …" for every row, or null for a change without an end date. */
  returnChoice: ReturnChoice | null
  overwrite: boolean
  preview: BulkPreview | null
  pending: BulkAction | null
  openFor(usernames: string[]): void
  openJob(jobId: string): Promise<void>
  close(): void
  setTier(tier: Tier): void
  setReturn(choice: ReturnChoice | null): void
  setOverwrite(overwrite: boolean): void
  runPreview(): Promise<void>
  start(): Promise<void>
}

export const useBulk = create<BulkState>((set, get) => {
  const { jobId, request, actions } = rowJobFollower<BulkProgress, BulkJobDetail, BulkJobSummary>('bulk-tier', get, set)

  return {
    open: false,
    usernames: [],
    tier: 'premium',
    returnChoice: null,
    overwrite: false,
    preview: null,
    job: null,
    progress: null,
    pending: null,
    error: null,
    savedTo: null,
    resumable: [],

    openFor: (usernames) =>
      set({ open: true, usernames, preview: null, job: null, progress: null, error: null, savedTo: null, overwrite: false, returnChoice: null }),
    openJob: async (id) => {
      set({ open: true, usernames: [], preview: null, job: null, progress: null, error: null, savedTo: null })
      const reply = await api.bulkJob({ jobId: id })
      if (!reply.ok) return set({ error: reply.error })
      set({ job: reply.data, preview: reply.data.preview, progress: reply.data.progress, overwrite: reply.data.overwrite })
    },
    close: () => set({ open: false }),
    setTier: (tier) => set({ tier, preview: null }),
    // A preview is of one return: another date or tier needs a new one.
    setReturn: (returnChoice) => set({ returnChoice, preview: null }),
    setOverwrite: (overwrite) => set({ overwrite }),

    runPreview: async () => {
      const { usernames, tier, returnChoice } = get()
      set({ pending: 'preview', error: null, preview: null })
      const reply = await api.bulkPreview({ rows: usernames.map((username) => ({ username, tier })), ...(returnChoice ?? {}) })
      set({ pending: null, ...(reply.ok ? { preview: reply.data } : { error: reply.error.code === 'CANCELLED' ? null : reply.error }) })
    },
    start: () => request('start', () => api.bulkStart({ jobId: jobId()!, overwrite: get().overwrite })),
    ...actions
  }
})
