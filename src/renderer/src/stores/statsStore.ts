import { create } from 'zustand'
import type { StatsSnapshot, TierBucket } from '../../../shared/domain'
import type { AppErrorShape } from '../../../shared/errors'
import { downloadText } from '../utils/download'
import { api } from './api'
import { useConnection } from './connectionStore'
import { useToasts } from './toastStore'

const POLL_MS = 500

interface StatsState {
  snapshot: StatsSnapshot | null
  loading: boolean
  starting: boolean
  cancelling: boolean
  exporting: boolean
  error: AppErrorShape | null
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

  function announceEnd(): void {
    const progress = get().snapshot?.progress
    if (progress?.state === 'done') useToasts.getState().push('success', `Scan finished: ${progress.users.toLocaleString()} users`)
    if (progress?.state === 'failed' && progress.error) {
      useToasts.getState().push('danger', 'Scan stopped', progress.error.message)
      // A scan's failure arrives in its progress, not as a failed call, so the bridge wrapper cannot see it.
      useConnection.getState().reportFailure(progress.error)
    }
  }

  return {
    snapshot: null,
    loading: false,
    starting: false,
    cancelling: false,
    exporting: false,
    error: null,

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
      set({ cancelling: true })
      const reply = await api.cancelStats()
      set({ cancelling: false })
      if (!reply.ok) useToasts.getState().push('danger', 'Could not cancel', reply.error.message)
      else useToasts.getState().push('info', 'Scan cancelled', 'Its progress is kept: "Resume scan" continues where it stopped.')
      await get().load()
    },

    exportCsv: async (request) => {
      set({ exporting: true })
      const reply = await api.statsCsv(request)
      set({ exporting: false })
      if (!reply.ok) {
        useToasts.getState().push('danger', 'Export failed', reply.error.message)
        return
      }
      downloadText(reply.data.filename, reply.data.csv, 'text/csv')
      useToasts.getState().push('success', `Saved ${reply.data.filename}`)
    },

    stopPolling: () => {
      if (timer) clearTimeout(timer)
      timer = null
    }
  }
})
