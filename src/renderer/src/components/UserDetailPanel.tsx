import { useState } from 'react'
import type { UserDetail } from '../../../shared/domain'
import type { AppErrorShape } from '../../../shared/errors'
import { TIER_ATTRIBUTE, TIER_DESCRIPTIONS, TIERS } from '../../../shared/tiers'
import { formatDateTime } from '../utils/format'
import { BusyButton } from './BusyButton'
import { ErrorAlert } from './ErrorAlert'
import { TierBadge } from './TierBadge'

interface Props {
  user: UserDetail
  saving: boolean
  error: AppErrorShape | null
  onSaveTier: (tier: string) => void
}

const SHOWN_ABOVE = new Set(['sub', 'email', 'email_verified', TIER_ATTRIBUTE])

/** One user in full, with the tier editor. */
export function UserDetailPanel({ user, saving, error, onSaveTier }: Props) {
  const current = user.tier.kind === 'tier' ? user.tier.tier : ''
  const [tier, setTier] = useState<string>(current)
  const others = user.attributes.filter((attribute) => !SHOWN_ABOVE.has(attribute.name))
  return (
    <section className="card" aria-labelledby="user-detail-heading">
      <div className="card-header d-flex align-items-center gap-2">
        <h2 id="user-detail-heading" className="h5 mb-0 me-auto">
          {user.username}
        </h2>
        <TierBadge tier={user.tier} />
      </div>
      <div className="card-body">
        <dl className="row mb-3">
          <dt className="col-4">Status</dt>
          <dd className="col-8">{user.status}</dd>
          <dt className="col-4">Enabled</dt>
          <dd className="col-8">{user.enabled ? 'yes' : <span className="text-danger">no (disabled)</span>}</dd>
          <dt className="col-4">Email</dt>
          <dd className="col-8">
            {user.email ?? '—'}{' '}
            {user.email && (
              <span className={`badge ${user.emailVerified ? 'text-bg-success' : 'text-bg-light border'}`}>
                {user.emailVerified ? 'verified' : 'not verified'}
              </span>
            )}
          </dd>
          <dt className="col-4">Created</dt>
          <dd className="col-8">{formatDateTime(user.createdAt)}</dd>
          <dt className="col-4">Modified</dt>
          <dd className="col-8">{formatDateTime(user.modifiedAt)}</dd>
          <dt className="col-4">Sub</dt>
          <dd className="col-8 mono small">{user.sub}</dd>
        </dl>

        <form
          className="border rounded p-3 mb-3 bg-light"
          onSubmit={(event) => {
            event.preventDefault()
            onSaveTier(tier)
          }}
        >
          <label htmlFor="detail-tier" className="form-label fw-semibold">
            Tier
          </label>
          {user.tier.kind !== 'tier' && (
            <p className="small text-warning-emphasis mb-2">
              {user.tier.kind === 'none'
                ? 'This user has no tier. Choose one to set it.'
                : `The stored value "${user.tier.value}" is not a tier. Choose one to repair it.`}
            </p>
          )}
          <div className="d-flex flex-column align-items-start gap-2">
            <select id="detail-tier" className="form-select" value={tier} onChange={(event) => setTier(event.target.value)}>
              {current === '' && <option value="">Choose a tier…</option>}
              {TIERS.map((option) => (
                <option key={option} value={option}>
                  {TIER_DESCRIPTIONS[option]}
                </option>
              ))}
            </select>
            <BusyButton busy={saving} type="submit" disabled={tier === '' || tier === current}>
              Save tier
            </BusyButton>
          </div>
        </form>
        <ErrorAlert error={error} />

        <h3 className="h6">Other attributes</h3>
        {others.length === 0 ? (
          <p className="text-muted small">None.</p>
        ) : (
          <table className="table table-sm" aria-label="Other attributes">
            <tbody>
              {others.map((attribute) => (
                <tr key={attribute.name}>
                  <th scope="row" className="mono small fw-normal">
                    {attribute.name}
                  </th>
                  <td>{attribute.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}
