import { create } from 'zustand'
import type { ImportJobDetail, ImportJobSummary, ImportMethod, ImportPreview, Invitation } from '../../../../shared/importing'
import type { ImportProgress } from '../../../../shared/jobProgress'
import { api } from '../../api/api'
import { rowJobFollower, type RowJobAction, type RowJobActions, type RowJobState } from '../rowJobs/rowJobFollower'

type ImportAction = 'choose' | 'open' | RowJobAction

interface ImportState extends RowJobState<ImportProgress, ImportJobDetail, ImportJobSummary>, RowJobActions {
  /** The Register screen shows the import rather than the one-user form. */
  fromFile: boolean
  preview: ImportPreview | null
  /** Null until the operator picks one: either sends people email, so there is no silent default. */
  method: ImportMethod | null
  invitation: Invitation
  /** The table shows only the rows the preview left out. */
  badOnly: boolean
  pending: ImportAction | null
  setFromFile(fromFile: boolean): void
  chooseFile(): Promise<void>
  openJob(jobId: string): Promise<void>
  /** Back to "Choose CSV file…", forgetting the file shown (its job stays on disk). */
  reset(): void
  setMethod(method: ImportMethod): void
  setInvitation(invitation: Invitation): void
  setBadOnly(badOnly: boolean): void
  start(): Promise<void>
}

const cleared = { preview: null, job: null, progress: null, error: null, savedTo: null, method: null, invitation: 'email', badOnly: false } as const

export const useImport = create<ImportState>((set, get) => {
  const { jobId, request, actions } = rowJobFollower<ImportProgress, ImportJobDetail, ImportJobSummary>('import', get, set)

  return {
    fromFile: false,
    ...cleared,
    pending: null,
    resumable: [],

    setFromFile: (fromFile) => set({ fromFile }),
    chooseFile: async () => {
      set({ pending: 'choose', error: null })
      const reply = await api.importPreview()
      if (!reply.ok) return set({ pending: null, error: reply.error.code === 'CANCELLED' ? null : reply.error })
      // Cancelled in the dialog: what was shown stays.
      if (!reply.data) return set({ pending: null })
      set({ ...cleared, pending: null, preview: reply.data })
    },
    openJob: async (id) => {
      set({ ...cleared, fromFile: true, pending: 'open' })
      const reply = await api.importJob({ jobId: id })
      if (!reply.ok) return set({ pending: null, error: reply.error })
      const job = reply.data
      set({ pending: null, job, preview: job.preview, progress: job.progress, method: job.method ?? null, invitation: job.invitation ?? 'email' })
    },
    reset: () => set({ ...cleared }),
    setMethod: (method) => set({ method }),
    setInvitation: (invitation) => set({ invitation }),
    setBadOnly: (badOnly) => set({ badOnly }),

    start: () => {
      const { method, invitation } = get()
      if (!method) return Promise.resolve()
      return request('start', () => api.importStart({ jobId: jobId()!, method, ...(method === 'admin-create' ? { invitation } : {}) }))
    },
    ...actions
  }
})
