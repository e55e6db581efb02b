import { useRef, type ReactNode } from 'react'
import type { AuditRow } from '../../../../shared/audit'
import { Modal } from '../../components/Modal'
import { formatDateTime } from '../../lib/format'
import { OUTCOMES } from '../../lib/outcomes'

interface Props {
  row: AuditRow
  onClose: () => void
  /** Opens the write's user on the Users screen. */
  onOpenUser: (username: string) => void
}

/** One write whole: every value before and after, the reason, who sent it from where, and how it ended. */
export function AuditDetail({ row, onClose, onOpenUser }: Props) {
  const closeRef = useRef<HTMLButtonElement>(null)
  const outcome = OUTCOMES[row.outcome]
  const item = (term: string, value: ReactNode) => (
    <>
      <dt className="col-sm-4">{term}</dt>
      <dd className="col-sm-8 audit-detail-value">{value}</dd>
    </>
  )
  return (
    <Modal labelledBy="audit-detail-title" className="audit-detail" onEscape={onClose} initialFocus={closeRef}>
      <div className="p-4">
        <div className="d-flex align-items-start gap-2 mb-3">
          <h2 id="audit-detail-title" className="h5 mb-0 me-auto">
            {row.summary}
          </h2>
          <button ref={closeRef} type="button" className="btn-close" aria-label="Close" onClick={onClose} />
        </div>
        <dl className="row mb-0 small">
          {item('Time', `${formatDateTime(row.at)} (${row.at})`)}
          {item(
            'User',
            row.username ? (
              <button type="button" className="btn btn-link btn-sm p-0 align-baseline" onClick={() => onOpenUser(row.username!)}>
                {row.username}
              </button>
            ) : (
              '—'
            )
          )}
          {item('Operation', row.operation)}
          {item('Before', row.before ?? '—')}
          {item('After', row.after ?? '—')}
          {item('Ticket or reason', row.reason ?? <span className="text-body-secondary">none given</span>)}
          {item(
            'Outcome',
            <>
              {outcome.label}
              {row.errorName ? ` (${row.errorName})` : ''} — {outcome.title}
            </>
          )}
          {item('OS user', row.osUser ?? '—')}
          {item('AWS identity', row.identity ?? '—')}
          {item('Pool', row.userPoolId)}
          {item('Entry', <span className="mono">{row.id}</span>)}
        </dl>
      </div>
    </Modal>
  )
}
