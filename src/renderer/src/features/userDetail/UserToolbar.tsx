import type { UserDetail } from '../../../../shared/domain'
import { BusyButton } from '../../components/BusyButton'
import type { AccountAction } from './accountCalls'
import { MoreMenu } from './MoreMenu'

interface Props {
  user: UserDetail
  running: string | null
  onAsk: (action: AccountAction | 'delete') => void
}

/**
 * The account's actions, at the top of the page beside whose account it is: the everyday ones as
 * buttons, the rare and drastic ones (marking an address verified, sign out everywhere, delete) in "More ▾".
 */
export function UserToolbar({ user, running, onAsk }: Props) {
  const button = (action: AccountAction, label: string, className = 'btn btn-outline-secondary btn-sm') => (
    <BusyButton busy={running === action} disabled={running !== null} className={className} onClick={() => onAsk(action)}>
      {label}
    </BusyButton>
  )
  const federated = user.status === 'EXTERNAL_PROVIDER'
  return (
    <div className="user-toolbar" role="toolbar" aria-label={`Actions on ${user.username}`}>
      {user.enabled ? button('disable', 'Disable…') : button('enable', 'Enable', 'btn btn-outline-success btn-sm')}
      {!federated && button('resetPassword', 'Reset password…')}
      {user.status === 'FORCE_CHANGE_PASSWORD' && button('resendInvite', 'Resend invitation…')}
      <MoreMenu
        disabled={running !== null}
        items={[
          ...(user.email && !user.emailVerified ? [{ label: 'Mark email verified…', onSelect: () => onAsk('verifyEmail') }] : []),
          ...(user.phone && !user.phoneVerified ? [{ label: 'Mark phone verified…', onSelect: () => onAsk('verifyPhone') }] : []),
          { label: 'Sign out everywhere…', onSelect: () => onAsk('signOut') },
          { label: 'Delete user…', onSelect: () => onAsk('delete'), danger: true }
        ]}
      />
    </div>
  )
}
