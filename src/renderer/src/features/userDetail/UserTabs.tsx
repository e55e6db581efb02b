import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { PAGE_TABS, type PageTab } from './userPageStore'

export const TAB_LABELS: Record<PageTab, string> = {
  tier: 'Tier',
  attributes: 'Attributes',
  security: 'Security',
  events: 'Sign-in events',
  identities: 'Linked identities',
  groups: 'Groups',
  history: 'History'
}

interface Props {
  tab: PageTab
  onOpen: (tab: PageTab) => void
  /** The open tab's content. */
  children: ReactNode
}

/** The sections below the header, one at a time; arrow keys move between tabs, as a tab list should. */
export function UserTabs({ tab, onOpen, children }: Props) {
  const listRef = useRef<HTMLDivElement>(null)
  function onKeyDown(event: KeyboardEvent): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    event.preventDefault()
    const next = PAGE_TABS[(PAGE_TABS.indexOf(tab) + step + PAGE_TABS.length) % PAGE_TABS.length]!
    onOpen(next)
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLButtonElement>(`#user-tab-${next}`)?.focus())
  }
  return (
    <div className="user-tabs">
      <div ref={listRef} role="tablist" aria-label="About this user" className="nav nav-tabs user-tab-list" onKeyDown={onKeyDown}>
        {PAGE_TABS.map((name) => (
          <button
            key={name}
            id={`user-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls="user-tab-panel"
            tabIndex={tab === name ? 0 : -1}
            className={`nav-link${tab === name ? ' active' : ''}`}
            onClick={() => onOpen(name)}
          >
            {TAB_LABELS[name]}
          </button>
        ))}
      </div>
      <div id="user-tab-panel" role="tabpanel" aria-label={`${TAB_LABELS[tab]} tab`} className="user-tab-panel">
        {children}
      </div>
    </div>
  )
}
