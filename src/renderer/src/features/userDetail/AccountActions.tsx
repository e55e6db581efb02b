import { useState, type ReactNode } from 'react'
import type { UserDetail } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { BusyButton } from '../../components/BusyButton'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useFocusedResult } from '../../hooks/useFocusedResult'
import type { Outcome } from '../users/usersStore'
import { ActionResult } from './ActionResult'
import { DeleteUserDialog } from './DeleteUserDialog'
import type { AccountAction } from './userActionsStore'

interface Props {
  user: UserDetail
  running: AccountAction | 'delete' | null
  outcome: Outcome | null
  error: AppErrorShape | null
  onRun: (action: AccountAction) => void
  onDelete: (confirmUsername: string) => void
}

interface Question {
  title: string
  body: (username: string) => ReactNode
  confirm: string
}

/**
 * Each action asks as much as its risk calls for: enabling and marking an email verified are done at
 * once; what locks someone out or sends them mail asks first; deleting wants the username typed.
 */
const QUESTIONS: Partial<Record<AccountAction, Question>> = {
  disable: {
    title: 'Disable this account?',
    body: (name) => `${name} will not be able to sign in until the account is enabled again. Their data, tier and groups are kept.`,
    confirm: 'Disable'
  },
  resetPassword: {
    title: 'Reset the password?',
    body: (name) => `${name}'s current password stops working at once. Cognito sends them a code, and they must choose a new password before they can sign in.`,
    confirm: 'Reset password'
  },
  resendInvite: {
    title: 'Send the invitation again?',
    body: (name) => `${name} gets a new invitation with a new temporary password; the one sent before stops working.`,
    confirm: 'Send invitation'
  },
  signOut: {
    title: 'Sign out on every device?',
    body: (name) => `${name}'s sessions are revoked: every app they use asks them to sign in again within the hour.`,
    confirm: 'Sign out everywhere'
  }
}

/** The account actions for one user, with the result of the last one under them. */
export function AccountActions({ user, running, outcome, error, onRun, onDelete }: Props) {
  const [asking, setAsking] = useState<AccountAction | 'delete' | null>(null)
  const resultRef = useFocusedResult(outcome, error)

  function start(action: AccountAction): void {
    if (QUESTIONS[action]) setAsking(action)
    else onRun(action)
  }

  const button = (action: AccountAction, label: string, className = 'btn btn-outline-secondary btn-sm') => (
    <BusyButton busy={running === action} disabled={running !== null} className={className} onClick={() => start(action)}>
      {label}
    </BusyButton>
  )
  const question = asking && asking !== 'delete' ? QUESTIONS[asking] : undefined

  return (
    <section className="users-section" aria-labelledby="account-actions-heading">
      <h3 id="account-actions-heading" className="users-section-title">
        Account
      </h3>
      <div className="users-actions">
        {user.enabled ? button('disable', 'Disable') : button('enable', 'Enable', 'btn btn-outline-success btn-sm')}
        {user.email && !user.emailVerified && button('verifyEmail', 'Mark email verified')}
        {button('resetPassword', 'Reset password')}
        {user.status === 'FORCE_CHANGE_PASSWORD' && button('resendInvite', 'Resend invitation')}
        {button('signOut', 'Sign out everywhere')}
        <BusyButton busy={running === 'delete'} disabled={running !== null} className="btn btn-outline-danger btn-sm" onClick={() => setAsking('delete')}>
          Delete user…
        </BusyButton>
      </div>
      <ActionResult ref={resultRef} outcome={outcome} error={error} />
      {asking && question && (
        <ConfirmDialog
          title={question.title}
          confirmLabel={question.confirm}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null)
            onRun(asking as AccountAction)
          }}
        >
          {question.body(user.username)}
        </ConfirmDialog>
      )}
      {asking === 'delete' && (
        <DeleteUserDialog
          username={user.username}
          onCancel={() => setAsking(null)}
          onDelete={(typed) => {
            setAsking(null)
            onDelete(typed)
          }}
        />
      )}
    </section>
  )
}
