import { create } from 'zustand'
import type { AppErrorShape } from '../../../../shared/errors'
import type { PendingReturn } from '../../../../shared/tierReturns'
import { returnSentence } from '../../../../shared/tierReturns'
import type { UserDetail } from '../../../../shared/domain'
import { storedTierValue, type Tier } from '../../../../shared/tiers'
import { api } from '../../api/api'
import { useUsers, type Outcome } from '../users/usersStore'

/** Read a moment after the page's own reads, as groups and history are (see userActionsStore): the header never waits for it. */
const LOAD_DELAY_MS = 300

interface UserReturnState {
  /** Whose return this is: a reply for another user is dropped. */
  username: string | null
  /** undefined while not read yet; null when none is scheduled. */
  pending: PendingReturn | null | undefined
  loadError: AppErrorShape | null
  busy: 'extend' | 'cancel' | null
  outcome: Outcome | null
  error: AppErrorShape | null
  load: () => Promise<void>
  extend: (until: string, then?: Tier) => Promise<boolean>
  cancel: () => Promise<void>
}

const changeMark = (user: UserDetail | null): string => (user ? `${storedTierValue(user.tier)}:${user.modifiedAt}` : '')

let loadTimer: ReturnType<typeof setTimeout> | undefined

/** The open user's pending return ("premium until …, then standard"), with Extend and Cancel. */
export const useUserReturn = create<UserReturnState>((set, get) => {
  const showing = (username: string) => get().username === username

  return {
    username: null,
    pending: undefined,
    loadError: null,
    busy: null,
    outcome: null,
    error: null,

    load: async () => {
      const username = get().username
      if (!username) return
      const reply = await api.getReturn({ username })
      if (!showing(username)) return
      set(reply.ok ? { pending: reply.data.pendingReturn, loadError: null } : { pending: null, loadError: reply.error })
    },

    extend: async (until, then) => {
      const username = get().username
      if (!username || get().busy) return false
      set({ busy: 'extend', outcome: null, error: null })
      const reply = await api.extendReturn({ username, until, ...(then ? { then } : {}) })
      if (!showing(username)) return false
      if (!reply.ok) {
        set({ busy: null, error: reply.error })
        return false
      }
      set({ busy: null, pending: reply.data, outcome: { username, tone: 'success', message: `Moved: ${returnSentence(reply.data)}.` } })
      return true
    },

    cancel: async () => {
      const username = get().username
      if (!username || get().busy) return
      set({ busy: 'cancel', outcome: null, error: null })
      const reply = await api.cancelReturn({ username })
      if (!showing(username)) return
      if (!reply.ok) return set({ busy: null, error: reply.error })
      set({ busy: null, pending: null, outcome: { username, tone: 'success', message: reply.data.message } })
    }
  }
})

/**
 * Follows the open user: a new one starts clean and has their return read after the page's data; the
 * same user read again (a tier saved, which may schedule or cancel a return) has it read again.
 */
useUsers.subscribe((state, previous) => {
  const user = state.selected
  if (user === previous.selected) return
  const shown = useUserReturn.getState()
  if (user && user.username === shown.username) {
    // Only a write changes these; the same user read again to fill in the page (its verdict) does not.
    if (shown.pending !== undefined && changeMark(user) !== changeMark(previous.selected)) void shown.load()
    return
  }
  clearTimeout(loadTimer)
  useUserReturn.setState({ username: user?.username ?? null, pending: undefined, loadError: null, busy: null, outcome: null, error: null })
  if (!user) return
  loadTimer = setTimeout(() => {
    if (useUserReturn.getState().username === user.username) void useUserReturn.getState().load()
  }, LOAD_DELAY_MS)
})
