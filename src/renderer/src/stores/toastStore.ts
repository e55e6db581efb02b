import { create } from 'zustand'

export interface Toast {
  id: number
  kind: 'success' | 'danger' | 'info'
  title: string
  body?: string
}

interface ToastState {
  toasts: Toast[]
  push: (kind: Toast['kind'], title: string, body?: string) => void
  dismiss: (id: number) => void
}

let nextId = 1
const SUCCESS_VISIBLE_MS = 6000

/** Outcome notifications; successes fade on their own, failures stay until dismissed. */
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push: (kind, title, body) => {
    const id = nextId++
    set({ toasts: [...get().toasts, { id, kind, title, body }].slice(-5) })
    if (kind !== 'danger') setTimeout(() => get().dismiss(id), SUCCESS_VISIBLE_MS)
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) })
}))
