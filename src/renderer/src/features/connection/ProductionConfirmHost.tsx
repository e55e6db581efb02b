import { ConfirmDialog } from '../../components/ConfirmDialog'
import { activeProfile, useProfiles } from './profilesStore'
import { useProductionConfirm, WRITE_WORDS } from './productionConfirmStore'
import { WriteReasonField } from './WriteReasonField'
import { useWriteReason } from './writeReasonStore'

/** The question asked before each write on a production profile (asked by the api wrapper, shown here), with the write's reason. */
export function ProductionConfirmHost() {
  const pending = useProductionConfirm((state) => state.pending)
  const required = useProfiles((state) => activeProfile(state.view)?.requireReason === true)
  const reasonMissing = useWriteReason((state) => !state.reason.trim())
  if (!pending) return null
  return (
    <ConfirmDialog
      title="Write to the production pool?"
      confirmLabel={`Yes, ${WRITE_WORDS[pending.operation]} in production`}
      confirmDisabled={required && reasonMissing}
      onConfirm={() => pending.answer(true)}
      onCancel={() => pending.answer(false)}
    >
      <p className="mb-2">
        Profile <strong>{pending.profileName}</strong> is marked <strong>production</strong>. You are about to {WRITE_WORDS[pending.operation]} in pool{' '}
        <strong className="mono">{pending.poolLabel}</strong>.
      </p>
      <WriteReasonField variant="dialog" />
      <p className="mb-0 small text-muted">Real users are affected. Cancel sends nothing.</p>
    </ConfirmDialog>
  )
}
