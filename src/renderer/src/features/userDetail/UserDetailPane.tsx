import './userDetail.css'
import { useEffect, useRef, type Ref } from 'react'
import { storedTierValue } from '../../../../shared/tiers'
import { useStoreFields } from '../../hooks/useStoreFields'
import { useUsers } from '../users/usersStore'
import { AccountActions } from './AccountActions'
import { TierEditor } from './TierEditor'
import { UserDetailPanel } from './UserDetailPanel'
import { UserGroupsPanel } from './UserGroupsPanel'
import { UserHistory } from './UserHistory'
import { useUserActions } from './userActionsStore'

/**
 * The right half of the Users screen: the exact lookup above, the selected user under it in a pane
 * that scrolls on its own, so the user picked from anywhere in a long list is always in view.
 */
export function UserDetailPane({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const users = useStoreFields(useUsers, ['selected', 'savingTier', 'tierOutcome', 'tierError', 'tierConflict'])
  const { saveTier, keepNewerTier } = useUsers.getState()
  const actions = useStoreFields(useUserActions, [
    'running',
    'outcome',
    'error',
    'deleted',
    'groups',
    'groupsBusy',
    'groupsOutcome',
    'groupsError',
    'history',
    'historyError'
  ])
  const { run, deleteUser, addToGroup, removeFromGroup } = useUserActions.getState()
  const user = users.selected
  const deletedRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (actions.deleted) deletedRef.current?.focus()
  }, [actions.deleted])
  const mine = <T extends { username: string }>(value: T | null): T | null => (value && user && value.username === user.username ? value : null)

  return (
    <div className="users-detail-pane">
      <div className="users-detail-scroll scroll-box" data-testid="users-detail-scroll">
        {user ? (
          <UserDetailPanel
            key={user.username}
            user={user}
            headingRef={headingRef}
            tierEditor={
              <TierEditor
                key={`${storedTierValue(user.tier)}:${user.modifiedAt}`}
                user={user}
                saving={users.savingTier}
                outcome={mine(users.tierOutcome)}
                error={users.tierError}
                conflict={mine(users.tierConflict)}
                onSave={(tier) => void saveTier(tier)}
                onOverwrite={(tier) => void saveTier(tier, true)}
                onKeepNewer={() => void keepNewerTier()}
              />
            }
            actions={
              <AccountActions
                user={user}
                running={actions.running}
                outcome={mine(actions.outcome)}
                error={actions.error}
                onRun={(action) => void run(action)}
                onDelete={(typed) => void deleteUser(typed)}
              />
            }
            groups={
              <UserGroupsPanel
                groups={actions.groups}
                busy={actions.groupsBusy}
                outcome={mine(actions.groupsOutcome)}
                error={actions.groupsError}
                onAdd={(group) => void addToGroup(group)}
                onRemove={(group) => void removeFromGroup(group)}
              />
            }
            history={<UserHistory entries={actions.history} error={actions.historyError} />}
          />
        ) : actions.deleted ? (
          <div ref={deletedRef} tabIndex={-1} className="alert alert-success" role="status">
            {actions.deleted.message}
          </div>
        ) : (
          <p className="text-body-secondary small users-placeholder">
            Pick a user from the list (Enter opens the panel for the keyboard), or open one by username, sub or email above.
          </p>
        )}
      </div>
    </div>
  )
}
