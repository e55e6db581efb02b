import { create } from 'zustand'
import type { OutboxMessage } from '../../../shared/domain'
import type { AppErrorShape } from '../../../shared/errors'
import { api } from './api'
import { useToasts } from './toastStore'

type Action = 'confirm' | 'resend' | 'adminConfirm'

interface ConfirmationState {
  busy: Action | null
  error: AppErrorShape | null
  success: string | null
  outboxAvailable: boolean
  outbox: OutboxMessage[]
  confirm: (username: string, code: string) => Promise<void>
  resend: (username: string) => Promise<void>
  adminConfirm: (username: string) => Promise<void>
  loadOutbox: () => Promise<void>
  clear: () => void
}

export const useConfirmation = create<ConfirmationState>((set, get) => {
  async function run(action: Action, call: () => Promise<{ ok: true; message: string } | { ok: false; error: AppErrorShape }>): Promise<void> {
    set({ busy: action, error: null, success: null })
    const outcome = await call()
    if (outcome.ok) {
      set({ busy: null, success: outcome.message })
      useToasts.getState().push('success', outcome.message)
    } else {
      set({ busy: null, error: outcome.error })
    }
    void get().loadOutbox()
  }

  return {
    busy: null,
    error: null,
    success: null,
    outboxAvailable: false,
    outbox: [],
    confirm: (username, code) =>
      run('confirm', async () => {
        const reply = await api.confirm({ username, code })
        return reply.ok ? { ok: true, message: `${reply.data.username} is confirmed.` } : reply
      }),
    resend: (username) =>
      run('resend', async () => {
        const reply = await api.resendCode({ username })
        return reply.ok ? { ok: true, message: `A new code was sent${reply.data.delivery ? ` to ${reply.data.delivery.destination}` : ''}.` } : reply
      }),
    adminConfirm: (username) =>
      run('adminConfirm', async () => {
        const reply = await api.adminConfirm({ username })
        return reply.ok ? { ok: true, message: `${reply.data.username} is confirmed without a code.` } : reply
      }),
    loadOutbox: async () => {
      const reply = await api.getOutbox()
      if (reply.ok) set({ outboxAvailable: reply.data.available, outbox: reply.data.messages })
    },
    clear: () => set({ error: null, success: null })
  }
})
