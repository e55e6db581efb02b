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
const VISIBLE_MS = { success: 6000, info: 8000, danger: 15000 } as const

/**
 * Notifications that fade on their own: successes, and failures of work that runs in the background
 * (a scan, an export). A failed form stays on its screen as an alert instead, where it does not cover
 * the form the operator is correcting.
 */
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push: (kind, title, body) => {
    const id = nextId++
    set({ toasts: [...get().toasts, { id, kind, title, body }].slice(-3) })
    setTimeout(() => get().dismiss(id), VISIBLE_MS[kind])
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) })
}))
