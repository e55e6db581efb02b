import './users.css'
import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { UserDetail } from '../../../../shared/domain'
import { useTierList } from '../../hooks/useTierList'
import { BulkResumeNotice } from '../bulk/BulkResumeNotice'
import { BulkTierPanel } from '../bulk/BulkTierPanel'
import { useBulk } from '../bulk/bulkStore'
import { UserDetailPane } from '../userDetail/UserDetailPane'
import { SearchBar } from './SearchBar'
import { SearchResultsPane } from './SearchResultsPane'
import { TierListForm } from './TierListForm'
import { TierMembersPanel } from './TierMembersPanel'
import { useUsers } from './usersStore'

/**
 * The Users workspace: the search across the top; under it the list and the selected user side by
 * side, each filling the window's height and scrolling on its own (users.css).
 */
export function UsersScreen() {
  const search = useUsers(useShallow((state) => ({ draft: state.draft, searching: state.searching, selected: state.selected?.username ?? null })))
  const { setDraft, search: runSearch, select, openUsername } = useUsers.getState()
  const tier = useTierList()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const openBulk = useBulk((state) => state.openFor)
  useEffect(() => useBulk.getState().subscribe(), [])

  /** Enter on a row: the panel shows the user and takes focus, so the tier editor is two Tabs away. */
  function activate(user: UserDetail): void {
    select(user)
    // The panel for a newly selected user mounts in this render; focus it once it is there.
    requestAnimationFrame(() => headingRef.current?.focus())
  }

  return (
    <div className="workspace users-screen">
      <div className="users-top">
        <h1 className="h3 mb-0 users-title">Users</h1>
        <SearchBar {...search.draft} searching={search.searching} onChange={setDraft} onSearch={() => void runSearch()} />
      </div>
      <BulkResumeNotice />
      <div className="users-split">
        <section className="users-list-pane" aria-label="User list">
          {tier.shown ? (
            <TierMembersPanel
              view={tier.view}
              error={tier.error}
              scannedAt={tier.scannedAt}
              selected={search.selected}
              onOpen={(username) => void openUsername(username)}
              onPage={tier.page}
              onBack={tier.hide}
              onGoToStatistics={tier.goToStatistics}
              onBulk={openBulk}
              allUsernames={tier.allUsernames}
            />
          ) : (
            <SearchResultsPane onActivate={activate} onBulk={openBulk} />
          )}
          <TierListForm bucket={tier.bucket} loading={tier.loading} onChange={tier.choose} onList={tier.list} />
        </section>
        <UserDetailPane headingRef={headingRef} />
      </div>
      <BulkTierPanel />
    </div>
  )
}
