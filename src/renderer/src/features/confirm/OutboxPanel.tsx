import type { OutboxMessage } from '../../../../shared/domain'
import { formatDateTime, formatShortTime } from '../../lib/format'
import type { CodeUser } from './confirmationStore'

interface Props {
  messages: OutboxMessage[]
  /** Each code's user as last read: whether they are still unconfirmed. */
  codeUsers: Record<string, CodeUser>
  onUse: (message: OutboxMessage) => void
  onRefresh: () => void
}

/** Why a code is not offered, in a word and in a sentence. */
const SPENT: Record<string, { label: string; title: string }> = {
  used: { label: 'used', title: 'The user was confirmed with this code' },
  replaced: { label: 'replaced', title: 'A newer code was sent to this user; only that one works' },
  confirmed: { label: 'confirmed', title: 'The user is confirmed already (without a code, or another way): no code is needed' },
  gone: { label: 'user deleted', title: 'This user no longer exists' },
  checking: { label: 'checking…', title: 'Reading whether this user is still unconfirmed' }
}

/**
 * The sandbox's stand-in for an inbox: the codes its pool "sent", newest first. A code that was used or
 * replaced by a newer one cannot confirm anyone, nor can one whose user is confirmed already (or
 * deleted), so only a current code of a user still unconfirmed offers "Use this code". Three
 * columns of a fixed layout: a long username or email is cut (whole in its tooltip) rather than pushing
 * the code and its button out of view.
 */
export function OutboxPanel({ messages, codeUsers, onUse, onRefresh }: Props) {
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
                <OutboxRow key={message.id} message={message} user={codeUsers[message.username]} onUse={onUse} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}

function OutboxRow({ message, user, onUse }: { message: OutboxMessage; user: CodeUser | undefined; onUse: (message: OutboxMessage) => void }) {
  const sent = message.state ?? 'current'
  // A code the outbox still calls current is of use only while its user is unconfirmed.
  const state = sent === 'current' && user !== 'unconfirmed' && user !== 'unread' ? (user ?? 'checking') : sent
  const current = state === 'current'
  const spent = !current && state !== 'checking'
  return (
    <tr className={spent ? 'text-body-secondary' : undefined}>
      <td className="cell-clip">
        <div className="text-truncate fw-semibold" title={message.username}>
          {message.username}
        </div>
        <div className="small text-truncate" title={message.destination}>
          {message.destination}
        </div>
      </td>
      <td className="cell-clip">
        <div className={`mono fw-semibold text-truncate${spent ? ' text-decoration-line-through' : ''}`} title={message.code}>
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
          <span className="small" title={SPENT[state].title}>
            {SPENT[state].label}
          </span>
        )}
      </td>
    </tr>
  )
}
