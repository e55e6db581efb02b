import { create } from 'zustand'
import type { UnfinishedRegistration } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { api } from '../../api/api'

interface UnfinishedState {
  registrations: UnfinishedRegistration[]
  /** The username being finished. */
  finishing: string | null
  error: AppErrorShape | null
  /** Asks main which registrations were cut between SignUp and the tier (found from the trail, checked with Cognito). */
  load: () => Promise<void>
  /** Sets the tier the registration meant to give; the user leaves the list. */
  finish: (username: string) => Promise<void>
}

/** Registrations cut between SignUp and the tier, found at start and offered for completion. */
export const useUnfinished = create<UnfinishedState>((set, get) => ({
  registrations: [],
  finishing: null,
  error: null,
  load: async () => {
    const reply = await api.unfinishedRegistrations()
    // A failed look is not worth an alert of its own: the user's page still shows such a user as not finished.
    set(reply.ok ? { registrations: reply.data.registrations, error: null } : { registrations: [] })
  },
  finish: async (username) => {
    if (get().finishing) return
    set({ finishing: username, error: null })
    const reply = await api.finishRegistration({ username })
    set((state) =>
      reply.ok ? { finishing: null, registrations: state.registrations.filter((r) => r.username !== username) } : { finishing: null, error: reply.error }
    )
  }
}))
