import { create } from 'zustand'
import type { AppErrorShape } from '../../../../shared/errors'
import type { PendingReturnsList } from '../../../../shared/tierReturns'
import { api } from '../../api/api'

interface PendingReturnsState {
  list: PendingReturnsList | null
  error: AppErrorShape | null
  loading: boolean
  /** One ListSchedules of the app's group in main, each return flagged there when its user moved on. */
  load: () => Promise<void>
}

/** The pool's pending tier returns, for the Statistics screen's list. */
export const usePendingReturns = create<PendingReturnsState>((set) => ({
  list: null,
  error: null,
  loading: false,
  load: async () => {
    set({ loading: true })
    const reply = await api.listReturns()
    set(reply.ok ? { loading: false, list: reply.data, error: null } : { loading: false, list: null, error: reply.error })
  }
}))
