import type { ReactNode, Ref } from 'react'
import type { UserDetail } from '../../../../shared/domain'
import { TIER_ATTRIBUTE } from '../../../../shared/tiers'
import { formatDateTime } from '../../lib/format'
import { statusMeaning } from '../users/userListView'
import { CopyButton } from './CopyButton'

interface Props {
  user: UserDetail
  /** The heading takes focus when the operator opens the user from the list with Enter. */
  headingRef?: Ref<HTMLHeadingElement>
  /** The tier editor, first after the name: the most frequent job is a Tab or two away. */
  tierEditor: ReactNode
  actions: ReactNode
  groups: ReactNode
  history: ReactNode
}

const SHOWN_ABOVE = new Set(['sub', 'email', 'email_verified', TIER_ATTRIBUTE])

/** One user in full: who they are, their tier, their account, groups, history and every attribute. */
export function UserDetailPanel({ user, headingRef, tierEditor, actions, groups, history }: Props) {
  const others = user.attributes.filter((attribute) => !SHOWN_ABOVE.has(attribute.name))
  return (
    <section className="users-detail" aria-labelledby="user-detail-heading">
      <header className="users-detail-header">
        <h2 id="user-detail-heading" ref={headingRef} tabIndex={-1} className="h5 mb-0 text-break">
          {user.username}
        </h2>
        <CopyButton value={user.username} what="username" />
        {!user.enabled && <span className="badge text-bg-danger ms-auto">disabled</span>}
      </header>

      {tierEditor}

      <dl className="users-facts">
        <dt>Status</dt>
        <dd>
          <span className="mono small">{user.status}</span>
          {statusMeaning(user.status) && <div className="small text-body-secondary">{statusMeaning(user.status)}</div>}
        </dd>
        <dt>Enabled</dt>
        <dd>{user.enabled ? 'yes' : <span className="text-danger-emphasis fw-semibold">no (disabled)</span>}</dd>
        <dt>Email</dt>
        <dd>
          {user.email ? (
            <>
              <span className="text-break">{user.email}</span>{' '}
              <span className={`badge ${user.emailVerified ? 'text-bg-success' : 'text-bg-secondary'}`}>
                {user.emailVerified ? 'verified' : 'not verified'}
              </span>
              <CopyButton value={user.email} what="email" />
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Sub</dt>
        <dd>
          <span className="mono small text-break">{user.sub || '—'}</span>
          {user.sub && <CopyButton value={user.sub} what="sub" />}
        </dd>
        <dt>Created</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
        <dt>Modified</dt>
        <dd>{formatDateTime(user.modifiedAt)}</dd>
      </dl>

      {actions}
      {groups}
      {history}

      <section className="users-section" aria-labelledby="user-attributes-heading">
        <h3 id="user-attributes-heading" className="users-section-title">
          Other attributes
        </h3>
        {others.length === 0 ? (
          <p className="small text-body-secondary mb-0">None.</p>
        ) : (
          <table className="table table-sm small mb-0 users-attributes" aria-label="Other attributes">
            <tbody>
              {others.map((attribute) => (
                <tr key={attribute.name}>
                  <th scope="row" className="mono fw-normal text-break">
                    {attribute.name}
                  </th>
                  <td className="text-break">{attribute.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  )
}
