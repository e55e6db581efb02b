import { create } from 'zustand'
import type { AppErrorShape } from '../../../../shared/errors'
import { DEFAULT_CHANGE_DAYS, type ScanRecord, type TierChangesReport } from '../../../../shared/statsHistory'
import { api } from '../../api/api'

interface TrendState {
  /** The kept scans of the connected pool, oldest first; null until loaded. */
  scans: ScanRecord[] | null
  changes: TierChangesReport | null
  /** The range of the tier changes, in days up to today; the figures CSV counts changes over it too. */
  days: number
  loading: boolean
  error: AppErrorShape | null
  /** Reads the kept scans and the changes over the chosen range again. */
  load: () => Promise<void>
  setDays: (days: number) => Promise<void>
}

/** Counts the loads started, so a slow reply to an older one (another range) does not overwrite a newer one. */
let loadsStarted = 0

/** Tiers over time on the Statistics screen: each scan's counts and the tier changes per day. */
export const useTrend = create<TrendState>((set, get) => ({
  scans: null,
  changes: null,
  days: DEFAULT_CHANGE_DAYS,
  loading: false,
  error: null,

  load: async () => {
    const load = ++loadsStarted
    set({ loading: true })
    const [history, changes] = await Promise.all([api.statsHistory(), api.tierChanges({ days: get().days })])
    if (load !== loadsStarted) return
    const error = !history.ok ? history.error : !changes.ok ? changes.error : null
    set({
      loading: false,
      error,
      ...(history.ok ? { scans: history.data.scans } : {}),
      ...(changes.ok ? { changes: changes.data } : {})
    })
  },

  setDays: async (days) => {
    set({ days })
    await get().load()
  }
}))
