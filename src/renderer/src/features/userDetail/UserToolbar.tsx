import { useState } from 'react'
import type { UserDetail } from '../../../../shared/domain'
import { makeTicketLink } from '../../../../shared/ticketLink'
import { BusyButton } from '../../components/BusyButton'
import { useToasts } from '../../stores/toastStore'
import { useProfiles } from '../connection/profilesStore'
import type { AccountAction } from './accountCalls'
import { MoreMenu } from './MoreMenu'
import { TicketSummaryDialog } from './TicketSummaryDialog'

interface Props {
  user: UserDetail
  running: string | null
  onAsk: (action: AccountAction | 'delete') => void
}

/**
 * The account's actions, at the top of the page beside whose account it is: the everyday ones as
 * buttons, the rare and drastic ones (marking an address verified, sign out everywhere, delete) in "More ▾",
 * with the ticket's two copies: a link that opens this user, and a summary of the account.
 */
export function UserToolbar({ user, running, onAsk }: Props) {
  const button = (action: AccountAction, label: string, className = 'btn btn-outline-secondary btn-sm') => (
    <BusyButton busy={running === action} disabled={running !== null} className={className} onClick={() => onAsk(action)}>
      {label}
    </BusyButton>
  )
  const federated = user.status === 'EXTERNAL_PROVIDER'
  const profileId = useProfiles((state) => state.view?.activeId)
  const [summaryOpen, setSummaryOpen] = useState(false)
  return (
    <div className="user-toolbar" role="toolbar" aria-label={`Actions on ${user.username}`}>
      {user.enabled ? button('disable', 'Disable…') : button('enable', 'Enable', 'btn btn-outline-success btn-sm')}
      {!federated && button('resetPassword', 'Reset password…')}
      {user.status === 'FORCE_CHANGE_PASSWORD' && button('resendInvite', 'Resend invitation…')}
      <MoreMenu
        disabled={running !== null}
        items={[
          { label: 'Copy link', onSelect: () => void copyLink(makeTicketLink(user.username, profileId)) },
          { label: 'Copy summary…', onSelect: () => setSummaryOpen(true) },
          ...(user.email && !user.emailVerified ? [{ label: 'Mark email verified…', onSelect: () => onAsk('verifyEmail') }] : []),
          ...(user.phone && !user.phoneVerified ? [{ label: 'Mark phone verified…', onSelect: () => onAsk('verifyPhone') }] : []),
          { label: 'Sign out everywhere…', onSelect: () => onAsk('signOut') },
          { label: 'Delete user…', onSelect: () => onAsk('delete'), danger: true }
        ]}
      />
      {summaryOpen && <TicketSummaryDialog username={user.username} onClose={() => setSummaryOpen(false)} />}
    </div>
  )
}

/** The link goes to the clipboard and the notice shows it; when the clipboard is refused, the notice holds it to copy by hand. */
async function copyLink(link: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(link)
    useToasts.getState().push('success', 'Link copied', link)
  } catch {
    useToasts.getState().push('info', 'The clipboard was refused; the link', link)
  }
}
