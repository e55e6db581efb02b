import type { PoolInfo, UserDetail } from '../../../../shared/domain'
import { MFA_METHOD_WORDS, type UserMfa } from '../../../../shared/support'
import { accountStatusWord, statusTitle } from '../../../../shared/userStatus'
import { TierBadge } from '../../components/TierBadge'
import { CopyButton } from './CopyButton'

const POOL_MFA_WORDS = { ON: 'required by the pool', OPTIONAL: 'optional on this pool', OFF: 'off on this pool' } as const

function mfaWords(mfa: UserMfa | undefined): string {
  if (!mfa) return 'not read'
  if (!mfa.enabled.length) return 'none set up'
  return mfa.enabled.map((method) => `${MFA_METHOD_WORDS[method]}${method === mfa.preferred ? ' (preferred)' : ''}`).join(', ')
}

function Verified({ yes }: { yes: boolean }) {
  return <span className={`badge ${yes ? 'text-bg-success' : 'text-bg-secondary'}`}>{yes ? 'verified' : 'not verified'}</span>
}

/** Who the person is at a glance: status, enabled, tier, email and phone with whether each is verified, MFA, and the sub a ticket may quote. */
export function UserFacts({ user, pool }: { user: UserDetail; pool: PoolInfo | null }) {
  const poolMfa = pool?.security?.mfaConfiguration
  return (
    <dl className="user-facts">
      <div>
        <dt>Status</dt>
        <dd title={statusTitle(user)}>{accountStatusWord(user)}</dd>
      </div>
      <div>
        <dt>Enabled</dt>
        <dd>{user.enabled ? 'yes' : <span className="text-danger-emphasis fw-semibold">no</span>}</dd>
      </div>
      <div>
        <dt>Tier</dt>
        <dd>
          <TierBadge tier={user.tier} />
        </dd>
      </div>
      <div className="user-facts-wide">
        <dt>Email</dt>
        <dd>
          {user.email ? (
            <>
              <span className="text-break">{user.email}</span> <Verified yes={user.emailVerified} />
              <CopyButton value={user.email} what="email" />
            </>
          ) : (
            '—'
          )}
        </dd>
      </div>
      <div>
        <dt>Phone</dt>
        <dd>
          {user.phone ? (
            <>
              <span className="text-break">{user.phone}</span> <Verified yes={user.phoneVerified} />
            </>
          ) : (
            '—'
          )}
        </dd>
      </div>
      <div>
        <dt>MFA</dt>
        <dd>
          {mfaWords(user.mfa)}
          {poolMfa && <span className="text-body-secondary"> · {POOL_MFA_WORDS[poolMfa]}</span>}
        </dd>
      </div>
      <div className="user-facts-wide">
        <dt>Sub</dt>
        <dd>
          <span className="mono text-break">{user.sub || '—'}</span>
          {user.sub && <CopyButton value={user.sub} what="sub" />}
        </dd>
      </div>
    </dl>
  )
}
