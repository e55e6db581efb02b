import { create } from 'zustand'
import { fixRequestOf, type DoctorCheck, type DoctorReport } from '../../../../shared/doctor'
import type { AppErrorShape } from '../../../../shared/errors'
import { api } from '../../api/api'
import { useConnection } from '../../stores/connectionStore'

interface PoolDoctorState {
  report: DoctorReport | null
  /** Why the doctor could not run at all (no connection, say). */
  error: AppErrorShape | null
  running: boolean
  open: boolean
  /** The check whose fix waits for the operator's confirmation. */
  confirming: DoctorCheck | null
  /** The id of the check whose fix is being applied. */
  fixing: string | null
  fixError: AppErrorShape | null
  run: () => Promise<void>
  setOpen: (open: boolean) => void
  askFix: (check: DoctorCheck) => void
  cancelFix: () => void
  /** Applies the confirmed fix; the reply is the doctor's run after it. */
  applyFix: () => Promise<void>
}

/** The pool doctor's last report, run on connect and on demand; a failing report never blocks the app. */
export const usePoolDoctor = create<PoolDoctorState>((set, get) => ({
  report: null,
  error: null,
  running: false,
  open: false,
  confirming: null,
  fixing: null,
  fixError: null,
  run: async () => {
    if (get().running) return
    set({ running: true, error: null })
    const reply = await api.runDoctor()
    set(reply.ok ? { running: false, report: reply.data } : { running: false, error: reply.error })
  },
  setOpen: (open) => set({ open, ...(open ? {} : { confirming: null, fixError: null }) }),
  askFix: (check) => set({ confirming: check, fixError: null }),
  cancelFix: () => set({ confirming: null }),
  applyFix: async () => {
    const check = get().confirming
    const request = check && fixRequestOf(check)
    if (!check || !request) return
    set({ confirming: null, fixing: check.id, fixError: null })
    // Only sent from the confirmation, which showed what the fix does (and that an attribute is permanent).
    const reply = await api.applyDoctorFix(request)
    set(reply.ok ? { fixing: null, report: reply.data } : { fixing: null, fixError: reply.error })
    // The bar's pool check warned about the missing attribute; it should see the pool as it is now.
    if (reply.ok && request.fix === 'add-tier-attribute') void useConnection.getState().checkPool(true)
  }
}))
