import type { UserDetail } from '../../../shared/domain'
import { TierBadge } from './TierBadge'

interface Props {
  users: UserDetail[]
  selected: string | null
  onSelect: (user: UserDetail) => void
}

/** Search results; a row opens with a click or with Enter. */
export function UserTable({ users, selected, onSelect }: Props) {
  return (
    <div className="table-responsive mb-2">
      <table className="table table-sm table-hover table-clickable bg-white mb-0" aria-label="Users found">
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Enabled</th>
            <th scope="col">Tier</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr
              key={user.username}
              className={user.username === selected ? 'table-active' : undefined}
              tabIndex={0}
              aria-selected={user.username === selected}
              onClick={() => onSelect(user)}
              onKeyDown={(event) => event.key === 'Enter' && onSelect(user)}
            >
              <td>{user.username}</td>
              <td className="cell-truncate" title={user.email ?? undefined}>
                {user.email ?? '—'}
              </td>
              <td>{user.status}</td>
              <td>{user.enabled ? 'yes' : 'no'}</td>
              <td>
                <TierBadge tier={user.tier} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
