/** The full export: started through the save dialog in main, followed by its pushed progress (no polling). */
import { create } from 'zustand'
import type { AppErrorShape } from '../../../../shared/errors'
import type { ExportFormat, ExportProgress, JobUpdate } from '../../../../shared/jobProgress'
import { api } from '../../api/api'
import { useConnection } from '../../stores/connectionStore'

interface ExportState {
  /** The latest export as it stands; null before the first (or after a cancelled save dialog). */
  progress: ExportProgress | null
  /** The id main gave for the export's file, to show it in its folder once written. */
  fileId: string | undefined
  pending: 'start' | 'cancel' | null
  error: AppErrorShape | null
  /** Loads how the latest export stands, then follows its updates; returns the unsubscribe. */
  subscribe: () => () => void
  start: (format: ExportFormat) => Promise<void>
  cancel: () => Promise<void>
}

export const useExport = create<ExportState>((set) => {
  function apply(update: JobUpdate): void {
    if (update.kind !== 'export' || update.userPoolId !== useConnection.getState().status?.info?.userPoolId) return
    set({ progress: update.progress })
  }

  return {
    progress: null,
    fileId: undefined,
    pending: null,
    error: null,

    subscribe: () => {
      // Subscribed before the load, so no update falls between the two.
      const unsubscribe = window.api.onJobUpdate(apply)
      void api.exportStatus().then((reply) => {
        const status = reply.ok ? reply.data : null
        if (status) set((state) => (state.progress ? { fileId: status.fileId } : { progress: status, fileId: status.fileId }))
      })
      return unsubscribe
    },

    start: async (format) => {
      set({ pending: 'start', error: null })
      const reply = await api.startExport({ format })
      set({ pending: null })
      if (!reply.ok) set({ error: reply.error })
      else if (reply.data) set({ progress: reply.data, fileId: reply.data.fileId })
    },

    cancel: async () => {
      set({ pending: 'cancel' })
      const reply = await api.cancelExport()
      set({ pending: null, ...(reply.ok ? (reply.data ? { progress: reply.data } : {}) : { error: reply.error }) })
    }
  }
})
