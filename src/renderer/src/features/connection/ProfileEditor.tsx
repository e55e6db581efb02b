import { useEffect, useState, type FormEvent } from 'react'
import type { CredentialSource, ProfileSummary } from '../../../../shared/profiles'
import { Modal } from '../../components/Modal'
import { useStoreFields } from '../../hooks/useStoreFields'
import { ProductionMark } from './ProductionMark'
import { useProfiles } from './profilesStore'

interface Draft {
  id?: string
  name: string
  region: string
  userPoolId: string
  clientId: string
  endpoint: string
  /** The IAM role EventBridge Scheduler assumes for tier returns; empty: none. */
  schedulerRoleArn: string
  emulator: boolean
  production: boolean
  /** Unset until the operator ticks or unticks it: the default follows the production mark. */
  requireReason?: boolean
  source: string
  /** Write-only: what the operator typed; empty keeps the stored secret. */
  clientSecret: string
  clearClientSecret: boolean
  hasClientSecret: boolean
}

const EMPTY: Draft = {
  name: '',
  region: '',
  userPoolId: '',
  clientId: '',
  endpoint: '',
  schedulerRoleArn: '',
  emulator: false,
  production: false,
  source: 'default',
  clientSecret: '',
  clearClientSecret: false,
  hasClientSecret: false
}

const sourceKey = (source: CredentialSource) => (source.kind === 'profile' ? `profile:${source.profile}` : source.kind)
const sourceOf = (key: string): CredentialSource =>
  key.startsWith('profile:') ? { kind: 'profile', profile: key.slice(8) } : key === 'environment' ? { kind: 'environment' } : { kind: 'default' }

function draftOf(profile: ProfileSummary): Draft {
  return {
    ...EMPTY,
    ...profile,
    endpoint: profile.endpoint ?? '',
    schedulerRoleArn: profile.schedulerRoleArn ?? '',
    source: sourceKey(profile.credentialSource)
  }
}

/**
 * Adds, changes and deletes the operator's profiles. The client secret field is write-only: the page
 * never receives a stored secret, only whether one is set.
 */
