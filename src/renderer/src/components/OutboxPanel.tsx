import type { OutboxMessage } from '../../../shared/domain'
import { formatDateTime } from '../utils/format'

interface Props {
  messages: OutboxMessage[]
  onUse: (message: OutboxMessage) => void
  onRefresh: () => void
}

/** The sandbox's stand-in for an inbox: the codes its pool "sent", newest first. */
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
        <p className="small text-muted px-3 pt-2 mb-2">No email leaves the sandbox; the codes it would have sent are listed here.</p>
        {messages.length === 0 ? (
          <p className="px-3 text-muted">No codes sent yet.</p>
        ) : (
          <table className="table table-sm mb-0">
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">Username</th>
                <th scope="col">To</th>
                <th scope="col">Code</th>
                <th scope="col">Why</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.slice(0, 20).map((message) => (
                <tr key={message.id}>
                  <td className="small">{formatDateTime(message.at)}</td>
                  <td>{message.username}</td>
                  <td className="small">{message.destination}</td>
                  <td className="mono fw-semibold">{message.code}</td>
                  <td className="small">{message.reason === 'ResendCode' ? 'resent' : 'sign-up'}</td>
                  <td>
                    <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => onUse(message)}>
                      Use this code
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}
