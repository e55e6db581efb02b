import { useState } from 'react'
import type { UserDetail } from '../../../../shared/domain'
import type { LinkedIdentity } from '../../../../shared/support'
import { BusyButton } from '../../components/BusyButton'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { formatDateTime } from '../../lib/format'
import { SpotResult } from './SpotResult'
import type { SpotError, SpotNotice } from './userPageStore'
import { ActionTableHead } from '../../components/ActionTableHead'

interface Props {
  user: UserDetail
  busy: string | null
  notice: SpotNotice | null
  error: SpotError | null
  onUnlink: (identity: LinkedIdentity) => void
}

/** What the person loses when a provider is unlinked: said in the confirmation, before it is done. */
function unlinkWords(user: UserDetail, identity: LinkedIdentity): string {
  const only = user.identities.length === 1 && user.status === 'EXTERNAL_PROVIDER'
  return only
    ? `${identity.providerName} is the only way ${user.username} signs in: after unlinking, this user cannot sign in at all, and their next ${identity.providerName} sign-in creates a new, separate user without this one’s tier, groups or attributes.`
    : `${user.username} can no longer sign in to this user through ${identity.providerName}; a ${identity.providerName} sign-in then creates a new, separate user. Their other ways to sign in stay.`
}

/** The external sign-ins linked to this user (the `identities` attribute), each unlinkable after a confirmation. */
export function IdentitiesTab({ user, busy, notice, error, onUnlink }: Props) {
  const [asking, setAsking] = useState<LinkedIdentity | null>(null)
  return (
    <div>
      {user.identities.length === 0 ? (
        <p className="small text-body-secondary mb-0">No external sign-in is linked: {user.username} signs in with a password of this pool.</p>
      ) : (
        <table className="table table-sm small mb-1" aria-label="Linked identities">
          <ActionTableHead columns={['Provider', 'Id at the provider', 'Linked']} />
          <tbody>
            {user.identities.map((identity) => (
              <tr key={`${identity.providerName}:${identity.userId}`}>
                <td>
                  {identity.providerName}
                  <div className="text-body-secondary">
                    {identity.providerType}
                    {identity.primary ? ' · primary' : ''}
                  </div>
                </td>
                <td className="mono text-break">{identity.userId}</td>
                <td>{formatDateTime(identity.dateCreated)}</td>
                <td className="text-end">
                  <BusyButton
                    busy={busy === `identities:${identity.providerName}:${identity.userId}`}
                    disabled={busy !== null}
                    className="btn btn-link btn-sm text-danger"
                    aria-label={`Unlink ${identity.providerName}`}
                    onClick={() => setAsking(identity)}
                  >
                    Unlink…
                  </BusyButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SpotResult spot="identities" username={user.username} notice={notice} error={error} />
      {asking && (
        <ConfirmDialog
          title={`Unlink ${asking.providerName} from ${user.username}?`}
          confirmLabel="Unlink"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null)
            onUnlink(asking)
          }}
        >
          {unlinkWords(user, asking)}
        </ConfirmDialog>
      )}
    </div>
  )
}
