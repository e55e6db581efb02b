import { create } from 'zustand'
import type { UserDetail } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import type { TakesEffect } from '../../../../shared/takesEffect'
import { storedTierValue, tierLabel, type Tier } from '../../../../shared/tiers'
import { returnSentence, type ReturnChoice } from '../../../../shared/tierReturns'
import { api } from '../../api/api'
import { stillMatches, updateScanMatches, type Found } from './findResults'
import { useTierMembers } from './tierMembersStore'
import { NO_FILTERS, type ListFilters, type SortOrder } from './userListView'

/** A result shown beside what it is about, for the user it is about. */
export interface Outcome {
  username: string
  tone: 'success' | 'warning'
  message: string
  /** After a tier change: when the customer's apps see it. */
  takesEffect?: TakesEffect
}

/** Cognito holds a different tier than the one shown: the operator decides whether to overwrite it. */
export interface TierConflict {
  username: string
  tier: Tier
  message: string
  /** The return asked for with it, kept for "Overwrite". */
  scheduled?: ReturnChoice
}

/** "Until <instant>, then <tier>" (shared/tierReturns.ts), kept here for the tier editor's imports. */
export type { ReturnChoice }

/** What the screen's body shows: the list the last find (or a tier's users) made, or one user's page. */
export type UsersView = 'list' | 'user'

interface UsersState {
  /** The find box as typed, kept across screen switches; emptied once it opened a user. */
  query: string
  finding: boolean
  /** Why the last find or opening failed; the page under it is cleared. */
  findError: AppErrorShape | null
  found: Found | null
  results: UserDetail[]
  nextToken: string | undefined
  loadingMore: boolean
  sort: SortOrder
  filters: ListFilters
  /** A user read again after a change who no longer answers the find, and so left the list. */
  leftList: string | null
  view: UsersView
  /** The list is back from a user's page: it shows that user's row, focused. */
  cameBack: boolean
  /** The user whose page is open. */
  selected: UserDetail | null
  savingTier: boolean
  tierOutcome: Outcome | null
  tierError: AppErrorShape | null
  tierConflict: TierConflict | null
  setQuery: (query: string) => void
  find: () => Promise<void>
  loadMore: () => Promise<void>
  setSort: (sort: SortOrder) => void
  setFilters: (filters: Partial<ListFilters>) => void
  /** Opens a user's page, read afresh (a list row or a scan's copy may be old, and lacks the sign-in verdict). */
  openUsername: (username: string) => Promise<void>
  /** Back to the list the page was opened from; the page's user stays marked in it. */
  showList: () => void
  saveTier: (tier: Tier, overwrite?: boolean, scheduled?: ReturnChoice) => Promise<void>
  keepNewerTier: () => Promise<void>
  applyUser: (user: UserDetail) => void
  removeUser: (username: string) => void
}

const clearedTier = { tierOutcome: null, tierError: null, tierConflict: null }
/** Nothing of an earlier find or page: what a failed lookup leaves, so no old user sits under its error. */
const clearedPage = { found: null, results: [], nextToken: undefined, selected: null, view: 'list' as const, cameBack: false, leftList: null, ...clearedTier }

