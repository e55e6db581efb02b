import { useRef } from 'react'
import type { ImportPlanRow, ImportRowResult } from '../../../../shared/importing'
import { SpacerRow } from '../../components/SpacerRow'
import { useVirtualRows } from '../../hooks/useVirtualRows'
import { rowBadge } from '../rowJobs/rowBadges'

/** Every row is this tall (import.css draws it so), which lets a long list draw only the rows in view. */
const ROW_HEIGHT = 30
/**
 * Up to this many rows all are drawn, each as tall as its reason wrapped whole: an onboarding file's
 * size. A longer file is windowed, its rows one line high, a cut reason whole on hover.
 */
const WHOLE_ROWS = 300

const COLUMNS = ['Line', 'Username', 'Email', 'Tier', 'Password', 'Plan'] as const

interface Row {
  row: number
  line: number
  username: string
  email: string
  tier: string
  hasPassword: boolean
  what: string
  reason?: string
  /** Left out by the preview for a mistake in the file (a user already in the pool is not one). */
  bad: boolean
}

/** The preview's rows, or, once the job ran, each row's outcome; a row not run yet shows "pending". */
export function importRows(plan: ImportPlanRow[], results: ImportRowResult[] | null): Row[] {
  const ended = new Map((results ?? []).map((result) => [result.row, result]))
  return plan.map((row) => {
    const shown: Row = { ...row, what: row.action, bad: row.action === 'skip' && row.problem !== 'exists' }
    if (!results) return shown
    const result = ended.get(row.row)
    if (!result) return { ...shown, what: row.action === 'create' ? 'pending' : 'skip' }
    return { ...shown, what: result.outcome, reason: result.reason, bad: result.outcome === 'failed' || shown.bad }
  })
}

/** Rows the "bad rows only" filter keeps: left out at preview, or not created by the run. */
export const isLeftOut = (row: Row): boolean => row.what !== 'create' && row.what !== 'created' && row.what !== 'pending'

/**
 * Every row of the file, in a fixed layout that never scrolls sideways: the reasons wrap whole; a file
 * of thousands of rows is windowed, one line a row, long values ending in an ellipsis, whole on hover.
 * Bad rows are marked.
 */
export function ImportRowsTable({ rows, results }: { rows: Row[]; results: boolean }) {
  const scrollerRef = useRef<HTMLDivElement>(null)
  const headRef = useRef<HTMLTableSectionElement>(null)
  const windowed = rows.length > WHOLE_ROWS
  const virtual = useVirtualRows(scrollerRef, headRef, rows.length, ROW_HEIGHT)
  const view = windowed ? virtual : { start: 0, end: rows.length, padTop: 0, padBottom: 0 }
  const label = results ? 'Results by row' : 'Preview by row'

  return (
    <div ref={scrollerRef} className="import-rows" tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
      <table
        className={`table table-sm fixed-table import-table mb-0${windowed ? ' import-table-windowed' : ''}`}
        aria-label={label}
        aria-rowcount={rows.length + 1}
      >
        <colgroup>
          {COLUMNS.map((column, index) => (
            <col key={column} className={`import-col-${index}`} />
          ))}
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column === 'Plan' && results ? 'Outcome' : column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.padTop > 0 && <SpacerRow height={view.padTop} columns={COLUMNS.length} className="import-spacer" />}
          {rows.slice(view.start, view.end).map((row, offset) => (
            <tr key={row.row} aria-rowindex={view.start + offset + 2} className={row.bad ? 'import-bad' : undefined}>
              <td className="text-body-secondary" title={`Row ${row.row}, line ${row.line} of the file`}>
                {row.line}
              </td>
              <td title={row.username}>{row.username}</td>
              <td title={row.email}>{row.email}</td>
              <td className="mono" title={row.tier}>
                {row.tier}
              </td>
              <td>{row.hasPassword ? 'yes' : '—'}</td>
              <td className="import-reason" title={windowed ? row.reason : undefined}>
                <span className={rowBadge(row.what)}>{row.what}</span> {row.reason}
              </td>
            </tr>
          ))}
          {view.padBottom > 0 && <SpacerRow height={view.padBottom} columns={COLUMNS.length} className="import-spacer" />}
        </tbody>
      </table>
      {rows.length === 0 && <p className="small text-body-secondary m-2">No rows to show.</p>}
    </div>
  )
}
