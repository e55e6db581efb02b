import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useProductionConfirm, WRITE_WORDS } from './productionConfirmStore'

/** The question asked before each write on a production profile (asked by the api wrapper, shown here). */
export function ProductionConfirmHost() {
  const pending = useProductionConfirm((state) => state.pending)
  if (!pending) return null
  return (
    <ConfirmDialog
      title="Write to the production pool?"
      confirmLabel={`Yes, ${WRITE_WORDS[pending.operation]} in production`}
      onConfirm={() => pending.answer(true)}
      onCancel={() => pending.answer(false)}
    >
      <p className="mb-2">
        Profile <strong>{pending.profileName}</strong> is marked <strong>production</strong>. You are about to {WRITE_WORDS[pending.operation]} in pool{' '}
        <strong className="mono">{pending.poolLabel}</strong>.
      </p>
      <p className="mb-0 small text-muted">Real users are affected. Cancel sends nothing.</p>
    </ConfirmDialog>
  )
}
