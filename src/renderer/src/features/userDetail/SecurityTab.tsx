import { useState } from 'react'
import type { PoolInfo, UserDetail } from '../../../../shared/domain'
import { MFA_METHOD_WORDS, type UserDevice } from '../../../../shared/support'
import { BusyButton } from '../../components/BusyButton'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDateTime } from '../../lib/format'
import { mfaResetWords } from './actionQuestions'
import { PasswordForm } from './PasswordForm'
import { SpotResult } from './SpotResult'
import type { usePageTabs } from './userPageStore'
import { ActionTableHead } from '../../components/ActionTableHead'

type Tabs = ReturnType<typeof usePageTabs.getState>

interface Props {
  user: UserDetail
  pool: PoolInfo | null
  tabs: Pick<Tabs, 'busy' | 'notice' | 'error' | 'devices' | 'devicesError' | 'loadingMore' | 'passwordMode'>
  onSetPassword: (permanent: boolean, password?: string) => Promise<boolean>
  onResetMfa: () => void
  onForget: (device: UserDevice) => void
  onMoreDevices: () => void
}

const POOL_MFA = { ON: 'Required for every user', OPTIONAL: 'Optional: each user chooses', OFF: 'Off' } as const

/** Passwords, MFA and remembered devices: what decides how this person signs in, and the ways to reset each. */
export function SecurityTab({ user, pool, tabs, onSetPassword, onResetMfa, onForget, onMoreDevices }: Props) {
  const [asking, setAsking] = useState<'mfa' | UserDevice | null>(null)
  const federated = user.status === 'EXTERNAL_PROVIDER'
  const security = pool?.security
  const mfa = user.mfa
  const devices = tabs.devices

  return (
    <div className="user-security">
      <section aria-labelledby="password-heading">
        <h3 id="password-heading" className="users-section-title">
          Password
        </h3>
        {federated ? (
          <p className="small text-body-secondary">They sign in through an external provider: there is no password in this pool to set.</p>
        ) : (
          <PasswordForm
            key={`${user.username}:${tabs.passwordMode}`}
            username={user.username}
            policy={pool?.passwordPolicy ?? null}
            initialMode={tabs.passwordMode}
            busy={tabs.busy === 'password:set'}
            onSet={onSetPassword}
          />
        )}
        <SpotResult spot="password" username={user.username} notice={tabs.notice} error={tabs.error} />
      </section>

      <section className="users-section" aria-labelledby="mfa-heading">
        <h3 id="mfa-heading" className="users-section-title">
          MFA
        </h3>
        <dl className="users-facts">
          <dt>Methods</dt>
          <dd>{mfa ? (mfa.enabled.length ? mfa.enabled.map((method) => MFA_METHOD_WORDS[method]).join(', ') : 'None set up') : 'Not read'}</dd>
          <dt>Preferred</dt>
          <dd>{mfa?.preferred ? MFA_METHOD_WORDS[mfa.preferred] : '—'}</dd>
          <dt>Pool</dt>
          <dd>
            {security ? POOL_MFA[security.mfaConfiguration] : 'Not read'}
            {security && security.mfaMethods.length > 0 && ` · offers ${security.mfaMethods.map((method) => MFA_METHOD_WORDS[method]).join(', ')}`}
          </dd>
        </dl>
        <BusyButton
          busy={tabs.busy === 'mfa:reset'}
          disabled={tabs.busy !== null || !mfa?.enabled.length}
          className="btn btn-outline-secondary btn-sm mt-2"
          onClick={() => setAsking('mfa')}
        >
          Reset MFA…
        </BusyButton>
        <SpotResult spot="mfa" username={user.username} notice={tabs.notice} error={tabs.error} />
      </section>

      <section className="users-section" aria-labelledby="devices-heading">
        <h3 id="devices-heading" className="users-section-title">
          Remembered devices
        </h3>
        <ErrorAlert error={tabs.devicesError} />
        {!devices && !tabs.devicesError && <p className="small text-body-secondary mb-0">Reading devices…</p>}
        {devices && devices.items.length === 0 && (
          <p className="small text-body-secondary mb-0">No devices.{security?.deviceTracking === 'off' ? ' This pool does not remember devices.' : ''}</p>
        )}
        {devices && devices.items.length > 0 && (
          <table className="table table-sm small mb-1" aria-label="Devices">
            <ActionTableHead columns={['Device', 'Last seen', 'Remembered']} />
            <tbody>
              {devices.items.map((device) => (
                <tr key={device.key}>
                  <td className="text-break">
                    {device.name ?? 'Unnamed device'}
                    {device.lastIp && <div className="text-body-secondary">{device.lastIp}</div>}
                  </td>
                  <td>{formatDateTime(device.lastAuthenticatedAt)}</td>
                  <td>{device.remembered ? 'yes' : 'no'}</td>
                  <td className="text-end">
                    <BusyButton
                      busy={tabs.busy === `devices:${device.key}`}
                      disabled={tabs.busy !== null}
                      className="btn btn-link btn-sm"
                      aria-label={`Forget ${device.name ?? device.key}`}
                      onClick={() => setAsking(device)}
                    >
                      Forget
                    </BusyButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {devices?.nextToken && (
          <BusyButton busy={tabs.loadingMore === 'devices'} className="btn btn-outline-secondary btn-sm" onClick={onMoreDevices}>
            More devices
          </BusyButton>
        )}
        <SpotResult spot="devices" username={user.username} notice={tabs.notice} error={tabs.error} />
      </section>

      {asking && (
        <ConfirmDialog
          title={asking === 'mfa' ? `Reset ${user.username}'s MFA?` : `Forget ${asking.name ?? 'this device'}?`}
          confirmLabel={asking === 'mfa' ? 'Reset MFA' : 'Forget device'}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null)
            if (asking === 'mfa') onResetMfa()
            else onForget(asking)
          }}
        >
          {asking === 'mfa'
            ? mfaResetWords(pool)
            : `The device is no longer remembered: the next sign-in from it is treated as from a new device${security?.mfaConfiguration === 'OFF' ? '' : ' and asks for MFA where the pool would'}.`}
        </ConfirmDialog>
      )}
    </div>
  )
}
