import { create } from 'zustand'
import type { AuditExport, AuditFilter, AuditRow } from '../../../../shared/audit'
import type { AppErrorShape } from '../../../../shared/errors'
import { api } from '../../api/api'

/** Rows asked for at a time; the list draws only those in view, so a few pages scroll as one. */
export const AUDIT_PAGE = 200

interface AuditState {
  /** The filters as typed; `applied` is what the rows shown were read with (Load more and Export use it). */
  draft: AuditFilter
  applied: AuditFilter
  rows: AuditRow[]
  /** Matches in all pages; null before the first answer. */
  total: number | null
  /** Operations present in the trail, for the action filter. */
  actions: string[]
  loading: boolean
  error: AppErrorShape | null
  exporting: boolean
  exported: AuditExport | null
  exportError: AppErrorShape | null
  /** The row whose detail is open. */
  detail: AuditRow | null
  setDetail: (row: AuditRow | null) => void
  setDraft: (change: Partial<AuditFilter>) => void
  /** Reads the first page with the filters as typed. */
  load: () => Promise<void>
  loadMore: () => Promise<void>
  clearFilters: () => Promise<void>
  exportCsv: () => Promise<void>
}

/** The Audit screen's state: the trail is read in main, a page at a time, newest first. */
export const useAudit = create<AuditState>((set, get) => {
  async function read(filter: AuditFilter, offset: number): Promise<void> {
    // A new filter's rows are no longer those of the last export, so its note goes with them.
    set({ loading: true, error: null, ...(offset === 0 ? { applied: filter, exported: null, exportError: null } : {}) })
    const reply = await api.auditQuery({ ...filter, offset, limit: AUDIT_PAGE })
    // A newer filter was applied while this page was on its way: its answer wins.
    if (get().applied !== filter) return
    if (!reply.ok) return set({ loading: false, error: reply.error })
    const { rows, total, actions } = reply.data
    set({ loading: false, total, actions, rows: offset === 0 ? rows : [...get().rows, ...rows] })
  }
  return {
    draft: {},
    applied: {},
    rows: [],
    total: null,
    actions: [],
    loading: false,
    error: null,
    exporting: false,
    exported: null,
    exportError: null,
    detail: null,
    setDetail: (detail) => set({ detail }),
    setDraft: (change) => set({ draft: withoutBlanks({ ...get().draft, ...change }) }),
    load: () => read(get().draft, 0),
    loadMore: () => read(get().applied, get().rows.length),
    clearFilters: async () => {
      set({ draft: {} })
      await read({}, 0)
    },
    exportCsv: async () => {
      set({ exporting: true, exported: null, exportError: null })
      const reply = await api.auditExport(get().applied)
      if (reply.ok) set({ exporting: false, exported: reply.data })
      else set({ exporting: false, exportError: reply.error })
    }
  }
})

/** An emptied field means "any", so it leaves the filter rather than filtering on "". */
function withoutBlanks(filter: AuditFilter): AuditFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '')) as AuditFilter
}

/** Whether more matches are left to load. */
export const selectHasMore = (state: AuditState): boolean => state.total !== null && state.rows.length < state.total
