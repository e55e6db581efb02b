import { TIER_ATTRIBUTE_MISSING } from '../../../../shared/attributeAdvice'
import type { ConnectionStatus, PoolInfo } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { BusyButton } from '../../components/BusyButton'
import { clampText } from '../../lib/clampText'
import type { ConnectionView } from '../../stores/connectionStore'
import { BarAlert, HealthAlert, StatusAlert } from './ConnectionAlerts'
import { PoolDoctorButton } from './PoolDoctorPanel'
import { ProductionConfirmHost } from './ProductionConfirmHost'
import { ProfilePicker } from './ProfilePicker'
import { WriteReasonField } from './WriteReasonField'
import { UnfinishedRegistrations } from './UnfinishedRegistrations'
import { activeProfile, useProfiles } from './profilesStore'

interface Props extends ConnectionView {
  onCheckPool: () => void
  onCheckHealth: () => void
  onRestartSandbox: () => void
  onRestoreSandbox: () => void
}

/**
 * Always visible: which pool every action goes to, whether it is the sandbox, and whether it answers.
 * At most one alert shows under it, the most basic problem first: no connection, then a pool that
 * stopped answering, then what the pool check found.
 */
export function ConnectionBar(props: Props) {
  const { status, pool, poolError, checkingPool, health, busy, actionError } = props
  // A production profile turns the whole bar red, naming the pool, so no screen can be mistaken for a sandbox.
  const production = useProfiles((state) => activeProfile(state.view)?.production === true)
  return (
    <header className={`app-header ${production ? 'bg-danger text-white' : 'bg-body'} border-bottom px-4 py-2`} role="banner">
      <div className="d-flex align-items-center column-gap-3 row-gap-1 flex-wrap">
        <span className="fw-bold fs-5 me-2">Tier Admin</span>
        <ProfilePicker production={production} />
        {production && (
          <strong className="text-nowrap" aria-label="Production pool">
            PRODUCTION — {pool?.poolName ?? (status?.state === 'connected' ? status.info.userPoolId : activeProfile()?.userPoolId)}
          </strong>
        )}
        {status === null && <span className="text-muted">Connecting…</span>}
        {status?.state === 'connected' && <PoolDoctorButton poolKey={`${status.info.userPoolId}/${status.info.clientId}`} />}
        {status?.state === 'connected' && <ConnectedPool info={status.info} pool={pool} />}
      </div>
      <WriteReasonField variant="bar" />
      {status?.state === 'error' && (
        <StatusAlert error={status.error} busy={busy} actionError={actionError} onRestart={props.onRestartSandbox} onRestore={props.onRestoreSandbox} />
      )}
      {status?.state === 'connected' &&
        (health && !health.answering ? (
          <HealthAlert
            health={health}
            sandbox={status.info.mode === 'sandbox'}
            busy={busy}
            actionError={actionError}
            onRestart={props.onRestartSandbox}
            onCheck={props.onCheckHealth}
          />
        ) : (
          <>
            <PoolCheck pool={pool} error={poolError} checking={checkingPool} onCheck={props.onCheckPool} />
            <UnfinishedRegistrations poolKey={`${status.info.userPoolId}/${status.info.clientId}`} />
          </>
        ))}
      <ProductionConfirmHost />
    </header>
  )
}

function ConnectedPool({ info, pool }: { info: Extract<ConnectionStatus, { state: 'connected' }>['info']; pool: PoolInfo | null }) {
  return (
    <>
      {info.mode === 'sandbox' ? (
        <span className="badge sandbox-badge px-2 py-2" title={info.dataDir}>
          SANDBOX — local emulator, no real users or emails
        </span>
      ) : (
        <span className={`badge ${info.mode === 'aws' ? 'text-bg-danger' : 'text-bg-info'} px-2 py-2`}>{info.mode === 'aws' ? 'AWS' : 'Custom endpoint'}</span>
      )}
      {/* One line whatever the window's width: what does not fit (the endpoint, at 1024 px) is in the tooltip. */}
      <span className="small text-truncate w-100" title={summaryOf(info, pool)}>
        {pool && (
          <>
            <strong>{pool.poolName}</strong> ·{' '}
          </>
        )}
        Pool <span className="mono">{info.userPoolId}</span> · region <span className="mono">{info.region}</span> · client{' '}
        <span className="mono">{info.clientId}</span> · {info.hasClientSecret ? 'client secret configured' : 'no client secret'}
        {info.endpoint && (
          <>
            {' '}
            · endpoint <span className="mono">{clampText(info.endpoint, 80)}</span>
          </>
        )}
      </span>
    </>
  )
}

function summaryOf(info: Extract<ConnectionStatus, { state: 'connected' }>['info'], pool: PoolInfo | null): string {
  const parts = [
    pool?.poolName,
    `Pool ${info.userPoolId}`,
    `region ${info.region}`,
    `client ${info.clientId}`,
    info.hasClientSecret ? 'client secret configured' : 'no client secret',
    info.endpoint && `endpoint ${clampText(info.endpoint, 200)}`
  ]
  return parts.filter(Boolean).join(' · ')
}

/** The result of describing the pool at start: silent when all is well, a call to action when not. */
function PoolCheck({ pool, error, checking, onCheck }: { pool: PoolInfo | null; error: AppErrorShape | null; checking: boolean; onCheck: () => void }) {
  if (error) {
    return (
      <BarAlert label="Pool check" title="The pool could not be read." error={error}>
        <BusyButton busy={checking} className="btn btn-sm btn-outline-danger text-nowrap" onClick={onCheck}>
          Check again
        </BusyButton>
      </BarAlert>
    )
  }
  if (pool && !pool.hasTierAttribute) {
    return (
      <div className="alert alert-warning d-flex align-items-start gap-3 py-2 px-3 mt-2 mb-1" role="alert" aria-label="Pool check">
        <div className="me-auto">
          <strong>The pool cannot hold a tier.</strong> {TIER_ATTRIBUTE_MISSING} Then check again.
        </div>
        <BusyButton busy={checking} className="btn btn-sm btn-outline-warning text-nowrap" onClick={onCheck}>
          Check again
        </BusyButton>
      </div>
    )
  }
  return null
}
