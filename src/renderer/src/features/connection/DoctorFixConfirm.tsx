import { CUSTOM_ATTRIBUTE_IS_PERMANENT, type DoctorCheck } from '../../../../shared/doctor'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { WriteReasonField } from './WriteReasonField'

/**
 * The question before a doctor fix: for the tier attribute, that it can never be removed; for an app
 * client, which client and its write list before → after, so the operator sees exactly what changes.
 */
export function DoctorFixConfirm({ check, onConfirm, onCancel }: { check: DoctorCheck; onConfirm: () => void; onCancel: () => void }) {
  const client = check.clientFix
  if (!client) {
    return (
      <ConfirmDialog title="Add custom:user_tier to this pool?" confirmLabel="Add custom:user_tier" onConfirm={onConfirm} onCancel={onCancel}>
        <p className="mb-2">{CUSTOM_ATTRIBUTE_IS_PERMANENT}</p>
        <WriteReasonField variant="dialog" />
      </ConfirmDialog>
    )
  }
  const removed = client.before.filter((name) => !client.after.includes(name))
  return (
    <ConfirmDialog title={`Make the tier read-only for "${client.clientName}"?`} confirmLabel="Make read-only" onConfirm={onConfirm} onCancel={onCancel}>
      <dl className="row small mb-2">
        <dt className="col-sm-4">App client</dt>
        <dd className="col-sm-8 text-break">
          {client.clientName} <span className="text-body-secondary">({client.clientId})</span>
        </dd>
        <dt className="col-sm-4">Write list now</dt>
        <dd className="col-sm-8 text-break" data-testid="write-before">
          {client.before.map((name, index) => (
            <span key={name}>
              {index > 0 && ', '}
              {removed.includes(name) ? <del>{name}</del> : name}
            </span>
          ))}
        </dd>
        <dt className="col-sm-4">Write list after</dt>
        <dd className="col-sm-8 text-break" data-testid="write-after">
          {client.after.join(', ')}
        </dd>
      </dl>
      <p className="mb-2 small">
        Every other setting of the client is sent back unchanged. Its users can then no longer change their own tier; this app still sets it as an
        administrator. The change is written to the audit trail.
      </p>
      <WriteReasonField variant="dialog" />
    </ConfirmDialog>
  )
}
