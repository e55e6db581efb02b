import { useState } from 'react'
import { quoted } from '../../../../shared/display'
import type { UserDetail } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { TIER_DESCRIPTIONS, TIERS, type Tier } from '../../../../shared/tiers'
import { BusyButton } from '../../components/BusyButton'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { TierBadge } from '../../components/TierBadge'
import { useFocusedResult } from '../../hooks/useFocusedResult'
import { whenSubmitted } from '../../lib/forms'
import type { Outcome, ReturnChoice, TierConflict } from '../users/usersStore'
import { ActionResult } from './ActionResult'
import { ReturnFields, saveLabel } from './ReturnFields'
import { TakesEffectNote } from './TakesEffectNote'

interface Props {
  user: UserDetail
  saving: boolean
  outcome: Outcome | null
  error: AppErrorShape | null
  conflict: TierConflict | null
  onSave: (tier: Tier, scheduled?: ReturnChoice) => void
  onOverwrite: (conflict: TierConflict) => void
  onKeepNewer: () => void
}

/**
 * The tier editor. Its result appears under it, once, and takes focus (the Save button it came from
 * is disabled once the tier is saved). A tier changed elsewhere since it was shown is put to the
 * operator before anything is overwritten.
 */
export function TierEditor({ user, saving, outcome, error, conflict, onSave, onOverwrite, onKeepNewer }: Props) {
  const stored = user.tier.kind === 'tier' ? user.tier.tier : ''
  // A cut registration offers the tier it meant to give: saving it finishes the registration.
  const [tier, setTier] = useState<string>(user.tier.kind === 'unfinished' ? user.tier.tier : stored)
  const resultRef = useFocusedResult(outcome, error)
  // "Until" and "then": the grant is taken back by a schedule; null while no return is asked for.
  const [scheduled, setScheduled] = useState<ReturnChoice | null>(null)
  const chosen = TIERS.find((option) => option === tier)
  return (
    <form className="users-tier-editor" onSubmit={whenSubmitted(() => chosen && onSave(chosen, scheduled ?? undefined))}>
      <div className="users-tier-label">
        <label htmlFor="detail-tier" className="form-label fw-semibold mb-0">
          Tier
        </label>
        <TierBadge tier={user.tier} />
      </div>
      {user.tier.kind !== 'tier' && (
        <p className="small text-warning-emphasis mb-2">
          {user.tier.kind === 'none'
            ? 'This user has no tier. Choose one to set it.'
            : user.tier.kind === 'unfinished'
              ? `The registration was cut before its tier was set: it was meant to be ${user.tier.tier}. Save ${user.tier.tier} to finish it.`
              : `The stored value ${quoted(user.tier.value)} is not a tier. Choose one to repair it.`}
        </p>
      )}
      <div className="users-tier-row">
        <select id="detail-tier" className="form-select" value={tier} onChange={(event) => setTier(event.target.value)}>
          {stored === '' && <option value="">Choose a tier…</option>}
          {TIERS.map((option) => (
            <option key={option} value={option}>
              {TIER_DESCRIPTIONS[option]}
            </option>
          ))}
        </select>
        {/* Right after the tier, one Tab away (the date field below takes several); with an end date its
            sentence is long and it wraps under the tier rather than squeezing it. */}
        <BusyButton busy={saving} type="submit" disabled={!chosen || (tier === stored && !scheduled)}>
          {saveLabel(chosen, scheduled)}
        </BusyButton>
      </div>
      <ReturnFields onChange={setScheduled} />
      <ActionResult ref={resultRef} outcome={outcome} error={error} />
      {outcome?.takesEffect && <TakesEffectNote effect={outcome.takesEffect} signOutHere />}
      {conflict && (
        <ConfirmDialog
          title="The tier changed since it was shown"
          confirmLabel={`Overwrite with ${conflict.tier}`}
          onConfirm={() => onOverwrite(conflict)}
          onCancel={onKeepNewer}
        >
          <p className="mb-2">{conflict.message}</p>
          <p className="mb-0">Cancel shows the user as they are now, without changing anything.</p>
        </ConfirmDialog>
      )}
    </form>
  )
}
