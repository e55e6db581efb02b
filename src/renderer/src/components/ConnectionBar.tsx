import type { ConnectionStatus } from '../../../shared/domain'

/** Always visible: which pool every action goes to, and whether it is the sandbox. */
export function ConnectionBar({ status }: { status: ConnectionStatus | null }) {
  return (
    <header className="app-header bg-white border-bottom px-4 py-2 d-flex align-items-center gap-3 flex-wrap" role="banner">
      <span className="fw-bold fs-5 me-2">Tier Admin</span>
      {status === null && <span className="text-muted">Connecting…</span>}
      {status?.state === 'connected' && <ConnectedPool info={status.info} />}
      {status?.state === 'error' && (
        <div className="alert alert-danger py-1 px-2 mb-0" role="alert">
          <strong>Not connected:</strong> {status.error.message} <span className="text-muted error-code">code: {status.error.code}</span>
        </div>
      )}
    </header>
  )
}

function ConnectedPool({ info }: { info: Extract<ConnectionStatus, { state: 'connected' }>['info'] }) {
  return (
    <>
      {info.mode === 'sandbox' ? (
        <span className="badge sandbox-badge px-2 py-2" title={info.dataDir}>
          SANDBOX — local emulator, no real users or emails
        </span>
      ) : (
        <span className={`badge ${info.mode === 'aws' ? 'text-bg-danger' : 'text-bg-info'} px-2 py-2`}>{info.mode === 'aws' ? 'AWS' : 'Custom endpoint'}</span>
      )}
      <span className="small">
        Pool <span className="mono">{info.userPoolId}</span> · region <span className="mono">{info.region}</span> · client <span className="mono">{info.clientId}</span> ·{' '}
        {info.hasClientSecret ? 'client secret configured' : 'no client secret'}
        {info.endpoint && (
          <>
            {' '}
            · endpoint <span className="mono">{info.endpoint}</span>
          </>
        )}
      </span>
    </>
  )
}
