import type { OutboxMessage } from '../../../../shared/domain'
import { formatDateTime, formatShortTime } from '../../lib/format'

interface Props {
  messages: OutboxMessage[]
  onUse: (message: OutboxMessage) => void
  onRefresh: () => void
}

const STATE_LABELS = { used: 'used', replaced: 'replaced' } as const
const STATE_TITLES = { used: 'The user was confirmed with this code', replaced: 'A newer code was sent to this user; only that one works' } as const

/**
 * The sandbox's stand-in for an inbox: the codes its pool "sent", newest first. A code that was used or
 * replaced by a newer one cannot confirm anyone, so only current codes offer "Use this code". Three
 * columns of a fixed layout: a long username or email is cut (whole in its tooltip) rather than pushing
 * the code and its button out of view.
 */
export function OutboxPanel({ messages, onUse, onRefresh }: Props) {
  return (
    <section className="card" aria-labelledby="outbox-heading">
      <div className="card-header d-flex align-items-center">
        <h2 id="outbox-heading" className="h6 mb-0 me-auto">
          Sandbox outbox
        </h2>
        <button type="button" className="btn btn-sm btn-outline-secondary" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      <div className="card-body p-0">
        <p className="small text-body-secondary px-3 pt-2 mb-2">No email leaves the sandbox; the codes it would have sent are listed here.</p>
        {messages.length === 0 ? (
          <p className="px-3 text-body-secondary">No codes sent yet.</p>
        ) : (
          <table className="table table-sm mb-0 outbox-table">
            <colgroup>
              <col />
              <col className="outbox-col-code" />
              <col className="outbox-col-action" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">User and email</th>
                <th scope="col">Code</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.slice(0, 20).map((message) => (
                <OutboxRow key={message.id} message={message} onUse={onUse} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}

function OutboxRow({ message, onUse }: { message: OutboxMessage; onUse: (message: OutboxMessage) => void }) {
  const state = message.state ?? 'current'
  const current = state === 'current'
  return (
    <tr className={current ? undefined : 'text-body-secondary'}>
      <td className="cell-clip">
        <div className="text-truncate fw-semibold" title={message.username}>
          {message.username}
        </div>
        <div className="small text-truncate" title={message.destination}>
          {message.destination}
        </div>
      </td>
      <td className="cell-clip">
        <div className={`mono fw-semibold text-truncate${current ? '' : ' text-decoration-line-through'}`} title={message.code}>
          {message.code}
        </div>
        <div className="small text-truncate" title={formatDateTime(message.at)}>
          {message.reason === 'ResendCode' ? 'resent' : 'sign-up'} {formatShortTime(message.at)}
        </div>
      </td>
      <td>
        {current ? (
          <button type="button" className="btn btn-sm btn-outline-primary text-nowrap" onClick={() => onUse(message)}>
            Use this code
          </button>
        ) : (
          <span className="small" title={STATE_TITLES[state]}>
            {STATE_LABELS[state]}
          </span>
        )}
      </td>
    </tr>
  )
}
