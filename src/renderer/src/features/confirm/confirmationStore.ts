import { create } from 'zustand'
import type { OutboxMessage } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { api } from '../../api/api'

export type ConfirmAction = 'confirm' | 'resend' | 'adminConfirm'

/**
 * Whether an outbox code's user can still use it: only an unconfirmed user has a code to type.
 * 'unread': their account could not be read, so the code is offered and Cognito will say.
 */
export type CodeUser = 'checking' | 'unconfirmed' | 'confirmed' | 'gone' | 'unread'

/** Which field takes focus once a handover has filled the form. */
export type FormFocus = 'confirm' | 'code'

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
  /** Each outbox user's account as last read: a user confirmed another way has no use for a code. */
  codeUsers: Record<string, CodeUser>
  /** Asked of the screen by a handover; the screen clears it once done. */
  focus: FormFocus | null
  setUsername: (username: string) => void
  setCode: (code: string) => void
  touch: () => void
  /** Fills the form for a user handed over from another screen, forgetting the last result. */
  prefill: (username: string, code?: string) => void
  /** A user handed over from another screen: their username, the sandbox's current code for them, and focus on Confirm. */
  handOver: (username: string) => Promise<void>
  focusDone: () => void
  /** Reads again whether each outbox user is still unconfirmed (the screen was opened anew). */
  recheckCodeUsers: () => void
  confirm: () => Promise<boolean>
  resend: () => Promise<boolean>
  adminConfirm: () => Promise<boolean>
  loadOutbox: () => Promise<void>
  clearForm: () => void
}

export const useConfirmation = create<ConfirmationState>((set, get) => {
  async function run(action: ConfirmAction, call: () => Promise<{ ok: true; message: string } | { ok: false; error: AppErrorShape }>): Promise<boolean> {
    const name = username()
    set({ busy: action, error: null, success: null })
    const outcome = await call()
    if (outcome.ok) {
      // A confirmed user's code is spent: the form is done with; a resend keeps the username for the new code.
      set({ busy: null, success: outcome.message, code: '', ...(action === 'resend' ? {} : { username: '', touched: false }) })
    } else {
      set({ busy: null, error: outcome.error })
    }
    // Whether this user still has a use for a code is read again with the outbox.
    forget(name)
    void get().loadOutbox()
    return outcome.ok
  }
  const username = () => get().username.trim()
  const forget = (name: string) => {
    const { [name]: _forgotten, ...rest } = get().codeUsers
    set({ codeUsers: rest })
  }

  /** Reads each current code's user once: a code is offered only while its user is unconfirmed. */
  async function readCodeUsers(messages: OutboxMessage[]): Promise<void> {
    const unread = [...new Set(messages.filter((m) => (m.state ?? 'current') === 'current').map((m) => m.username))].filter(
      (name) => !(name in get().codeUsers)
    )
    set({ codeUsers: { ...get().codeUsers, ...Object.fromEntries(unread.map((name) => [name, 'checking' as const])) } })
    await Promise.all(
      unread.map(async (name) => {
        const reply = await api.getUser({ username: name })
        const state: CodeUser = reply.ok
          ? reply.data.status === 'UNCONFIRMED'
            ? 'unconfirmed'
            : 'confirmed'
          : reply.error.code === 'USER_NOT_FOUND'
            ? 'gone'
            : 'unread'
        set({ codeUsers: { ...get().codeUsers, [name]: state } })
      })
    )
  }

  return {
    username: '',
    code: '',
    touched: false,
    busy: null,
    error: null,
    success: null,
    outboxAvailable: false,
    outbox: [],
    codeUsers: {},
    focus: null,
    // A result or error is about the user it was for: typing another username retires it.
    setUsername: (value) => set(value.trim() === username() ? { username: value } : { username: value, error: null, success: null }),
    setCode: (code) => set({ code }),
    touch: () => set({ touched: true }),
    prefill: (value, code = '') => set({ username: value, code, touched: false, error: null, success: null }),
    handOver: async (value) => {
      get().prefill(value)
      await get().loadOutbox()
      // The operator may have typed meanwhile: their words win.
      if (get().username !== value || get().code) return
      const code = get().outbox.find((message) => message.username === value && (message.state ?? 'current') === 'current')?.code ?? ''
      set({ code, focus: code ? 'confirm' : 'code' })
    },
    focusDone: () => set({ focus: null }),
    recheckCodeUsers: () => set({ codeUsers: {} }),
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
      if (!reply.ok) return
      set({ outboxAvailable: reply.data.available, outbox: reply.data.messages })
      await readCodeUsers(reply.data.messages)
    },
    clearForm: () => set({ username: '', code: '', touched: false, error: null, success: null })
  }
})
