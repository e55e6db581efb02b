import { create } from 'zustand'
import { clampText, MAX_SHOWN_MESSAGE } from '../lib/clampText'

interface Toast {
  id: number
  kind: 'success' | 'danger' | 'info'
  title: string
  body?: string
}

interface ToastState {
  /** At most one: a newer notice replaces the one showing, so notices never stack up. */
  toasts: Toast[]
  /** The pointer or focus is on the notice: it stays until they leave. */
  held: boolean
  push: (kind: Toast['kind'], title: string, body?: string) => void
  dismiss: (id: number) => void
  hold: (held: boolean) => void
}

let nextId = 1
/** Long enough to read two short lines; a failure a little longer. Hovering or focusing holds it. */
const VISIBLE_MS = { success: 4000, info: 5000, danger: 8000 } as const
let timer: ReturnType<typeof setTimeout> | undefined

/**
 * Notices for results that have no place of their own on screen (a sandbox restarted from the bar, a
 * file saved). A form's or a panel's result is shown beside it instead, once, never also here. They
 * show in the status strip at the foot of the window, which is kept free for them, so they cover nothing.
 */
export const useToasts = create<ToastState>((set, get) => {
  function schedule(toast: Toast): void {
    clearTimeout(timer)
    timer = setTimeout(() => get().dismiss(toast.id), VISIBLE_MS[toast.kind])
  }
  return {
    toasts: [],
    held: false,
    push: (kind, title, body) => {
      const toast: Toast = {
        id: nextId++,
        kind,
        title: clampText(title, MAX_SHOWN_MESSAGE),
        body: body === undefined ? undefined : clampText(body, MAX_SHOWN_MESSAGE)
      }
      set({ toasts: [toast] })
      if (!get().held) schedule(toast)
    },
    dismiss: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
    hold: (held) => {
      set({ held })
      const toast = get().toasts[0]
      if (held) clearTimeout(timer)
      else if (toast) schedule(toast)
    }
  }
})
