import { create } from 'zustand'
import type { DoctorFix, DoctorReport } from '../../../../shared/doctor'
import type { AppErrorShape } from '../../../../shared/errors'
import { api } from '../../api/api'
import { useConnection } from '../../stores/connectionStore'

interface PoolDoctorState {
  report: DoctorReport | null
  /** Why the doctor could not run at all (no connection, say). */
  error: AppErrorShape | null
  running: boolean
  open: boolean
  /** The fix waiting for the operator's confirmation. */
  confirming: DoctorFix | null
  fixing: boolean
  fixError: AppErrorShape | null
  run: () => Promise<void>
  setOpen: (open: boolean) => void
  askFix: (fix: DoctorFix) => void
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
  fixing: false,
  fixError: null,
  run: async () => {
    if (get().running) return
    set({ running: true, error: null })
    const reply = await api.runDoctor()
    set(reply.ok ? { running: false, report: reply.data } : { running: false, error: reply.error })
  },
  setOpen: (open) => set({ open, ...(open ? {} : { confirming: null, fixError: null }) }),
  askFix: (fix) => set({ confirming: fix, fixError: null }),
  cancelFix: () => set({ confirming: null }),
  applyFix: async () => {
    const fix = get().confirming
    if (!fix) return
    set({ confirming: null, fixing: true, fixError: null })
    // Only sent from the confirmation, which shows that a custom attribute can never be removed.
    const reply = await api.applyDoctorFix({ fix, acknowledgePermanent: true })
    set(reply.ok ? { fixing: false, report: reply.data } : { fixing: false, fixError: reply.error })
    // The bar's pool check warned about the missing attribute; it should see the pool as it is now.
    if (reply.ok) void useConnection.getState().checkPool(true)
  }
}))
