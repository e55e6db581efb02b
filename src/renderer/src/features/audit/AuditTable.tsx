import { useRef } from 'react'
import type { AuditRow } from '../../../../shared/audit'
import { SpacerRow } from '../../components/SpacerRow'
import { useVirtualRows } from '../../hooks/useVirtualRows'
import { formatDateTime, formatShortTime } from '../../lib/format'
import { OUTCOMES } from '../../lib/outcomes'

/** Every row is this tall (audit.css draws it so), which lets the list draw only the rows in view. */
const ROW_HEIGHT = 30

const COLUMNS = ['Time', 'OS user', 'AWS identity', 'Pool', 'User', 'Action', 'Before → after', 'Outcome'] as const

/**
 * The audit trail as a windowed table: a fixed layout whose long values end in an ellipsis, whole on
 * hover, so the table never scrolls sideways. The scroller takes focus, so the keys scroll it.
 */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const scrollerRef = useRef<HTMLDivElement>(null)
  const headRef = useRef<HTMLTableSectionElement>(null)
  const view = useVirtualRows(scrollerRef, headRef, rows.length, ROW_HEIGHT)

  return (
    <div ref={scrollerRef} className="audit-table-scroll scroll-box" tabIndex={0} role="region" aria-label="Audit trail rows">
      <table className="table table-sm fixed-table audit-table mb-0" aria-label="Audit trail" aria-rowcount={rows.length + 1}>
        <colgroup>
          {COLUMNS.map((column, index) => (
            <col key={column} className={`audit-col-${index}`} />
          ))}
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.padTop > 0 && <SpacerRow height={view.padTop} columns={COLUMNS.length} className="audit-spacer" />}
          {rows.slice(view.start, view.end).map((row, offset) => {
            const outcome = OUTCOMES[row.outcome]
            const change = row.before || row.after ? `${row.before ?? '—'} → ${row.after ?? '—'}` : '—'
            const time = formatShortTime(row.at)
            return (
              <tr key={row.id} aria-rowindex={view.start + offset + 2}>
                <td title={`${formatDateTime(row.at)} (${row.at})`}>{time}</td>
                <td title={row.osUser}>{row.osUser ?? '—'}</td>
                <td title={row.identity}>{row.identity ? shortIdentity(row.identity) : '—'}</td>
                <td title={row.userPoolId}>{row.userPoolId}</td>
                <td title={row.username}>{row.username ?? '—'}</td>
                <td title={`${row.summary} (${row.operation})`}>{row.summary}</td>
                <td title={change}>{change}</td>
                <td title={row.errorName ? `${outcome.title} (${row.errorName})` : outcome.title}>
                  <span className={`badge border border-${outcome.tone}-subtle bg-${outcome.tone}-subtle text-${outcome.tone}-emphasis`}>{outcome.label}</span>
                </td>
              </tr>
            )
          })}
          {view.padBottom > 0 && <SpacerRow height={view.padBottom} columns={COLUMNS.length} className="audit-spacer" />}
        </tbody>
      </table>
    </div>
  )
}

/** An ARN by its resource ("user/ops", "assumed-role/Admin/jane"): its account and service prefix cut first in a narrow column; whole on hover. */
function shortIdentity(identity: string): string {
  return identity.startsWith('arn:') ? identity.slice(identity.lastIndexOf(':') + 1) : identity
}
