import type { ReactNode, Ref } from 'react'
import type { UserDetail } from '../../../../shared/domain'
import { useStoreFields } from '../../hooks/useStoreFields'
import { useConnection } from '../../stores/connectionStore'
import { api } from '../../api/api'
import { AttributesTab } from './AttributesTab'
import { IdentitiesTab } from './IdentitiesTab'
import { PendingReturnLine } from './PendingReturnLine'
import { SecurityTab } from './SecurityTab'
import { SignInEventsTab } from './SignInEventsTab'
import { UserGroupsPanel } from './UserGroupsPanel'
import { UserHeader } from './UserHeader'
import { UserHistory } from './UserHistory'
import { UserTabs } from './UserTabs'
import { useUserActions } from './userActionsStore'
import { usePageTabs } from './userPageStore'

interface Props {
  user: UserDetail
  /** The heading takes focus when the operator opens the user from the list with Enter. */
  headingRef?: Ref<HTMLHeadingElement>
  /** The tier editor, the Tier tab's content. */
  tierEditor: ReactNode
}

/**
 * One user's page, top-down like the ticket: the header (who, the actions, the facts, whether they can
 * sign in and what fixes it), then one tab at a time below it, each tab's data read when first opened.
 */
export function UserDetailPanel({ user, headingRef, tierEditor }: Props) {
  const pool = useConnection((state) => state.pool)
  const actions = useStoreFields(useUserActions, [
    'running',
    'outcome',
    'error',
    'groups',
    'groupsBusy',
    'groupsOutcome',
    'groupsError',
    'history',
    'historyError'
  ])
  const tabs = useStoreFields(usePageTabs, [
    'tab',
    'passwordMode',
    'busy',
    'notice',
    'error',
    'devices',
    'devicesError',
    'events',
    'eventsError',
    'loadingMore'
  ])
  const { run, confirmCode, deleteUser, addToGroup, removeFromGroup } = useUserActions.getState()
  const { open, write, loadDevices, loadEvents } = usePageTabs.getState()
  const mine = <T extends { username: string }>(value: T | null): T | null => (value && value.username === user.username ? value : null)

  function content(): ReactNode {
    switch (tabs.tab) {
      case 'tier':
        return tierEditor
      case 'attributes':
        return (
          <AttributesTab
            user={user}
            pool={pool}
            busy={tabs.busy}
            notice={tabs.notice}
            error={tabs.error}
            onSave={(name, value, markVerified) =>
              write('attributes', name, (username) => api.setAttributes({ username, attributes: { [name]: value }, ...(markVerified ? { markVerified } : {}) }))
            }
            onRemove={(name) => write('attributes', name, (username) => api.deleteAttributes({ username, names: [name] }))}
          />
        )
      case 'security':
        return (
          <SecurityTab
            user={user}
            pool={pool}
            tabs={tabs}
            onSetPassword={(permanent, password) =>
              write('password', 'set', (username) => api.setPassword({ username, permanent, ...(password === undefined ? {} : { password }) }))
            }
            onResetMfa={() => void write('mfa', 'reset', (username) => api.resetMfa({ username }))}
            onForget={(device) => void write('devices', device.key, (username) => api.forgetDevice({ username, deviceKey: device.key }))}
            onMoreDevices={() => void loadDevices(true)}
          />
        )
      case 'events':
        return (
          <SignInEventsTab
            username={user.username}
            events={tabs.events}
            loadError={tabs.eventsError}
            loadingMore={tabs.loadingMore === 'events'}
            busy={tabs.busy}
            notice={tabs.notice}
            error={tabs.error}
            onFeedback={(event, feedback) =>
              void write('events', `${event.id}:${feedback}`, (username) => api.eventFeedback({ username, eventId: event.id, feedback }))
            }
            onMore={() => void loadEvents(true)}
          />
        )
      case 'identities':
        return (
          <IdentitiesTab
            user={user}
            busy={tabs.busy}
            notice={tabs.notice}
            error={tabs.error}
            onUnlink={(identity) =>
              void write('identities', `${identity.providerName}:${identity.userId}`, (username) =>
                api.unlinkIdentity({ username, providerName: identity.providerName, providerUserId: identity.userId })
              )
            }
          />
        )
      case 'groups':
        return (
          <UserGroupsPanel
            groups={actions.groups}
            busy={actions.groupsBusy}
            outcome={mine(actions.groupsOutcome)}
            error={actions.groupsError}
            onAdd={(group) => void addToGroup(group)}
            onRemove={(group) => void removeFromGroup(group)}
          />
        )
      case 'history':
        return <UserHistory entries={actions.history} error={actions.historyError} />
    }
  }

  return (
    <section className="users-detail" aria-labelledby="user-detail-heading" data-testid="user-page">
      <UserHeader
        user={user}
        pool={pool}
        headingRef={headingRef}
        running={actions.running}
        outcome={mine(actions.outcome)}
        error={actions.error}
        onRun={(action) => void run(action)}
        onConfirmCode={(code) => void confirmCode(code)}
        onDelete={(typed) => void deleteUser(typed)}
        onOpenTab={open}
      />
      <PendingReturnLine username={user.username} />
      <UserTabs tab={tabs.tab} onOpen={(tab) => open(tab)}>
        {content()}
      </UserTabs>
    </section>
  )
}
