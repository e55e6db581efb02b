import { create } from 'zustand'
import { MAX_REASON_CHARS } from '../../../../shared/audit'

interface WriteReasonState {
  /** As typed; the api wrapper sends it trimmed with every write, blank as none. */
  reason: string
  /** Bumped to ask the field shown now to take focus (main refused a write without a reason). */
  focusRequests: number
  setReason: (reason: string) => void
  clear: () => void
  requestFocus: () => void
}

/**
 * The ticket or reason every write of the window carries. It is kept until the operator clears it:
 * a ticket is usually worked through with several writes (a tier change, then a sign-out).
 */
export const useWriteReason = create<WriteReasonState>((set) => ({
  reason: '',
  focusRequests: 0,
  setReason: (reason) => set({ reason: reason.slice(0, MAX_REASON_CHARS) }),
  clear: () => set({ reason: '' }),
  requestFocus: () => set((state) => ({ focusRequests: state.focusRequests + 1 }))
}))

/** A write's request with the reason in it, when one is typed (main takes it off every write alike). */
export function withWriteReason(request: unknown): unknown {
  const reason = useWriteReason.getState().reason.trim()
  if (!reason) return request
  return request && typeof request === 'object' ? { ...request, reason } : { reason }
}