export const useUsers = create<UsersState>((set, get) => {
  /** The page of one user read on their own; a failure clears the page rather than leaving the last user under it. */
  async function openRead(username: string, keepList: boolean): Promise<boolean> {
    set({ finding: true, findError: null })
    const reply = await api.getUser({ username })
    if (!reply.ok) {
      set({ finding: false, findError: reply.error, ...(keepList ? { selected: null, view: 'list' as const, ...clearedTier } : clearedPage) })
      return false
    }
    set({ finding: false, query: '', selected: reply.data, view: 'user', cameBack: false, ...clearedTier })
    return true
  }

  return {
    query: '',
    finding: false,
    findError: null,
    found: null,
    results: [],
    nextToken: undefined,
    loadingMore: false,
    sort: { key: 'username', descending: false },
    filters: NO_FILTERS,
    leftList: null,
    view: 'list',
    cameBack: false,
    selected: null,
    savingTier: false,
    ...clearedTier,

    setQuery: (query) => set({ query }),

    /** One box for whatever the ticket quotes: exactly one match opens, anything else lists. */
    find: async () => {
      const query = get().query.trim()
      if (!query) return
      set({ finding: true, findError: null })
      const reply = await api.findUsers({ query })
      useTierMembers.getState().hide()
      if (!reply.ok) return set({ finding: false, findError: reply.error, ...clearedPage })
      const { foundBy, users, nextToken, loweredCase = false, scan } = reply.data
      const found: Found = { query, foundBy, loweredCase, ...(foundBy === 'email-part' ? { scan } : {}) }
      const only = foundBy !== 'email-part' && users.length === 1 && !nextToken ? users[0] : undefined
      set({ ...clearedPage, found: only ? { ...found, opened: only.username } : found, results: users, nextToken, filters: NO_FILTERS })
      if (only) await openRead(only.username, false)
      else set({ finding: false })
    },

    loadMore: async () => {
      const { found, nextToken } = get()
      if (!found || !nextToken) return
      set({ loadingMore: true, findError: null })
      const reply = await api.findUsers({ query: found.query, nextToken })
      if (!reply.ok) return set({ loadingMore: false, findError: reply.error })
      // Appended below, never above: what the operator is looking at stays where it is.
      const known = new Set(get().results.map((user) => user.username))
      const added = reply.data.users.filter((user) => !known.has(user.username))
      set({ loadingMore: false, results: [...get().results, ...added], nextToken: reply.data.nextToken })
    },

    setSort: (sort) => set({ sort }),
    setFilters: (filters) => set({ filters: { ...get().filters, ...filters } }),
    openUsername: async (username) => {
      await openRead(username, true)
    },
    showList: () => set({ view: 'list', cameBack: true }),

    /**
     * Sends the tier the operator chose with the tier they were shown, so a change made meanwhile (by
     * another operator or tool) comes back as a conflict to decide on rather than being overwritten.
     */
    saveTier: async (tier, overwrite = false, scheduled) => {
      const user = get().selected
      if (!user) return
      set({ savingTier: true, ...clearedTier })
      const reply = await api.setTier({ username: user.username, tier, expected: storedTierValue(user.tier), overwrite, ...scheduled })
      if (!reply.ok) {
        if (reply.error.code === 'TIER_CHANGED')
          set({ savingTier: false, tierConflict: { username: user.username, tier, message: reply.error.message, ...(scheduled ? { scheduled } : {}) } })
        else set({ savingTier: false, tierError: reply.error })
        return
      }
      const { from, to, user: after, refreshError, takesEffect, pendingReturn, cancelledReturn } = reply.data
      const change = [
        `${user.username}'s tier is now ${to} (was ${tierLabel(from)}).`,
        pendingReturn && `Scheduled: ${returnSentence(pendingReturn)}.`,
        cancelledReturn && `The earlier return (${returnSentence(cancelledReturn)}) is cancelled.`
      ]
        .filter(Boolean)
        .join(' ')
      // Cognito applied the change even when reading it back failed: the view shows it as saved.
      get().applyUser(after ?? { ...user, tier: { kind: 'tier', tier: to } })
      set({
        savingTier: false,
        tierOutcome: after
          ? { username: user.username, tone: 'success', message: `Saved: ${change}`, takesEffect }
          : {
              username: user.username,
              tone: 'warning',
              message: `Saved: ${change} ${refreshError?.message ?? 'The user could not be read again to show it.'}`,
              takesEffect
            }
      })
    },

    /** The operator declined to overwrite: show the user as Cognito has them now. */
    keepNewerTier: async () => {
      const conflict = get().tierConflict
      set({ tierConflict: null })
      if (!conflict) return
      const reply = await api.getUser({ username: conflict.username })
      if (reply.ok) get().applyUser(reply.data)
      else set({ tierError: reply.error })
    },

    /** A user read again after a change: shown as they are now, and out of a list whose find they no longer answer. */
    applyUser: (user) => {
      const { selected, results, found } = get()
      const listed = [...results, ...(found?.scan?.members ?? [])].some((shown) => shown.username === user.username)
      const matches = stillMatches(user, found)
      const scan = found?.scan && found.foundBy === 'email-part' ? { ...found.scan, members: updateScanMatches(found.scan.members, user, found) } : found?.scan
      set({
        selected: selected?.username === user.username ? user : selected,
        results: matches
          ? results.map((shown) => (shown.username === user.username ? user : shown))
          : results.filter((shown) => shown.username !== user.username),
        found: found && scan !== found.scan ? { ...found, scan } : found,
        leftList: listed && !matches ? user.username : get().leftList
      })
    },

    removeUser: (username) =>
      set({
        selected: get().selected?.username === username ? null : get().selected,
        results: get().results.filter((user) => user.username !== username)
      })
  }
})
