import { useState } from 'react'
import { OUTSIDE_CHANGE_NOTE } from '../../../../shared/tierReturns'
import { TIERS, type Tier } from '../../../../shared/tiers'
import { localDateTime, localInputToInstant } from '../../lib/localInstant'
import { activeProfile, useProfiles } from '../connection/profilesStore'
import type { ReturnChoice } from '../users/usersStore'

/** What the tier editor's button says: what saving does, the return included. */
export function saveLabel(tier: Tier | undefined, scheduled: ReturnChoice | null): string {
  if (!tier || !scheduled) return 'Save tier'
  return `Give ${tier} until ${localDateTime(scheduled.until)}, then ${scheduled.then}`
}

interface Props {
  /** The return asked for, or null while "Until" is empty (or not a time). */
  onChange: (scheduled: ReturnChoice | null) => void
  /** Starts the fields' ids, one per place they are shown (the tier editor, the bulk panel). */
  idPrefix?: string
}

/**
 * "Until … then …" of the tier editor and the bulk panel: a grant that a schedule in EventBridge
 * Scheduler takes back on the day. The schedule runs as the profile's scheduler role: without one the
 * field says where to set it.
 */
export function ReturnFields({ onChange, idPrefix = 'detail-tier' }: Props) {
  const [when, setWhen] = useState('')
  const [then, setThen] = useState<Tier>('standard')
  // Profiles not read yet: the field stays open and main says what is missing, if anything.
  const noRole = useProfiles((state) => state.view !== null && !activeProfile(state.view)?.schedulerRoleArn)

  function change(nextWhen: string, nextThen: Tier): void {
    setWhen(nextWhen)
    setThen(nextThen)
    const until = localInputToInstant(nextWhen)
    onChange(until ? { until, then: nextThen } : null)
  }

  return (
    <div className="tier-return-fields mt-2">
      <div className="d-flex flex-wrap align-items-end gap-2">
        <div>
          <label htmlFor={`${idPrefix}-until`} className="form-label small mb-1">
            Until <span className="text-body-secondary">(optional, your local time)</span>
          </label>
          <input
            id={`${idPrefix}-until`}
            type="datetime-local"
            className="form-control form-control-sm"
            value={when}
            disabled={noRole}
            aria-describedby={noRole ? `${idPrefix}-no-role` : when !== '' ? `${idPrefix}-outside` : undefined}
            onChange={(event) => change(event.target.value, then)}
          />
        </div>
        {when !== '' && (
          <div>
            <label htmlFor={`${idPrefix}-then`} className="form-label small mb-1">
              then
            </label>
            <select id={`${idPrefix}-then`} className="form-select form-select-sm" value={then} onChange={(event) => change(when, event.target.value as Tier)}>
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {tier}
                </option>
              ))}
            </select>
          </div>
        )}
        {when !== '' && (
          <button type="button" className="btn btn-link btn-sm" onClick={() => change('', then)}>
            No end date
          </button>
        )}
      </div>
      {noRole ? (
        <p id={`${idPrefix}-no-role`} className="small text-warning-emphasis mb-0 mt-1">
          A tier with an end date needs a scheduler role in this profile (the IAM role EventBridge Scheduler uses to set the tier back): add it under
          “Profiles…” at the top, in the Scheduler role field.
        </p>
      ) : (
        when !== '' && (
          <p id={`${idPrefix}-outside`} className="small text-body-secondary mb-0 mt-1">
            {OUTSIDE_CHANGE_NOTE}
          </p>
        )
      )}
    </div>
  )
}
