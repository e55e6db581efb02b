import { create } from 'zustand'
import type { AppErrorShape } from '../../../../shared/errors'
import type { ImportJobDetail, ImportJobSummary, ImportMethod, ImportPreview, Invitation } from '../../../../shared/importing'
import type { ImportProgress } from '../../../../shared/jobProgress'
import { api } from '../../api/api'
import { rowJobFollower } from '../rowJobs/rowJobFollower'

export type ImportAction = 'choose' | 'open' | 'start' | 'pause' | 'cancel' | 'save'

interface ImportState {
  /** The Register screen shows the import rather than the one-user form. */
  fromFile: boolean
  preview: ImportPreview | null
  /** The job once started or reopened: its rows' results as last read. */
  job: ImportJobDetail | null
  progress: ImportProgress | null
  /** Null until the operator picks one: either sends people email, so there is no silent default. */
  method: ImportMethod | null
  invitation: Invitation
  /** The table shows only the rows the preview left out. */
  badOnly: boolean
  pending: ImportAction | null
  error: AppErrorShape | null
  savedTo: string | null
  /** This pool's paused, stopped or interrupted imports, offered for resume. */
  resumable: ImportJobSummary[]
  setFromFile(fromFile: boolean): void
  chooseFile(): Promise<void>
  /** Stops the preview under way; it ends with nothing saved and no error shown. */
  cancelPreview(): Promise<void>
  openJob(jobId: string): Promise<void>
  /** Back to "Choose CSV file…", forgetting the file shown (its job stays on disk). */
  reset(): void
  setMethod(method: ImportMethod): void
  setInvitation(invitation: Invitation): void
  setBadOnly(badOnly: boolean): void
  start(): Promise<void>
  pause(): Promise<void>
  cancel(): Promise<void>
  saveResults(): Promise<void>
  loadResumable(): Promise<void>
  /** Follows pushed progress; returns the unsubscribe. */
  subscribe(): () => void
}

const cleared = { preview: null, job: null, progress: null, error: null, savedTo: null, method: null, invitation: 'email', badOnly: false } as const

export const useImport = create<ImportState>((set, get) => {
  const follower = rowJobFollower<ImportProgress, ImportJobDetail, ImportAction, ImportJobSummary>({
    kind: 'import',
    get,
    set,
    readDetail: (id) => api.importJob({ jobId: id }),
    listJobs: () => api.importJobs(),
    saveResultsCsv: (id) => api.importResultsCsv({ jobId: id })
  })
  const { jobId, request } = follower

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
    cancelPreview: async () => {
      await api.importCancelPreview()
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
    pause: () => request('pause', () => api.importPause({ jobId: jobId()! })),
    cancel: () => request('cancel', () => api.importCancel({ jobId: jobId()! })),

    saveResults: () => follower.saveResults('save'),
    loadResumable: follower.loadResumable,
    subscribe: follower.subscribe
  }
})
