import { useEffect, useRef } from 'react'
import type { TierMember } from '../../../../shared/domain'
import { returnSentence, type PendingReturn } from '../../../../shared/tierReturns'
import { TIER_ATTRIBUTE } from '../../../../shared/tiers'

interface Props {
  label: string
  members: TierMember[]
  selected: string | null
  onOpen: (username: string) => void
  /** Focus the selected row once drawn: the operator came back from its page. */
  focusSelected?: boolean
  /** The pool's pending tier returns by username: a column says each member's ("premium until …, then standard"). */
  returns?: Record<string, PendingReturn> | null
}

/**
 * Users as the last statistics scan copied them (a tier's users, the matches for part of an email):
 * the email first and widest, as support reads it first; a click or Enter opens the user, read afresh.
 */
export function MembersTable({ label, members, selected, onOpen, focusSelected = false, returns }: Props) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  useEffect(() => {
    if (focusSelected) bodyRef.current?.querySelector<HTMLElement>('tr[aria-selected="true"]')?.focus()
  }, [focusSelected])
  return (
    <div className="users-table-scroll scroll-box">
      <table className={`table table-sm table-hover fixed-table users-table mb-0${returns ? ' with-returns' : ''}`} aria-label={label}>
        <colgroup>
          <col className="users-members-col-email" />
          <col className="users-members-col-username" />
          <col className="users-members-col-tier" />
          {returns && <col className="users-members-col-return" />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Username</th>
            <th scope="col" title={`The ${TIER_ATTRIBUTE} value as the scan read it`}>
              Tier value
            </th>
            {returns && <th scope="col">Tier return</th>}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {members.map((member) => (
            <tr
              key={member.username}
              tabIndex={0}
              aria-selected={member.username === selected}
              className={member.username === selected ? 'is-selected' : undefined}
              onClick={() => onOpen(member.username)}
              onKeyDown={(event) => event.key === 'Enter' && onOpen(member.username)}
            >
              <td title={member.email ?? undefined}>{member.email ?? '—'}</td>
              <td title={member.username}>{member.username}</td>
              <td className="mono" title={member.tierValue}>
                {member.tierValue || '(none)'}
              </td>
              {returns && <ReturnCell pending={returns[member.username]} />}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ReturnCell({ pending }: { pending: PendingReturn | undefined }) {
  if (!pending) return <td />
  const sentence = returnSentence(pending)
  return (
    <td title={pending.flagged ? `${sentence}. ${pending.flagged}` : sentence}>
      {pending.flagged && <span className="badge text-bg-warning me-1">Check</span>}
      {sentence}
    </td>
  )
}
