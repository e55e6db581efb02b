import { create } from 'zustand'
import type { StatsSnapshot, TierBucket } from '../../../shared/domain'
import type { AppErrorShape } from '../../../shared/errors'
import { downloadText } from '../utils/download'
import { api } from './api'
import { useConnection } from './connectionStore'

const POLL_MS = 500

interface StatsState {
  snapshot: StatsSnapshot | null
  loading: boolean
  starting: boolean
  cancelling: boolean
  exporting: boolean
  error: AppErrorShape | null
  /** The last export's outcome, shown beside the export buttons. */
  exported: { filename: string } | null
  exportError: AppErrorShape | null
  load: () => Promise<void>
  start: () => Promise<void>
  cancel: () => Promise<void>
  exportCsv: (request: { kind: 'figures' } | { kind: 'tier'; bucket: TierBucket }) => Promise<void>
  stopPolling: () => void
}

let timer: ReturnType<typeof setTimeout> | null = null

export const useStats = create<StatsState>((set, get) => {
  /** Polls while a scan runs; the screen's unmount stops it. */
  function schedulePoll(): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(async () => {
      timer = null
      await get().load()
      if (get().snapshot?.progress?.state === 'running') schedulePoll()
      else announceEnd()
    }, POLL_MS)
  }

  /** The screen shows a finished or failed scan itself; only the connection needs telling of a failure. */
  function announceEnd(): void {
    const progress = get().snapshot?.progress
    // A scan's failure arrives in its progress, not as a failed call, so the bridge wrapper cannot see it.
    if (progress?.state === 'failed' && progress.error) useConnection.getState().reportFailure(progress.error)
  }

  return {
    snapshot: null,
    loading: false,
    starting: false,
    cancelling: false,
    exporting: false,
    error: null,
    exported: null,
    exportError: null,

    load: async () => {
      set({ loading: get().snapshot === null })
      const reply = await api.getStats()
      if (reply.ok) {
        // A start refused because another process scans this pool stays explained while that scan runs.
        const refusal = get().error?.code === 'LOCKED_BY_OTHER_PROCESS' && reply.data.progress?.runningElsewhere ? get().error : null
        set({ loading: false, snapshot: reply.data, error: refusal })
        if (reply.data.progress?.state === 'running' && !timer) schedulePoll()
      } else set({ loading: false, error: reply.error })
    },

    start: async () => {
      set({ starting: true, error: null })
      const reply = await api.startStats()
      set({ starting: false })
      if (!reply.ok) {
        set({ error: reply.error })
        // Refused because another process of the app scans this pool: show that scan's progress too.
        if (reply.error.code === 'LOCKED_BY_OTHER_PROCESS') await get().load()
        return
      }
      set({ snapshot: { progress: reply.data, last: get().snapshot?.last ?? null } })
      schedulePoll()
    },

    cancel: async () => {
      set({ cancelling: true, error: null })
      const reply = await api.cancelStats()
      await get().load()
      // A cancelled scan shows as such in its panel; only a refusal needs saying, above that panel
      // (after the reload, which would otherwise clear it).
      set({ cancelling: false, ...(reply.ok ? {} : { error: reply.error }) })
    },

    exportCsv: async (request) => {
      set({ exporting: true, exported: null, exportError: null })
      const reply = await api.statsCsv(request)
      set({ exporting: false })
      if (!reply.ok) {
        set({ exportError: reply.error })
        return
      }
      downloadText(reply.data.filename, reply.data.csv, 'text/csv')
      set({ exported: { filename: reply.data.filename } })
    },

    stopPolling: () => {
      if (timer) clearTimeout(timer)
      timer = null
    }
  }
})
