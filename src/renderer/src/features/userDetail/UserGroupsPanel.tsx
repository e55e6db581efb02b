import { useEffect, useRef, useState } from 'react'
import type { UserGroups } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { BusyButton } from '../../components/BusyButton'
import { focusResult } from '../../hooks/useFocusedResult'
import { whenSubmitted } from '../../lib/forms'
import type { Outcome } from '../users/usersStore'
import { ActionResult } from './ActionResult'

interface Props {
  groups: UserGroups | null
  /** The group being added or removed, while Cognito answers. */
  busy: string | null
  outcome: Outcome | null
  error: AppErrorShape | null
  onAdd: (group: string) => void
  onRemove: (group: string) => void
}

/**
 * The user's groups, and the pool's other groups to add them to. Adding and removing are undone as
 * easily as done, so neither asks first; the result shows under the list.
 */
export function UserGroupsPanel({ groups, busy, outcome, error, onAdd, onRemove }: Props) {
  const [chosen, setChosen] = useState('')
  const resultRef = useRef<HTMLDivElement>(null)
  // Focus follows the result of a change the operator made, not a failed read on selection (which
  // would pull focus out of the list while they walk it).
  const wasBusy = useRef(false)
  useEffect(() => {
    if (wasBusy.current && busy === null) focusResult(resultRef.current)
    wasBusy.current = busy !== null
  }, [busy])
  const available = groups?.available ?? []
  const toAdd = available.some((group) => group.name === chosen) ? chosen : (available[0]?.name ?? '')

  return (
    <section aria-labelledby="user-groups-heading">
      <h3 id="user-groups-heading" className="users-section-title">
        Groups
      </h3>
      {!groups && !error && <p className="small text-body-secondary mb-0">Reading groups…</p>}
      {groups && (
        <>
          {groups.member.length === 0 ? (
            <p className="small text-body-secondary mb-2">In no group.</p>
          ) : (
            <ul className="list-unstyled users-group-list" aria-label="Groups the user is in">
              {groups.member.map((group) => (
                <li key={group.name}>
                  <span className="text-truncate" title={group.description ?? group.name}>
                    {group.name}
                  </span>
                  <BusyButton
                    busy={busy === group.name}
                    disabled={busy !== null}
                    className="btn btn-link btn-sm p-0"
                    aria-label={`Remove from ${group.name}`}
                    onClick={() => onRemove(group.name)}
                  >
                    Remove
                  </BusyButton>
                </li>
              ))}
            </ul>
          )}
          {available.length === 0 ? (
            <p className="small text-body-secondary mb-0">{groups.member.length ? 'In every group of the pool.' : 'The pool has no groups.'}</p>
          ) : (
            <form className="users-inline-form" onSubmit={whenSubmitted(() => toAdd && onAdd(toAdd))}>
              <label htmlFor="user-group-add" className="visually-hidden">
                Group to add the user to
              </label>
              <select id="user-group-add" className="form-select form-select-sm" value={toAdd} onChange={(event) => setChosen(event.target.value)}>
                {available.map((group) => (
                  <option key={group.name} value={group.name}>
                    {group.name}
                  </option>
                ))}
              </select>
              <BusyButton
                busy={busy !== null && busy === toAdd}
                disabled={busy !== null}
                type="submit"
                className="btn btn-outline-secondary btn-sm text-nowrap"
              >
                Add to group
              </BusyButton>
            </form>
          )}
        </>
      )}
      <ActionResult ref={resultRef} outcome={outcome} error={error} />
    </section>
  )
}
