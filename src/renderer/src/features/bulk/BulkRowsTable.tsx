import type { BulkPlanRow, BulkRowResult } from '../../../../shared/bulk'
import { rowBadge } from '../rowJobs/rowBadges'

/** Rows drawn in the panel: the CSV holds every row, and a table of thousands would only slow the window. */
const MAX_ROWS_SHOWN = 500

const tierShown = (value: string | undefined): string => (value === undefined ? '?' : value === '' ? '(none)' : value)

interface Row {
  row: number
  username: string
  from: string | undefined
  to: string
  what: string
  reason?: string
}

const fromPlan = (row: BulkPlanRow): Row => ({ row: row.row, username: row.username, from: row.from, to: row.tier, what: row.action, reason: row.reason })
const fromResult = (row: BulkRowResult): Row => ({ row: row.row, username: row.username, from: row.from, to: row.to, what: row.outcome, reason: row.reason })

/**
 * The preview (each user's tier now and the target) or, once the job ran, each row's outcome. A row
 * not run yet shows its plan, so the table never claims an outcome that has not happened.
 */
export function BulkRowsTable({ plan, results }: { plan: BulkPlanRow[]; results: BulkRowResult[] | null }) {
  const ended = new Map((results ?? []).map((result) => [result.row, result]))
  const rows = plan.slice(0, MAX_ROWS_SHOWN).map((row) => {
    const result = ended.get(row.row)
    return result ? fromResult(result) : results ? { ...fromPlan(row), what: row.action === 'change' ? 'pending' : row.action } : fromPlan(row)
  })
  return (
    <div className="bulk-rows">
      <table className="table table-sm mb-0" aria-label={results ? 'Results by row' : 'Preview by row'}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Username</th>
            <th scope="col">{results ? 'Tier before → target' : 'Tier now → target'}</th>
            <th scope="col">{results ? 'Outcome' : 'Plan'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row}>
              <td className="text-body-secondary">{row.row}</td>
              <td className="bulk-cell" title={row.username}>
                {row.username}
              </td>
              <td className="mono">
                {tierShown(row.from)} → {row.to}
              </td>
              <td className="bulk-cell" title={row.reason}>
                <span className={rowBadge(row.what)}>{row.what}</span> {row.reason && <span className="small">{row.reason}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.length > MAX_ROWS_SHOWN && (
        <p className="small text-body-secondary mb-0 mt-1">
          The first {MAX_ROWS_SHOWN} of {plan.length.toLocaleString()} rows are shown; the results CSV holds them all.
        </p>
      )}
    </div>
  )
}
