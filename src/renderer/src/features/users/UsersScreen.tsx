import './users.css'
import { useEffect, useRef } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { MenuButton } from '../../components/MenuButton'
import { useStoreFields } from '../../hooks/useStoreFields'
import { useTierList } from '../../hooks/useTierList'
import { BulkResumeNotice } from '../bulk/BulkResumeNotice'
import { BulkTierPanel } from '../bulk/BulkTierPanel'
import { useBulk } from '../bulk/bulkStore'
import { UserDetailPane } from '../userDetail/UserDetailPane'
import { FindBar } from './FindBar'
import { loweredCaseNote } from './findResults'
import { FindResultsPane } from './FindResultsPane'
import { moreEntries, shownUsernames } from './moreEntries'
import { TierMembersPanel } from './TierMembersPanel'
import { useBackKey } from './useBackKey'
import { useUsers } from './usersStore'

/**
 * The Users screen: one find box on top, and under it either the list the last find made or one
 * user's page, each with the whole width. Why not a split: the operator reads the list only to pick
 * the person (the email needs the width then), then works on that one person (the page needs it then);
 * a split gave each a third of a 1024 px window. The list stays one key away (Esc or Alt+←, or "Back
 * to the results"), where it was left, with the open user's row focused.
 */
export function UsersScreen() {
  const users = useStoreFields(useUsers, ['query', 'finding', 'findError', 'found', 'results', 'filters', 'sort', 'view', 'selected', 'cameBack'])
  const { setQuery, find, openUsername, showList } = useUsers.getState()
  const tier = useTierList()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const pageRef = useRef<HTMLDivElement>(null)
  const openBulk = useBulk((state) => state.openFor)
  useEffect(() => useBulk.getState().subscribe(), [])

  const onPage = users.view === 'user'
  const hasList = tier.shown || users.results.length > 1 || users.found?.foundBy === 'email-part'
  const username = users.selected?.username ?? null
  useBackKey(onPage && hasList, showList)

  // A user opened (from the box or the list) is read from the top: focus on their name, so the
  // next Tab reaches their page and a screen reader says whose it is.
  useEffect(() => {
    if (!onPage || !username) return
    requestAnimationFrame(() => (headingRef.current ?? pageRef.current)?.focus())
  }, [onPage, username])

  const open = (name: string) => void openUsername(name)
  const note = onPage && users.found?.opened === username && users.found ? loweredCaseNote(users.found) : null
  return (
    <div className="workspace users-screen">
      <div className="users-top">
        <h1 className="h3 mb-0 users-title">Users</h1>
        <FindBar query={users.query} finding={users.finding} onChange={setQuery} onFind={() => void find()} />
        {onPage && hasList && (
          <button
            type="button"
            className="btn btn-outline-secondary text-nowrap"
            aria-keyshortcuts="Escape Alt+ArrowLeft"
            title="Esc or Alt+←"
            onClick={showList}
          >
            ← Back to the results
          </button>
        )}
        <MenuButton
          label="More"
          entries={moreEntries({
            shown: onPage || tier.shown ? [] : shownUsernames(users.found, users.results, users.filters, users.sort),
            onBulk: openBulk,
            onList: (bucket) => {
              showList()
              tier.list(bucket)
            }
          })}
        />
      </div>
      <ErrorAlert error={users.findError} />
      {note && (
        <p className="users-note mb-0" role="status">
          {note}
        </p>
      )}
      <BulkResumeNotice />
      {onPage ? (
        <div ref={pageRef} className="users-page" tabIndex={-1}>
          <UserDetailPane key={username ?? ''} headingRef={headingRef} />
        </div>
      ) : (
        <section className="users-list-pane" aria-label="User list">
          {tier.shown ? (
            <TierMembersPanel
              view={tier.view}
              error={tier.error}
              scannedAt={tier.scannedAt}
              selected={username}
              onOpen={open}
              onPage={tier.page}
              onBack={tier.hide}
              onGoToStatistics={tier.goToStatistics}
              onBulk={openBulk}
              allUsernames={tier.allUsernames}
              focusSelected={users.cameBack}
            />
          ) : (
            <FindResultsPane onOpen={open} onGoToStatistics={tier.goToStatistics} focusSelected={users.cameBack} />
          )}
        </section>
      )}
      <BulkTierPanel />
    </div>
  )
}
