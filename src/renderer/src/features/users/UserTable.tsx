import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { UserDetail } from '../../../../shared/domain'
import { tierLabel } from '../../../../shared/tiers'
import { SpacerRow } from '../../components/SpacerRow'
import { TierBadge } from '../../components/TierBadge'
import { useVirtualRows } from '../../hooks/useVirtualRows'
import { accountStatusWord, statusTitle } from '../../../../shared/userStatus'
import { type SortKey, type SortOrder } from './userListView'

interface Props {
  users: UserDetail[]
  selected: string | null
  sort: SortOrder
  onSort: (sort: SortOrder) => void
  /** A click or Enter: the user's page opens in place of the list. */
  onOpen: (user: UserDetail) => void
  /** Scroll to the selected row and focus it once drawn: the operator came back from its page. */
  focusSelected?: boolean
}

/** Every row is this tall (users.css draws it so), which is what lets the list skip drawing hidden rows. */
const ROW_HEIGHT = 32

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'username', label: 'Username' },
  { key: 'email', label: 'Email' },
  { key: 'status', label: 'Status' },
  { key: 'tier', label: 'Tier' }
]

/**
 * The users found as a windowed table: a fixed layout in which the email gets the width, the status
 * is the account's one wording ("Disabled" for a disabled account), and a long value ends in an
 * ellipsis (whole in its tooltip and on the page), so the table never scrolls sideways. One row is in
 * the Tab order; the arrow keys, Page Up/Down, Home and End move through the rest; Enter opens.
 */
export function UserTable({ users, selected, sort, onSort, onOpen, focusSelected = false }: Props) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const selectedIndex = selected === null ? -1 : users.findIndex((user) => user.username === selected)
  // The open user's row is the list's place in the Tab order when the list comes back.
  const [active, setActive] = useState(() => Math.max(0, selectedIndex))
  const [focusRow, setFocusRow] = useState<number | null>(() => (focusSelected && selectedIndex >= 0 ? selectedIndex : null))
  const scrollerRef = useRef<HTMLDivElement>(null)
  const headRef = useRef<HTMLTableSectionElement>(null)
  const rows = useVirtualRows(scrollerRef, headRef, users.length, ROW_HEIGHT)
  const current = Math.min(active, users.length - 1)
  const tabbable = current >= rows.start && current < rows.end ? current : rows.firstVisible

  // Back from a user's page (the table mounts anew): their row is brought into view and focused.
  useEffect(() => {
    if (focusRow !== null) rows.scrollToRow(focusRow)
    // Once, on mount: later moves scroll in moveTo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // A row is focused once it is drawn: moving past the window first scrolls, then focuses.
  useEffect(() => {
    if (focusRow === null) return
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${focusRow}"]`)
    if (!row) return
    row.focus({ preventScroll: true })
    setFocusRow(null)
  }, [focusRow, rows.start, rows.end])

  function moveTo(index: number): void {
    const target = Math.max(0, Math.min(users.length - 1, index))
    setActive(target)
    rows.scrollToRow(target)
    setFocusRow(target)
  }

  function onKeyDown(event: KeyboardEvent, index: number): void {
    const page = Math.max(1, Math.floor(((scrollerRef.current?.clientHeight ?? 0) - rows.headerHeight) / ROW_HEIGHT) - 1)
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page }
    if (event.key === 'Enter') {
      event.preventDefault()
      onOpen(users[index])
    } else if (event.key in moves) {
      event.preventDefault()
      moveTo(index + moves[event.key])
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      moveTo(event.key === 'Home' ? 0 : users.length - 1)
    }
  }

  function sortBy(key: SortKey): void {
    onSort({ key, descending: sort.key === key ? !sort.descending : false })
  }

  return (
    <div ref={scrollerRef} className="users-table-scroll scroll-box" data-testid="users-table-scroll">
      <table className="table table-sm table-hover fixed-table users-table mb-0" aria-label="Users found" aria-rowcount={users.length + 1}>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} className={`users-col-${column.key}`} />
          ))}
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" className="users-sort" title={`Sort by ${column.label.toLowerCase()}`} onClick={() => sortBy(column.key)}>
                  {column.label}
                  <span className="users-sort-mark" aria-hidden="true">
                    {sort.key === column.key ? (sort.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {rows.padTop > 0 && <SpacerRow height={rows.padTop} columns={COLUMNS.length} className="users-spacer" />}
          {users.slice(rows.start, rows.end).map((user, offset) => {
            const index = rows.start + offset
            const isSelected = user.username === selected
            return (
              <tr
                key={user.username}
                data-index={index}
                aria-rowindex={index + 2}
                aria-selected={isSelected}
                className={isSelected ? 'is-selected' : undefined}
                tabIndex={index === tabbable ? 0 : -1}
                onFocus={() => setActive(index)}
                onClick={() => {
                  setActive(index)
                  onOpen(user)
                }}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                <td title={user.username}>{user.username}</td>
                <td title={user.email ?? undefined}>{user.email ?? '—'}</td>
                <td title={statusTitle(user)} className={user.enabled ? undefined : 'text-danger-emphasis fw-semibold'}>
                  {accountStatusWord(user)}
                </td>
                <td title={tierLabel(user.tier)}>
                  <TierBadge tier={user.tier} />
                </td>
              </tr>
            )
          })}
          {rows.padBottom > 0 && <SpacerRow height={rows.padBottom} columns={COLUMNS.length} className="users-spacer" />}
        </tbody>
      </table>
    </div>
  )
}
