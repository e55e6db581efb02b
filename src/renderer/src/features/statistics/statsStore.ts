import { create } from 'zustand'
import type { SavedFile, ScanProgress, StatsSnapshot, TierBucket } from '../../../../shared/domain'
import type { AppErrorShape, Result } from '../../../../shared/errors'
import type { JobUpdate } from '../../../../shared/jobProgress'
import { isActive } from '../../../../shared/jobs'
import { api } from '../../api/api'
import { useConnection } from '../../stores/connectionStore'

/** The scan request in flight, so its button shows busy until main's first update says what it did. */
export type StatsAction = 'start' | 'pause' | 'cancel'

interface StatsState {
  snapshot: StatsSnapshot | null
  loading: boolean
  pending: StatsAction | null
  exporting: boolean
  error: AppErrorShape | null
  /** Where the last CSV went, shown beside the export buttons; null after a cancelled save dialog too. */
  exported: SavedFile | null
  exportError: AppErrorShape | null
  /** Loads the snapshot once, then follows the scan's pushed updates; returns the unsubscribe. */
  subscribe: () => () => void
  /** Starts a scan, or resumes the one that stopped with partitions left. */
  start: () => Promise<void>
  pause: () => Promise<void>
  cancel: () => Promise<void>
  exportCsv: (request: { kind: 'figures'; days?: number } | { kind: 'tier'; bucket: TierBucket }) => Promise<void>
}

/**
 * Counts the updates applied. A reply to a request sent before the latest update describes an older
 * moment of the scan (IPC replies and pushes do not wait for each other), so it must not overwrite it.
 */
let updatesApplied = 0
let stopFollowing: (() => void) | null = null

function connectedPoolId(): string | undefined {
  return useConnection.getState().status?.info?.userPoolId
}

export const useStats = create<StatsState>((set, get) => {
  /** Reads the snapshot; `pushed` when a push has just said how the scan stands and only its finished figures are missing. */
  async function load(pushed = false): Promise<void> {
    const sentAfter = updatesApplied
    set({ loading: get().snapshot === null })
    const reply = await api.getStats()
    if (!reply.ok) {
      set({ loading: false, error: reply.error })
      return
    }
    const progress = !pushed && updatesApplied === sentAfter ? reply.data.progress : (get().snapshot?.progress ?? null)
    // A fresh look at the scan answers any earlier complaint but a refusal whose reason still holds.
    const error = get().error?.code === 'LOCKED_BY_OTHER_PROCESS' && runsElsewhere(progress) ? get().error : null
    set({ loading: false, snapshot: { progress, last: reply.data.last }, error })
  }

  /** Shows the scan as it now stands, and acts on what it just became. */
  function show(progress: ScanProgress): void {
    const before = get().snapshot?.progress?.state
    const refusalOver = get().error?.code === 'LOCKED_BY_OTHER_PROCESS' && !runsElsewhere(progress)
    set({ snapshot: { progress, last: get().snapshot?.last ?? null }, ...(refusalOver ? { error: null } : {}) })
    // A scan's failure arrives in its progress, not as a failed call, so the bridge wrapper cannot report it.
    if (progress.state === 'failed' && before !== 'failed' && progress.error) useConnection.getState().reportFailure(progress.error)
    // A push carries the progress but not the finished scan's figures (`last`): only those are read.
    if (progress.state === 'done' && before !== 'done') void load(true)
  }

  function apply(update: JobUpdate): void {
    if (update.kind !== 'stats-scan' || update.userPoolId !== connectedPoolId()) return
    updatesApplied++
    show(update.progress)
  }

  async function request(action: StatsAction, call: () => Promise<Result<ScanProgress | null>>): Promise<void> {
    const sentAfter = updatesApplied
    set({ pending: action, error: null })
    const reply = await call()
    set({ pending: null })
    if (!reply.ok) {
      set({ error: reply.error })
      // Refused because another process of the app scans this pool: show that scan's progress at once.
      if (reply.error.code === 'LOCKED_BY_OTHER_PROCESS') await load()
    } else if (!reply.data) {
      // Nothing was running to pause or stop (it ended meanwhile, or runs elsewhere): look again.
      await load()
    } else if (updatesApplied === sentAfter) show(reply.data)
  }

  return {
    snapshot: null,
    loading: false,
    pending: null,
    exporting: false,
    error: null,
    exported: null,
    exportError: null,

    subscribe: () => {
      stopFollowing?.()
      // Subscribed before the load, so no update falls between the snapshot and the first push.
      const unsubscribe = window.api.onJobUpdate(apply)
      stopFollowing = unsubscribe
      void load()
      return () => {
        unsubscribe()
        if (stopFollowing === unsubscribe) stopFollowing = null
      }
    },

    start: () => request('start', () => api.startStats()),
    pause: () => request('pause', () => api.pauseStats()),
    cancel: () => request('cancel', () => api.cancelStats()),

    exportCsv: async (exportRequest) => {
      set({ exporting: true, exported: null, exportError: null })
      const reply = await api.statsCsv(exportRequest)
      set(reply.ok ? { exporting: false, exported: reply.data } : { exporting: false, exportError: reply.error })
    }
  }
})

/** Another process of the app is scanning this pool: a start refused for that stays explained meanwhile. */
function runsElsewhere(progress: ScanProgress | null): boolean {
  return Boolean(progress?.runningElsewhere) && isActive(progress?.state ?? 'done')
}
