import { create } from 'zustand'
import type { RequestOf } from '../../../shared/contract'
import type { RegisterResult } from '../../../shared/domain'
import type { AppErrorShape } from '../../../shared/errors'
import { api } from './api'
import { useToasts } from './toastStore'

interface RegistrationState {
  busy: boolean
  result: RegisterResult | null
  error: AppErrorShape | null
  submit: (request: RequestOf<'register'>) => Promise<boolean>
  reset: () => void
}

export const useRegistration = create<RegistrationState>((set) => ({
  busy: false,
  result: null,
  error: null,
  submit: async (request) => {
    set({ busy: true, error: null, result: null })
    const reply = await api.register(request)
    if (reply.ok) {
      set({ busy: false, result: reply.data })
      useToasts
        .getState()
        .push('success', `Registered ${reply.data.username}`, reply.data.delivery ? `Code sent to ${reply.data.delivery.destination}` : undefined)
      return true
    }
    set({ busy: false, error: reply.error })
    return false
  },
  reset: () => set({ result: null, error: null })
}))
