import type { ReactNode } from 'react'
import type { ConnectionHealth } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import { BusyButton } from '../../components/BusyButton'
import { clampText, MAX_SHOWN_MESSAGE } from '../../lib/clampText'
import type { ConnectionBusy } from '../../stores/connectionStore'

/** The one alert row under the bar's summary: a sentence, the code for support, and what to do about it. */
export function BarAlert({ label, title, error, children }: { label: string; title: string; error: AppErrorShape; children?: ReactNode }) {
  return (
    <div className="alert alert-danger bar-alert message-block d-flex align-items-start gap-3 py-2 px-3 mt-2 mb-1" role="alert" aria-label={label}>
      <div className="me-auto">
        <strong>{title}</strong> {clampText(error.message, MAX_SHOWN_MESSAGE)}{' '}
        <span className="text-body-secondary error-code text-nowrap">code: {error.code}</span>
      </div>
      {children}
    </div>
  )
}

interface StatusAlertProps {
  error: AppErrorShape
  busy: ConnectionBusy
  actionError: AppErrorShape | null
  onRestart: () => void
  onRestore: () => void
}

/**
 * Why the app has no connection at all. Two cases the operator can mend from here: a damaged sandbox
 * file (put back its last good copy) and a sandbox that could not be reached at start (start it afresh).
 */
export function StatusAlert({ error, busy, actionError, onRestart, onRestore }: StatusAlertProps) {
  return (
    <>
      <BarAlert label="Connection" title="Not connected." error={error}>
        {error.code === 'SANDBOX_DAMAGED' && (
          <BusyButton busy={busy === 'restoring'} disabled={busy !== null} className="btn btn-sm btn-danger text-nowrap" onClick={onRestore}>
            Restore last good copy
          </BusyButton>
        )}
        {error.code === 'SANDBOX_UNAVAILABLE' && (
          <BusyButton busy={busy === 'restarting'} disabled={busy !== null} className="btn btn-sm btn-danger text-nowrap" onClick={onRestart}>
            Restart sandbox
          </BusyButton>
        )}
      </BarAlert>
      <ActionError error={actionError} />
    </>
  )
}

interface HealthAlertProps {
  health: Extract<ConnectionHealth, { answering: false }>
  sandbox: boolean
  busy: ConnectionBusy
  actionError: AppErrorShape | null
  onRestart: () => void
  onCheck: () => void
}

/** The pool, or the sandbox's emulator, stopped answering after the app had connected. */
export function HealthAlert({ health, sandbox, busy, actionError, onRestart, onCheck }: HealthAlertProps) {
  const unreachable = health.error.code === 'NETWORK_UNREACHABLE' || health.error.code === 'SANDBOX_UNAVAILABLE'
  // The sandbox's own message already says it stopped answering; a pool's says only what the network did.
  const title = sandbox ? 'Connection lost.' : unreachable ? 'The pool stopped answering.' : 'The pool could not be read.'
  return (
    <>
      <BarAlert label="Connection check" title={title} error={health.error}>
        {health.canRestartSandbox ? (
          <BusyButton busy={busy === 'restarting'} disabled={busy !== null} className="btn btn-sm btn-danger text-nowrap" onClick={onRestart}>
            Restart sandbox
          </BusyButton>
        ) : (
          <BusyButton busy={busy === 'checking'} disabled={busy !== null} className="btn btn-sm btn-outline-danger text-nowrap" onClick={onCheck}>
            Check again
          </BusyButton>
        )}
      </BarAlert>
      <ActionError error={actionError} />
    </>
  )
}

/** A restart or restore that failed: said under the alert it was tried from, so the alert's own advice stays in view. */
function ActionError({ error }: { error: AppErrorShape | null }) {
  if (!error) return null
  return (
    <div className="small text-danger-emphasis message-block mb-1" role="alert" aria-label="Last attempt">
      <strong>That did not work:</strong> {clampText(error.message, MAX_SHOWN_MESSAGE)}{' '}
      <span className="text-body-secondary error-code text-nowrap">code: {error.code}</span>
    </div>
  )
}
