import { create } from 'zustand'
import type { RequestOf } from '../../../../shared/contract'
import type { RegisterResult } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { api } from '../../api/api'
import { useNavigation } from '../../stores/navigationStore'
import { useConfirmation } from '../confirm/confirmationStore'
import type { AttributeRow } from './attributeRows'

export interface RegisterForm {
  username: string
  email: string
  password: string
  tier: string
}

export type RegisterField = keyof Omit<RegisterForm, 'tier'>

const EMPTY_FORM: RegisterForm = { username: '', email: '', password: '', tier: 'standard' }

interface RegistrationState {
  /** The form as typed: kept here, not in the screen, so switching screens does not empty it. */
  form: RegisterForm
  rows: AttributeRow[]
  /** Fields whose message shows: those typed in, and all of them after a submit. */
  touched: Partial<Record<RegisterField, boolean>>
  /** The operator pressed Register since the form was last cleared: half-typed rows are errors now. */
  submitted: boolean
  showPassword: boolean
  busy: boolean
  result: RegisterResult | null
  error: AppErrorShape | null
  edit: (field: keyof RegisterForm, value: string) => void
  setRows: (rows: AttributeRow[]) => void
  setShowPassword: (show: boolean) => void
  markSubmitted: () => void
  /** Sends the form; a registered user clears it, a refused one keeps it for correcting. */
  submit: (request: RequestOf<'register'>) => Promise<boolean>
  clearForm: () => void
  /** Forgets the last result (the "Registered" card) and error. */
  reset: () => void
  /** Takes the operator from the "Registered" card to the Confirm screen, the new user's name filled in. */
  confirmRegistered: () => void
}

/**
 * The last refusal without the messages for fields the operator has since changed; null once nothing
 * of it is left, so a corrected form does not keep showing an old complaint.
 */
function withoutFields(error: AppErrorShape | null, changed: (field: string) => boolean): AppErrorShape | null {
  if (!error?.fields) return error
  const kept = Object.entries(error.fields).filter(([field]) => !changed(field))
  if (kept.length === Object.keys(error.fields).length) return error
  return kept.length ? { ...error, fields: Object.fromEntries(kept) } : null
}

export const useRegistration = create<RegistrationState>((set, get) => ({
  form: EMPTY_FORM,
  rows: [],
  touched: {},
  submitted: false,
  showPassword: false,
  busy: false,
  result: null,
  error: null,
  edit: (field, value) => {
    const touched = field === 'tier' ? get().touched : { ...get().touched, [field]: true }
    set({ form: { ...get().form, [field]: value }, touched, error: withoutFields(get().error, (name) => name === field) })
  },
  setRows: (rows) => set({ rows, error: withoutFields(get().error, (name) => name.startsWith('attributes')) }),
  setShowPassword: (showPassword) => set({ showPassword }),
  markSubmitted: () => set({ submitted: true, touched: { username: true, email: true, password: true } }),
  submit: async (request) => {
    set({ busy: true, error: null, result: null })
    const reply = await api.register(request)
    if (reply.ok) {
      // The result shows in the card beside the form, once: no toast repeats it.
      set({ busy: false, result: reply.data, form: EMPTY_FORM, rows: [], touched: {}, submitted: false, showPassword: false })
      return true
    }
    set({ busy: false, error: reply.error })
    return false
  },
  clearForm: () => set({ form: EMPTY_FORM, rows: [], touched: {}, submitted: false, showPassword: false, error: null }),
  reset: () => set({ result: null, error: null }),
  confirmRegistered: () => {
    const registered = get().result
    if (!registered) return
    void useConfirmation.getState().handOver(registered.username)
    get().reset()
    useNavigation.getState().go('confirm')
  }
}))