export function ProfileEditor({ onClose }: { onClose: () => void }) {
  const { view, awsProfiles, busy, error } = useStoreFields(useProfiles, ['view', 'awsProfiles', 'busy', 'error'])
  const { loadAwsProfiles, save, remove, unmarkProduction } = useProfiles.getState()
  const editable = view?.profiles.filter((profile) => !profile.builtIn) ?? []
  const [draft, setDraft] = useState<Draft>(EMPTY)
  useEffect(() => void loadAwsProfiles(), [loadAwsProfiles])
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    const saved = await save({
      ...(draft.id ? { id: draft.id } : {}),
      name: draft.name,
      region: draft.region,
      userPoolId: draft.userPoolId,
      clientId: draft.clientId,
      ...(draft.endpoint ? { endpoint: draft.endpoint, emulator: draft.emulator } : {}),
      production: draft.production,
      ...(draft.requireReason === undefined ? {} : { requireReason: draft.requireReason }),
      credentialSource: sourceOf(draft.source),
      ...(draft.schedulerRoleArn.trim() ? { schedulerRoleArn: draft.schedulerRoleArn.trim() } : {}),
      ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
      ...(draft.clearClientSecret ? { clearClientSecret: true } : {})
    })
    if (saved) onClose()
  }

  const field = (label: string, key: 'name' | 'region' | 'userPoolId' | 'clientId' | 'endpoint' | 'schedulerRoleArn', placeholder = '', help?: string) => (
    <label className="form-label d-block small mb-2">
      {label}
      <input className="form-control form-control-sm" value={draft[key]} placeholder={placeholder} onChange={(e) => change({ [key]: e.target.value })} />
      {help && <span className="form-text d-block">{help}</span>}
    </label>
  )

  return (
    <Modal label="Connection profiles" focusable="button:not([disabled]), input:not([disabled]), select:not([disabled])" onEscape={onClose}>
      <form className="p-4" onSubmit={(event) => void submit(event)}>
        <h2 className="h5">Connection profiles</h2>
        <label className="form-label d-block small mb-3">
          Edit
          <select
            className="form-select form-select-sm"
            value={draft.id ?? ''}
            onChange={(e) => setDraft(e.target.value ? draftOf(editable.find((p) => p.id === e.target.value)!) : EMPTY)}
          >
            <option value="">New profile</option>
            {editable.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
        </label>
        {/* Beside the name, where the window has room for it at any size. */}
        <div className="d-flex gap-3 align-items-center">
          <div className="flex-grow-1">{field('Name', 'name', 'Staging')}</div>
          <label className="form-check small text-nowrap mt-2" title="Every write then needs a ticket or reason, in the app and the CLI (--reason)">
            <input
              type="checkbox"
              className="form-check-input"
              checked={draft.requireReason ?? draft.production}
              onChange={(e) => change({ requireReason: e.target.checked })}
            />
            Require a reason for writes
          </label>
        </div>
        <div className="d-flex gap-2">
          {field('Region', 'region', 'eu-west-1')}
          {field('User pool ID', 'userPoolId', 'eu-west-1_AbC123')}
        </div>
        {/* Side by side, so the editor with the scheduler role still fits a 640-pixel-high window. */}
        <div className="d-flex gap-2">
          <div className="flex-grow-1 w-50">{field('App client ID', 'clientId')}</div>
          <label className="form-label d-block small mb-2 flex-grow-1 w-50">
            Client secret {draft.hasClientSecret && !draft.clearClientSecret && <span className="badge text-bg-secondary">secret set</span>}
            <input
              type="password"
              autoComplete="off"
              className="form-control form-control-sm"
              value={draft.clientSecret}
              placeholder={draft.hasClientSecret ? 'Type a new secret to replace it' : 'None (optional)'}
              onChange={(e) => change({ clientSecret: e.target.value })}
            />
          </label>
        </div>
        {draft.hasClientSecret && (
          <label className="form-check small mb-2">
            <input
              type="checkbox"
              className="form-check-input"
              checked={draft.clearClientSecret}
              onChange={(e) => change({ clearClientSecret: e.target.checked })}
            />
            Remove the stored secret
          </label>
        )}
        {field('Endpoint (optional: an emulator or VPC endpoint)', 'endpoint', 'https://…')}
        {field(
          'Scheduler role ARN (optional: for tier returns)',
          'schedulerRoleArn',
          'arn:aws:iam::123456789012:role/tier-admin-returns',
          'The IAM role EventBridge Scheduler assumes to call Cognito when a tier returns.'
        )}
        <label className="form-label d-block small mb-2">
          AWS credentials
          <select className="form-select form-select-sm" value={draft.source} onChange={(e) => change({ source: e.target.value })}>
            <option value="default">SDK default chain</option>
            <option value="environment">Environment variables (AWS_ACCESS_KEY_ID…)</option>
            {awsProfiles.map((profile) => (
              <option key={profile.name} value={`profile:${profile.name}`}>
                AWS profile {profile.name}
                {profile.sso ? ' (SSO)' : ''}
              </option>
            ))}
          </select>
        </label>
        {/* One above the other: side by side, both were squeezed into narrow columns four lines high. */}
        <div className="d-flex flex-column gap-1 mb-3">
          <label className="form-check small mb-0">
            <input
              type="checkbox"
              className="form-check-input"
              disabled={!draft.endpoint}
              checked={draft.emulator && Boolean(draft.endpoint)}
              onChange={(e) => change({ emulator: e.target.checked })}
            />
            The endpoint is an emulator
          </label>
          <ProductionMark
            region={draft.region}
            userPoolId={draft.userPoolId}
            marked={draft.production}
            busy={busy}
            onMark={(production) => change({ production })}
            onUnmark={async (typedPoolId) => {
              const view = await unmarkProduction({ region: draft.region, userPoolId: draft.userPoolId, typedPoolId })
              const after = view?.profiles.find((profile) => profile.id === draft.id)
              if (after) change({ production: after.production })
            }}
          />
        </div>
        {error && (
          <div className="alert alert-danger py-2 small" role="alert">
            {error.message}
          </div>
        )}
        <div className="d-flex justify-content-end gap-2">
          {draft.id && (
            <button type="button" className="btn btn-outline-danger me-auto" disabled={busy} onClick={() => void remove(draft.id!).then(() => setDraft(EMPTY))}>
              Delete
            </button>
          )}
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  )
}
