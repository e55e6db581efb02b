import { create } from 'zustand'
import type { AppErrorShape } from '../../../../shared/errors'
import type { AwsProfileName, ProfileInput, ProfileSummary, ProfilesView } from '../../../../shared/profiles'

interface ProfilesState {
  view: ProfilesView | null
  awsProfiles: AwsProfileName[]
  /** A switch or a save is under way: the picker and the editor wait. */
  busy: boolean
  error: AppErrorShape | null
  load: () => Promise<void>
  loadAwsProfiles: () => Promise<void>
  switchTo: (id: string) => Promise<void>
  /** True when saved; the editor closes then. */
  save: (input: Omit<ProfileInput, 'emulator' | 'production' | 'credentialSource'> & Partial<ProfileInput>) => Promise<boolean>
  remove: (id: string) => Promise<void>
  /** Takes a pool's production mark away (main asks a person once more); the profiles as they are after, or null when refused. */
  unmarkProduction: (request: { region: string; userPoolId: string; typedPoolId: string }) => Promise<ProfilesView | null>
  clearError: () => void
}

/** After a switch every store must start from the new connection: reloading the page does that for all of them at once. */
const reloadPage = (): void => window.location.reload()

/**
 * The connection profiles and the one in use. It calls `window.api` directly, like the connection
 * store: its failures are shown here, and the production check must not ask about its own calls.
 */
export const useProfiles = create<ProfilesState>((set, get) => ({
  view: null,
  awsProfiles: [],
  busy: false,
  error: null,

  load: async () => {
    const reply = await window.api.listProfiles()
    set(reply.ok ? { view: reply.data } : { error: reply.error })
  },

  loadAwsProfiles: async () => {
    const reply = await window.api.listAwsProfiles()
    set(reply.ok ? { awsProfiles: reply.data } : { error: reply.error })
  },

  switchTo: async (id) => {
    if (get().busy || get().view?.activeId === id) return
    set({ busy: true, error: null })
    const reply = await window.api.switchProfile({ id })
    set({ busy: false })
    if (!reply.ok) {
      set({ error: reply.error })
      return
    }
    // The old connection's jobs are paused in main; the page's stores hold its users, figures and notices.
    reloadPage()
  },

  save: async (input) => {
    set({ busy: true, error: null })
    const reply = await window.api.saveProfile(input)
    set({ busy: false })
    if (!reply.ok) {
      set({ error: reply.error })
      return false
    }
    const wasActive = input.id !== undefined && input.id === get().view?.activeId
    set({ view: reply.data })
    // Saving the profile in use reconnected it in main; the page starts again from that connection.
    if (wasActive) reloadPage()
    return true
  },

  remove: async (id) => {
    set({ busy: true, error: null })
    const reply = await window.api.deleteProfile({ id })
    set(reply.ok ? { busy: false, view: reply.data } : { busy: false, error: reply.error })
  },

  unmarkProduction: async (request) => {
    set({ busy: true, error: null })
    const reply = await window.api.unmarkProduction(request)
    set(reply.ok ? { busy: false, view: reply.data } : { busy: false, error: reply.error })
    return reply.ok ? reply.data : null
  },

  clearError: () => set({ error: null })
}))

/** The profile in use, once listed. */
export function activeProfile(view: ProfilesView | null = useProfiles.getState().view): ProfileSummary | undefined {
  return view?.profiles.find((profile) => profile.id === view.activeId)
}
