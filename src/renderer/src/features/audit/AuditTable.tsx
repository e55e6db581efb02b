import { useRef } from 'react'
import type { AuditRow } from '../../../../shared/audit'
import { SpacerRow } from '../../components/SpacerRow'
import { useVirtualRows } from '../../hooks/useVirtualRows'
import { formatDateTime, formatShortTime } from '../../lib/format'
import { OUTCOMES } from '../../lib/outcomes'
import { changeOf, FOLDABLE, type Foldable } from './auditColumns'

/** Every row is this tall (audit.css draws it so), which lets the list draw only the rows in view. */
const ROW_HEIGHT = 30

type Column = 'time' | Foldable | 'username' | 'action' | 'change' | 'reason' | 'outcome'
const HEADINGS: Record<Column, string> = {
  time: 'Time',
  ...FOLDABLE,
  username: 'User',
  action: 'Action',
  change: 'Before → after',
  reason: 'Ticket or reason',
  outcome: 'Outcome'
}
const ORDER: Column[] = ['time', 'osUser', 'identity', 'userPoolId', 'username', 'action', 'change', 'reason', 'outcome']

interface Props {
  rows: AuditRow[]
  /** Columns left out: they hold one value for every row, said above the table. */
  folded: readonly Foldable[]
  onOpen: (row: AuditRow) => void
  onOpenUser: (username: string) => void
}

/**
 * The audit trail as a windowed table: a fixed layout whose long values end in an ellipsis, whole on
 * hover and in the row's detail (a click on the row, or its time as a button), so the table never
 * scrolls sideways and nothing is cut off for good. The scroller takes focus, so the keys scroll it.
 */
export function AuditTable({ rows, folded, onOpen, onOpenUser }: Props) {
  const scrollerRef = useRef<HTMLDivElement>(null)
  const headRef = useRef<HTMLTableSectionElement>(null)
  const view = useVirtualRows(scrollerRef, headRef, rows.length, ROW_HEIGHT)
  const columns = ORDER.filter((column) => !(folded as readonly string[]).includes(column))

  const cell = (column: Column, row: AuditRow) => {
    switch (column) {
      case 'time':
        return (
          <td key={column} title={`${formatDateTime(row.at)} (${row.at})`}>
            <button type="button" className="btn btn-link btn-sm p-0 audit-cell-button" aria-label={`Details: ${row.summary}, ${formatDateTime(row.at)}`}>
              {formatShortTime(row.at)}
            </button>
          </td>
        )
      case 'identity':
        return (
          <td key={column} title={row.identity}>
            {row.identity ? shortIdentity(row.identity) : '—'}
          </td>
        )
      case 'username':
        return (
          <td key={column} title={row.username ? `Open ${row.username} on the Users screen` : undefined}>
            {row.username ? (
              <button
                type="button"
                className="btn btn-link btn-sm p-0 audit-cell-button"
                onClick={(event) => {
                  event.stopPropagation()
                  onOpenUser(row.username!)
                }}
              >
                {row.username}
              </button>
            ) : (
              '—'
            )}
          </td>
        )
      case 'action':
        return (
          <td key={column} title={`${row.summary} (${row.operation})`}>
            {row.summary}
          </td>
        )
      case 'change':
        return (
          <td key={column} title={changeOf(row)}>
            {changeOf(row)}
          </td>
        )
      case 'outcome': {
        const outcome = OUTCOMES[row.outcome]
        return (
          <td key={column} title={row.errorName ? `${outcome.title} (${row.errorName})` : outcome.title}>
            <span className={`badge border border-${outcome.tone}-subtle bg-${outcome.tone}-subtle text-${outcome.tone}-emphasis`}>{outcome.label}</span>
          </td>
        )
      }
      default:
        return (
          <td key={column} title={row[column]}>
            {row[column] ?? '—'}
          </td>
        )
    }
  }

  return (
    <div ref={scrollerRef} className="audit-table-scroll scroll-box" tabIndex={0} role="region" aria-label="Audit trail rows">
      <table className="table table-sm table-hover fixed-table audit-table mb-0" aria-label="Audit trail" aria-rowcount={rows.length + 1}>
        <colgroup>
          {columns.map((column) => (
            <col key={column} className={`audit-col-${column}`} />
          ))}
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th key={column} scope="col">
                {HEADINGS[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.padTop > 0 && <SpacerRow height={view.padTop} columns={columns.length} className="audit-spacer" />}
          {rows.slice(view.start, view.end).map((row, offset) => (
            // The time's button is the keyboard's way in; a click anywhere on the row does the same.
            <tr key={row.id} aria-rowindex={view.start + offset + 2} className="audit-row" onClick={() => onOpen(row)}>
              {columns.map((column) => cell(column, row))}
            </tr>
          ))}
          {view.padBottom > 0 && <SpacerRow height={view.padBottom} columns={columns.length} className="audit-spacer" />}
        </tbody>
      </table>
    </div>
  )
}

/** An ARN by its resource ("user/ops", "assumed-role/Admin/jane"): its account and service prefix cut first in a narrow column; whole on hover. */
function shortIdentity(identity: string): string {
  return identity.startsWith('arn:') ? identity.slice(identity.lastIndexOf(':') + 1) : identity
}
