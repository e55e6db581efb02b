import { create } from 'zustand'
import type { HistoryEntry, UserGroups } from '../../../../shared/domain'
import type { AppErrorShape, Result } from '../../../../shared/errors'
import { api } from '../../api/api'
import { useUsers, type Outcome } from '../users/usersStore'
import { ACCOUNT_CALLS, confirmWithCode, type AccountAction, type ActionDone } from './accountCalls'
import { useGoneNote } from './goneNote'
import { showAfresh } from './showAfresh'
import { usePageTabs } from './userPageStore'

export type { AccountAction } from './accountCalls'

/**
 * Groups and history are read a moment after a user is selected, not at once: an operator walking the
 * list with the arrow keys would otherwise send two Cognito reads for every row passed.
 */
const LOAD_DELAY_MS = 250

interface UserActionsState {
  /** Whose groups and history these are. */
  username: string | null
  running: AccountAction | 'confirmCode' | 'delete' | null
  /** The last header action's result, for this user only: under the verdict it may have changed. */
  outcome: Outcome | null
  error: AppErrorShape | null
  groups: UserGroups | null
  groupsBusy: string | null
  groupsError: AppErrorShape | null
  groupsOutcome: Outcome | null
  history: HistoryEntry[] | null
  historyError: AppErrorShape | null
  run: (action: AccountAction) => Promise<void>
  confirmCode: (code: string) => Promise<void>
  deleteUser: (confirmUsername: string) => Promise<void>
  addToGroup: (group: string) => Promise<void>
  removeFromGroup: (group: string) => Promise<void>
  loadHistory: () => Promise<void>
}

/** A user's page before anything was done or read on it: how every newly opened user starts. */
const CLEAN_SLATE = {
  running: null,
  outcome: null,
  error: null,
  groups: null,
  groupsBusy: null,
  groupsError: null,
  groupsOutcome: null,
  history: null,
  historyError: null
} as const

let loadTimer: ReturnType<typeof setTimeout> | undefined

export const useUserActions = create<UserActionsState>((set, get) => {
  /** A reply about a user the operator has since left is dropped, not shown on the next one. */
  const stillShowing = (username: string) => get().username === username

  async function finish(username: string, running: UserActionsState['running'], reply: Result<ActionDone>): Promise<void> {
    if (!reply.ok) {
      if (stillShowing(username)) set({ running: null, error: reply.error })
      return
    }
    const afresh = await showAfresh(username, reply.data.user)
    if (afresh.gone) return useGoneNote.setState({ note: { username, tone: 'success', message: reply.data.message } })
    const stale = afresh.stale ?? reply.data.refreshError
    if (!stillShowing(username) || get().running !== running) return
    const message = stale ? `${reply.data.message} ${stale}` : reply.data.message
    set({ running: null, outcome: { username, tone: stale ? 'warning' : 'success', message } })
    void get().loadHistory()
  }

  async function changeGroup(group: string, add: boolean): Promise<void> {
    const username = get().username
    if (!username) return
    set({ groupsBusy: group, groupsError: null, groupsOutcome: null })
    const reply = add ? await api.addToGroup({ username, group }) : await api.removeFromGroup({ username, group })
    if (!stillShowing(username)) return
    if (!reply.ok) return set({ groupsBusy: null, groupsError: reply.error })
    const message = add ? `${username} is now in ${group}.` : `${username} is no longer in ${group}.`
    set({ groupsBusy: null, groups: reply.data, groupsOutcome: { username, tone: 'success', message } })
    void get().loadHistory()
  }

  return {
    username: null,
    ...CLEAN_SLATE,

    run: async (action) => {
      const user = useUsers.getState().selected
      if (!user || !stillShowing(user.username)) return
      set({ running: action, outcome: null, error: null })
      await finish(user.username, action, await ACCOUNT_CALLS[action](user))
    },

    confirmCode: async (code) => {
      const username = get().username
      if (!username) return
      set({ running: 'confirmCode', outcome: null, error: null })
      await finish(username, 'confirmCode', await confirmWithCode(username, code))
    },

    deleteUser: async (confirmUsername) => {
      const username = get().username
      if (!username) return
      set({ running: 'delete', outcome: null, error: null })
      const reply = await api.deleteUser({ username, confirmUsername })
      if (!reply.ok) return set({ running: null, error: stillShowing(username) ? reply.error : null })
      set({ running: null })
      useGoneNote.setState({ note: { username, tone: 'success', message: reply.data.message } })
      useUsers.getState().removeUser(username)
    },

    addToGroup: (group) => changeGroup(group, true),
    removeFromGroup: (group) => changeGroup(group, false),

    loadHistory: async () => {
      const username = get().username
      if (!username) return
      const reply = await api.userHistory({ username })
      if (!stillShowing(username)) return
      set(reply.ok ? { history: reply.data.entries, historyError: null } : { history: null, historyError: reply.error })
    }
  }
})

/**
 * Follows the selection: a new user starts with a clean slate (no notice of the last one survives)
 * and their groups and history are read; the same user changed (a tier saved) gets their history read again.
 */
useUsers.subscribe((state, previous) => {
  const user = state.selected
  if (user === previous.selected) return
  const actions = useUserActions.getState()
  if (user && user.username === actions.username) {
    void actions.loadHistory()
    return
  }
  clearTimeout(loadTimer)
  usePageTabs.getState().reset(user?.username ?? null)
  useUserActions.setState({
    username: user?.username ?? null,
    ...CLEAN_SLATE
  })
  // The note about a user no longer in the pool stays until another user is opened.
  if (user) useGoneNote.setState({ note: null })
  if (!user) return
  loadTimer = setTimeout(() => {
    if (useUserActions.getState().username !== user.username) return
    void useUserActions.getState().loadHistory()
    void loadGroupsFor(user.username)
    // A list row carries no MFA or verdict: those come with the user read on their own.
    if (!user.verdict) void readWhole(user.username)
  }, LOAD_DELAY_MS)
})

async function loadGroupsFor(username: string): Promise<void> {
  const reply = await api.userGroups({ username })
  if (useUserActions.getState().username !== username) return
  useUserActions.setState(reply.ok ? { groups: reply.data, groupsError: null } : { groups: null, groupsError: reply.error })
}

async function readWhole(username: string): Promise<void> {
  const reply = await api.getUser({ username })
  if (useUserActions.getState().username !== username) return
  if (reply.ok) useUsers.getState().applyUser(reply.data)
  else useUserActions.setState({ error: reply.error })
}
