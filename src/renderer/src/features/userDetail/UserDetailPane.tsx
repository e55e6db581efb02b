import './userDetail.css'
import { useEffect, useRef, type Ref } from 'react'
import { storedTierValue } from '../../../../shared/tiers'
import { useStoreFields } from '../../hooks/useStoreFields'
import { useUsers } from '../users/usersStore'
import { TierEditor } from './TierEditor'
import { UserDetailPanel } from './UserDetailPanel'
import { useGoneNote } from './goneNote'

/**
 * The selected user's page on the Users screen, in a pane that scrolls on its own and starts at the
 * top for every user opened.
 */
export function UserDetailPane({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const users = useStoreFields(useUsers, ['selected', 'savingTier', 'tierOutcome', 'tierError', 'tierConflict'])
  const { saveTier, keepNewerTier } = useUsers.getState()
  const deleted = useGoneNote((state) => state.note)
  const user = users.selected
  const deletedRef = useRef<HTMLDivElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (deleted) deletedRef.current?.focus()
  }, [deleted])
  // Another user opens at their header, not where the last one was scrolled to.
  const username = user?.username
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 })
  }, [username])
  const mine = <T extends { username: string }>(value: T | null): T | null => (value && user && value.username === user.username ? value : null)

  return (
    <div className="users-detail-pane">
      <div ref={scrollRef} className="users-detail-scroll scroll-box" data-testid="users-detail-scroll">
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
                onSave={(tier, scheduled) => void saveTier(tier, false, scheduled)}
                onOverwrite={(conflict) => void saveTier(conflict.tier, true, conflict.scheduled)}
                onKeepNewer={() => void keepNewerTier()}
              />
            }
          />
        ) : deleted ? (
          <div ref={deletedRef} tabIndex={-1} className="alert alert-success" role="status">
            {deleted.message}
          </div>
        ) : (
          <p className="text-body-secondary small users-placeholder">
            Find the person from the ticket above, or pick them from the list (Enter opens their page).
          </p>
        )}
      </div>
    </div>
  )
}
