import { create } from 'zustand'
import { quoted } from '../../../../shared/display'
import type { UserDetail } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import type { TakesEffect } from '../../../../shared/takesEffect'
import { allowedMatch, SEARCH_FIELD_LABELS, type SearchField, type SearchMatch } from '../../../../shared/searchFields'
import { storedTierValue, tierLabel, type Tier } from '../../../../shared/tiers'
import { api } from '../../api/api'
import { exactLookupField } from './exactLookup'
import { useTierMembers } from './tierMembersStore'
import { NO_FILTERS, type ListFilters, type SortOrder } from './userListView'

interface SearchSpec {
  query: string
  by: SearchField
  match: SearchMatch
}

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
}

interface UsersState {
  /** The search form as typed, kept across screen switches until the next search. */
  draft: SearchSpec
  results: UserDetail[]
  lastSearch: SearchSpec | null
  nextToken: string | undefined
  searching: boolean
  loadingMore: boolean
  searchError: AppErrorShape | null
  sort: SortOrder
  filters: ListFilters
  selected: UserDetail | null
  /** The exact-lookup box as typed. */
  lookup: string
  opening: boolean
  openError: AppErrorShape | null
  savingTier: boolean
  tierOutcome: Outcome | null
  tierError: AppErrorShape | null
  tierConflict: TierConflict | null
  setDraft: (draft: Partial<SearchSpec>) => void
  search: () => Promise<void>
  loadMore: () => Promise<void>
  setSort: (sort: SortOrder) => void
  setFilters: (filters: Partial<ListFilters>) => void
  select: (user: UserDetail) => void
  setLookup: (value: string) => void
  open: (value: string) => Promise<void>
  openUsername: (username: string) => Promise<void>
  saveTier: (tier: Tier, overwrite?: boolean) => Promise<void>
  keepNewerTier: () => Promise<void>
  applyUser: (user: UserDetail) => void
  removeUser: (username: string) => void
}

/** How a search matches, in the words of the search form and of the list's caption. */
export const MATCH_WORDS: Record<SearchMatch, string> = { prefix: 'starts with', exact: 'is exactly' }

/** "whose email starts with "jane@"": what a list holds, in words. */
export function describeSearch(spec: SearchSpec): string {
  return `whose ${SEARCH_FIELD_LABELS[spec.by].toLowerCase()} ${MATCH_WORDS[allowedMatch(spec.by, spec.match)]} ${quoted(spec.query)}`
}

const clearedTier = { tierOutcome: null, tierError: null, tierConflict: null }

export const useUsers = create<UsersState>((set, get) => {
  /** Results of a search replace the list; the selection goes with the old list. */
  function showSearch(spec: SearchSpec, users: UserDetail[], nextToken: string | undefined): void {
    useTierMembers.getState().hide()
    set({ searching: false, opening: false, results: users, nextToken, lastSearch: spec, selected: null, ...clearedTier })
  }

  return {
    draft: { query: '', by: 'username', match: 'prefix' },
    results: [],
    lastSearch: null,
    nextToken: undefined,
    searching: false,
    loadingMore: false,
    searchError: null,
    sort: { key: 'username', descending: false },
    filters: NO_FILTERS,
    selected: null,
    lookup: '',
    opening: false,
    openError: null,
    savingTier: false,
    ...clearedTier,

    setDraft: (draft) => set({ draft: { ...get().draft, ...draft } }),

    search: async () => {
      const { draft } = get()
      const spec = { query: draft.query.trim(), by: draft.by, match: allowedMatch(draft.by, draft.match) }
      if (!spec.query) return
      set({ searching: true, searchError: null })
      const reply = await api.searchUsers(spec)
      if (reply.ok) showSearch(spec, reply.data.users, reply.data.nextToken)
      else set({ searching: false, searchError: reply.error })
    },

    loadMore: async () => {
      const { lastSearch, nextToken } = get()
      if (!lastSearch || !nextToken) return
      set({ loadingMore: true, searchError: null })
      const reply = await api.searchUsers({ ...lastSearch, nextToken })
      if (!reply.ok) return set({ loadingMore: false, searchError: reply.error })
      // Appended below, never above: what the operator is looking at stays where it is.
      const known = new Set(get().results.map((user) => user.username))
      const added = reply.data.users.filter((user) => !known.has(user.username))
      set({ loadingMore: false, results: [...get().results, ...added], nextToken: reply.data.nextToken })
    },

    setSort: (sort) => set({ sort }),
    setFilters: (filters) => set({ filters: { ...get().filters, ...filters } }),
    // A failed lookup's message goes once the operator has moved on to another user.
    select: (user) => {
      if (get().selected?.username !== user.username) set({ selected: user, openError: null, ...clearedTier })
    },
    setLookup: (lookup) => set({ lookup }),

    /**
     * Opens one user in the panel without touching the list (its caption would no longer be true).
     * A sub or an email is searched exactly; when that finds nobody, the value may still be a username.
     * Several users with one email become a list of their own, with a caption that says so.
     */
    open: async (value) => {
      const query = value.trim()
      if (!query) return
      set({ opening: true, openError: null })
      const field = exactLookupField(query)
      if (field !== 'username') {
        const reply = await api.searchUsers({ query, by: field, match: 'exact' })
        if (!reply.ok) return set({ opening: false, openError: reply.error })
        const [first, ...others] = reply.data.users
        if (first && others.length === 0) return set({ opening: false, selected: first, ...clearedTier })
        if (first) return showSearch({ query, by: field, match: 'exact' }, reply.data.users, reply.data.nextToken)
      }
      await get().openUsername(query)
      const error = get().openError
      if (error?.code === 'USER_NOT_FOUND' && field !== 'username') {
        set({ openError: { code: 'USER_NOT_FOUND', message: `No user has the ${field} or the username ${quoted(query)}.` } })
      }
    },

    /** A username from a list (the users of a tier): read afresh, as the scan may be old. */
    openUsername: async (username) => {
      set({ opening: true, openError: null })
      const reply = await api.getUser({ username })
      if (reply.ok) set({ opening: false, selected: reply.data, ...clearedTier })
      else set({ opening: false, openError: reply.error })
    },

    /**
     * Sends the tier the operator chose with the tier they were shown, so a change made meanwhile (by
     * another operator or tool) comes back as a conflict to decide on rather than being overwritten.
     */
    saveTier: async (tier, overwrite = false) => {
      const user = get().selected
      if (!user) return
      set({ savingTier: true, ...clearedTier })
      const reply = await api.setTier({ username: user.username, tier, expected: storedTierValue(user.tier), overwrite })
      if (!reply.ok) {
        if (reply.error.code === 'TIER_CHANGED') set({ savingTier: false, tierConflict: { username: user.username, tier, message: reply.error.message } })
        else set({ savingTier: false, tierError: reply.error })
        return
      }
      const { from, to, user: after, refreshError, takesEffect } = reply.data
      const change = `${user.username}'s tier is now ${to} (was ${tierLabel(from)}).`
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

    applyUser: (user) =>
      set({
        selected: get().selected?.username === user.username ? user : get().selected,
        results: get().results.map((shown) => (shown.username === user.username ? user : shown))
      }),

    removeUser: (username) =>
      set({
        selected: get().selected?.username === username ? null : get().selected,
        results: get().results.filter((user) => user.username !== username)
      })
  }
})
