import { create } from 'zustand'
import type { OutboxMessage } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { api } from '../../api/api'

export type ConfirmAction = 'confirm' | 'resend' | 'adminConfirm'

interface ConfirmationState {
  /** The form as typed: kept here so switching screens does not empty it. */
  username: string
  code: string
  /** The operator tried an action, so an empty username is an error now. */
  touched: boolean
  busy: ConfirmAction | null
  error: AppErrorShape | null
  /** The last action's result, shown beside the form once (no toast repeats it). */
  success: string | null
  outboxAvailable: boolean
  outbox: OutboxMessage[]
  setUsername: (username: string) => void
  setCode: (code: string) => void
  touch: () => void
  /** Fills the form for a user handed over from another screen, forgetting the last result. */
  prefill: (username: string, code?: string) => void
  confirm: () => Promise<boolean>
  resend: () => Promise<boolean>
  adminConfirm: () => Promise<boolean>
  loadOutbox: () => Promise<void>
  clearForm: () => void
}

export const useConfirmation = create<ConfirmationState>((set, get) => {
  async function run(action: ConfirmAction, call: () => Promise<{ ok: true; message: string } | { ok: false; error: AppErrorShape }>): Promise<boolean> {
    set({ busy: action, error: null, success: null })
    const outcome = await call()
    if (outcome.ok) {
      // A confirmed user's code is spent: the form is done with; a resend keeps the username for the new code.
      set({ busy: null, success: outcome.message, code: '', ...(action === 'resend' ? {} : { username: '', touched: false }) })
    } else {
      set({ busy: null, error: outcome.error })
    }
    void get().loadOutbox()
    return outcome.ok
  }
  const username = () => get().username.trim()

  return {
    username: '',
    code: '',
    touched: false,
    busy: null,
    error: null,
    success: null,
    outboxAvailable: false,
    outbox: [],
    setUsername: (value) => set({ username: value }),
    setCode: (code) => set({ code }),
    touch: () => set({ touched: true }),
    prefill: (value, code = '') => set({ username: value, code, touched: false, error: null, success: null }),
    confirm: () =>
      run('confirm', async () => {
        const reply = await api.confirm({ username: username(), code: get().code.trim() })
        return reply.ok ? { ok: true, message: `${reply.data.username} is confirmed.` } : reply
      }),
    resend: () =>
      run('resend', async () => {
        const reply = await api.resendCode({ username: username() })
        return reply.ok ? { ok: true, message: `A new code was sent${reply.data.delivery ? ` to ${reply.data.delivery.destination}` : ''}.` } : reply
      }),
    adminConfirm: () =>
      run('adminConfirm', async () => {
        const reply = await api.adminConfirm({ username: username() })
        return reply.ok ? { ok: true, message: `${reply.data.username} is confirmed without a code.` } : reply
      }),
    loadOutbox: async () => {
      const reply = await api.getOutbox()
      if (reply.ok) set({ outboxAvailable: reply.data.available, outbox: reply.data.messages })
    },
    clearForm: () => set({ username: '', code: '', touched: false, error: null, success: null })
  }
})
