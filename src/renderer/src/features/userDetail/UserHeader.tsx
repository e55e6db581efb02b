import { useState, type Ref } from 'react'
import type { PoolInfo, UserDetail } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useFocusedResult } from '../../hooks/useFocusedResult'
import type { Outcome } from '../users/usersStore'
import type { AccountAction } from './accountCalls'
import { questionFor } from './actionQuestions'
import { ActionResult } from './ActionResult'
import { ConfirmCodeDialog } from './ConfirmCodeDialog'
import { CopyButton } from './CopyButton'
import { DeleteUserDialog } from './DeleteUserDialog'
import { UserFacts } from './UserFacts'
import { UserToolbar } from './UserToolbar'
import { VerdictLine, type FixStep } from './VerdictLine'
import type { PageTab } from './userPageStore'

interface Props {
  user: UserDetail
  pool: PoolInfo | null
  /** The heading takes focus when the operator opens the user from the list with Enter. */
  headingRef?: Ref<HTMLHeadingElement>
  running: string | null
  outcome: Outcome | null
  error: AppErrorShape | null
  onRun: (action: AccountAction) => void
  onConfirmCode: (code: string) => void
  onDelete: (confirmUsername: string) => void
  onOpenTab: (tab: PageTab, passwordMode?: 'temporary' | 'permanent') => void
}

/**
 * The top of the user's page, read like the ticket: who, the account's actions, whether they can sign
 * in now with what fixes it (the last action's result under the verdict it may have changed), then
 * the facts support reads first.
 */
export function UserHeader({ user, pool, headingRef, running, outcome, error, onRun, onConfirmCode, onDelete, onOpenTab }: Props) {
  const [asking, setAsking] = useState<AccountAction | 'delete' | 'confirmCode' | null>(null)
  const resultRef = useFocusedResult(outcome, error)

  function ask(action: AccountAction | 'delete'): void {
    if (action === 'delete' || questionFor(action, user, pool)) setAsking(action)
    else onRun(action)
  }
  function fix(step: FixStep): void {
    if ('run' in step) ask(step.run)
    else if ('dialog' in step) setAsking(step.dialog)
    else onOpenTab(step.tab, step.passwordMode)
  }
  const question = asking && asking !== 'delete' && asking !== 'confirmCode' ? questionFor(asking, user, pool) : null

  return (
    <header className="user-header">
      <div className="user-name-row">
        <h2 id="user-detail-heading" ref={headingRef} tabIndex={-1} className="h5 mb-0 text-break">
          {user.username}
        </h2>
        <CopyButton value={user.username} what="username" />
        <UserToolbar user={user} running={running} onAsk={ask} />
      </div>
      <VerdictLine verdict={user.verdict} running={running} onFix={fix} />
      <ActionResult ref={resultRef} outcome={outcome} error={error} />
      <UserFacts user={user} pool={pool} />
      {question && asking && asking !== 'delete' && asking !== 'confirmCode' && (
        <ConfirmDialog
          title={question.title}
          confirmLabel={question.confirm}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null)
            onRun(asking)
          }}
        >
          {question.body}
        </ConfirmDialog>
      )}
      {asking === 'confirmCode' && (
        <ConfirmCodeDialog
          username={user.username}
          onCancel={() => setAsking(null)}
          onConfirm={(code) => {
            setAsking(null)
            onConfirmCode(code)
          }}
        />
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
    </header>
  )
}
