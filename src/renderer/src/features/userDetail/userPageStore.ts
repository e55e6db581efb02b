import { create } from 'zustand'
import type { AccountActionResult } from '../../../../shared/domain'
import type { AppErrorShape, Result } from '../../../../shared/errors'
import type { SignInEvent, UserDevice } from '../../../../shared/support'
import { api } from '../../api/api'
import { useGoneNote } from './goneNote'
import { showAfresh } from './showAfresh'

/** The sections below the user's header, one shown at a time. */
export const PAGE_TABS = ['tier', 'attributes', 'security', 'events', 'identities', 'groups', 'history'] as const
export type PageTab = (typeof PAGE_TABS)[number]

/** Where on a tab a write's result shows: beside the form or list it came from. */
export type Spot = 'attributes' | 'password' | 'mfa' | 'devices' | 'events' | 'identities'

export interface SpotNotice {
  username: string
  spot: Spot
  tone: 'success' | 'warning'
  message: string
}

export interface SpotError {
  username: string
  spot: Spot
  error: AppErrorShape
}

type EventsView = { recorded: true; items: SignInEvent[]; nextToken?: string } | { recorded: false; why: string }

interface PageTabsState {
  /** Whose tabs these are: a reply for another user is dropped. */
  username: string | null
  tab: PageTab
  /** Which kind of password the Security tab's form starts with (a verdict's fix chooses it). */
  passwordMode: 'temporary' | 'permanent'
  /** The write under way, as "spot:key" (a device's key, an event's id…). */
  busy: string | null
  notice: SpotNotice | null
  error: SpotError | null
  devices: { items: UserDevice[]; nextToken?: string } | null
  devicesError: AppErrorShape | null
  events: EventsView | null
  eventsError: AppErrorShape | null
  loadingMore: 'devices' | 'events' | null
  reset: (username: string | null) => void
  open: (tab: PageTab, passwordMode?: 'temporary' | 'permanent') => void
  loadDevices: (more?: boolean) => Promise<void>
  loadEvents: (more?: boolean) => Promise<void>
  /** Runs one write of a tab; true when it was done (a form then clears itself). */
  write: (spot: Spot, key: string, call: (username: string) => Promise<Result<AccountActionResult>>) => Promise<boolean>
}

const cleared = { busy: null, notice: null, error: null, devices: null, devicesError: null, events: null, eventsError: null, loadingMore: null }

/**
 * The tabs below the user's header: which is open, the lists each reads when first opened (devices,
 * sign-in events) and the writes made from them, each result said beside where it was made, for this user only.
 */
export const usePageTabs = create<PageTabsState>((set, get) => {
  const showing = (username: string) => get().username === username

  return {
    username: null,
    tab: 'tier',
    passwordMode: 'temporary',
    ...cleared,

    // A new user opens at the first tab with nothing of the last one left.
    reset: (username) => set({ username, tab: 'tier', passwordMode: 'temporary', ...cleared }),

    open: (tab, passwordMode) => {
      set({ tab, ...(passwordMode ? { passwordMode } : {}) })
      if (tab === 'security' && !get().devices) void get().loadDevices()
      if (tab === 'events' && !get().events) void get().loadEvents()
    },

    loadDevices: async (more = false) => {
      const username = get().username
      if (!username) return
      const nextToken = more ? get().devices?.nextToken : undefined
      set({ devicesError: null, loadingMore: more ? 'devices' : null })
      const reply = await api.listDevices({ username, ...(nextToken ? { nextToken } : {}) })
      if (!showing(username)) return
      if (!reply.ok) return set({ devicesError: reply.error, loadingMore: null })
      const before = more ? (get().devices?.items ?? []) : []
      set({ devices: { items: [...before, ...reply.data.devices], nextToken: reply.data.nextToken }, loadingMore: null })
    },

    loadEvents: async (more = false) => {
      const username = get().username
      if (!username) return
      const shown = get().events
      const nextToken = more && shown?.recorded ? shown.nextToken : undefined
      set({ eventsError: null, loadingMore: more ? 'events' : null })
      const reply = await api.listSignInEvents({ username, ...(nextToken ? { nextToken } : {}) })
      if (!showing(username)) return
      if (!reply.ok) return set({ eventsError: reply.error, loadingMore: null })
      const page = reply.data
      const before = more && shown?.recorded ? shown.items : []
      set({ events: page.recorded ? { recorded: true, items: [...before, ...page.events], nextToken: page.nextToken } : page, loadingMore: null })
    },

    write: async (spot, key, call) => {
      const username = get().username
      if (!username || get().busy) return false
      set({ busy: `${spot}:${key}`, notice: null, error: null })
      const reply = await call(username)
      if (!showing(username)) return false
      if (!reply.ok) {
        set({ busy: null, error: { username, spot, error: reply.error } })
        return false
      }
      // The verdict may have changed with it: the header shows the user read afresh.
      const afresh = await showAfresh(username, reply.data.user, reply.data.refreshError)
      if (afresh.gone) {
        useGoneNote.setState({ note: { username, tone: 'success', message: reply.data.message } })
        return true
      }
      const stale = afresh.stale ?? reply.data.refreshError?.message
      if (!showing(username)) return true
      const message = stale ? `${reply.data.message} ${stale}` : reply.data.message
      set({ busy: null, notice: { username, spot, tone: stale ? 'warning' : 'success', message } })
      if (spot === 'devices') void get().loadDevices()
      if (spot === 'events') void get().loadEvents()
      return true
    }
  }
})
