import { create } from 'zustand'
import type { TierBucket, TierMember, UserDetail } from '../../../shared/domain'
import type { AppErrorShape } from '../../../shared/errors'
import { api } from './api'
import { useToasts } from './toastStore'

export type SearchBy = 'username' | 'email'

const MEMBERS_PAGE = 50

interface MembersView {
  bucket: TierBucket
  offset: number
  total: number
  members: TierMember[]
}

interface UsersState {
  results: UserDetail[]
  lastSearch: { query: string; by: SearchBy } | null
  nextToken: string | undefined
  searching: boolean
  loadingMore: boolean
  error: AppErrorShape | null
  selected: UserDetail | null
  opening: boolean
  savingTier: boolean
  tierError: AppErrorShape | null
  members: MembersView | null
  membersLoading: boolean
  membersError: AppErrorShape | null
  search: (query: string, by: SearchBy) => Promise<void>
  loadMore: () => Promise<void>
  open: (username: string) => Promise<void>
  select: (user: UserDetail) => void
  saveTier: (username: string, tier: string) => Promise<void>
  loadMembers: (bucket: TierBucket, offset?: number) => Promise<void>
}

export const useUsers = create<UsersState>((set, get) => ({
  results: [],
  lastSearch: null,
  nextToken: undefined,
  searching: false,
  loadingMore: false,
  error: null,
  selected: null,
  opening: false,
  savingTier: false,
  tierError: null,
  members: null,
  membersLoading: false,
  membersError: null,

  search: async (query, by) => {
    set({ searching: true, error: null, selected: null, tierError: null })
    const reply = await api.searchUsers({ query, by })
    if (reply.ok) set({ searching: false, results: reply.data.users, nextToken: reply.data.nextToken, lastSearch: { query, by } })
    else set({ searching: false, results: [], nextToken: undefined, lastSearch: null, error: reply.error })
  },

  loadMore: async () => {
    const { lastSearch, nextToken } = get()
    if (!lastSearch || !nextToken) return
    set({ loadingMore: true, error: null })
    const reply = await api.searchUsers({ ...lastSearch, nextToken })
    if (reply.ok) set({ loadingMore: false, results: [...get().results, ...reply.data.users], nextToken: reply.data.nextToken })
    else set({ loadingMore: false, error: reply.error })
  },

  open: async (username) => {
    set({ opening: true, error: null, tierError: null })
    const reply = await api.getUser({ username })
    if (reply.ok) {
      const others = get().results.filter((user) => user.username !== reply.data.username)
      set({ opening: false, selected: reply.data, results: [reply.data, ...others] })
    } else set({ opening: false, error: reply.error })
  },

  select: (user) => set({ selected: user, tierError: null }),

  saveTier: async (username, tier) => {
    set({ savingTier: true, tierError: null })
    const reply = await api.setTier({ username, tier })
    if (reply.ok) {
      const updated = reply.data.user
      if (updated) set({ savingTier: false, selected: updated, results: get().results.map((user) => (user.username === updated.username ? updated : user)) })
      else set({ savingTier: false, tierError: reply.data.refreshError ?? null })
      useToasts.getState().push('success', `${reply.data.username} is now ${tier}`)
    } else {
      set({ savingTier: false, tierError: reply.error })
    }
  },

  loadMembers: async (bucket, offset = 0) => {
    set({ membersLoading: true, membersError: null })
    const reply = await api.listTierMembers({ bucket, offset, limit: MEMBERS_PAGE })
    if (reply.ok) set({ membersLoading: false, members: { bucket, offset, total: reply.data.total, members: reply.data.members } })
    else set({ membersLoading: false, members: null, membersError: reply.error })
  }
}))

export { MEMBERS_PAGE }
