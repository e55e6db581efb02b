import { useEffect, useRef } from 'react'
import { fixLabelOf, type DoctorCheck, type DoctorReport, type DoctorStatus } from '../../../../shared/doctor'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { useStoreFields } from '../../hooks/useStoreFields'
import { useConnection } from '../../stores/connectionStore'
import { DoctorDocuments } from './DoctorDocuments'
import { DoctorFixConfirm } from './DoctorFixConfirm'
import { usePoolDoctor } from './poolDoctorStore'

/** Mark and word, so a status never rests on colour alone. */
const STATUS: Record<DoctorStatus, { mark: string; word: string; className: string }> = {
  pass: { mark: '✓', word: 'Pass', className: 'text-success' },
  fail: { mark: '✗', word: 'Fail', className: 'text-danger' },
  warn: { mark: '!', word: 'Warning', className: 'text-warning-emphasis' },
  skipped: { mark: '–', word: 'Skipped', className: 'text-body-secondary' }
}

/**
 * The bar's "Pool doctor" button: the verdict in a word, and the panel with every check. It runs the
 * doctor when the connection (pool and client) changes, and again after a failing run once the pool
 * answers again; whatever it finds, the app stays usable.
 */
export function PoolDoctorButton({ poolKey }: { poolKey: string }) {
  const { report, error, running, open, run, setOpen } = useStoreFields(usePoolDoctor, ['report', 'error', 'running', 'open', 'run', 'setOpen'])
  useEffect(() => {
    void run()
  }, [poolKey, run])
  // A verdict reached while the pool (or the sandbox's emulator) did not answer is stale once it answers again.
  const answering = useConnection((s) => s.health?.answering ?? null)
  useEffect(() => {
    if (answering && usePoolDoctor.getState().report?.verdict === 'fail') void run()
  }, [answering, run])
  const verdict = error && !running ? { suffix: ': could not run', className: 'btn-outline-secondary', title: error.message } : verdictLabel(report, running)
  return (
    <>
      <button type="button" className={`btn btn-sm ${verdict.className} text-nowrap`} onClick={() => setOpen(true)} title={verdict.title}>
        Pool doctor{verdict.suffix}
      </button>
      {open && <PoolDoctorPanel />}
    </>
  )
}

function verdictLabel(report: DoctorReport | null, running: boolean): { suffix: string; className: string; title: string } {
  if (running || !report) return { suffix: ' …', className: 'btn-outline-secondary', title: 'Checking the pool, its app client and your AWS rights' }
  const failed = report.checks.filter((c) => c.status === 'fail').length
  if (failed) return { suffix: `: ${failed} failing`, className: 'btn-outline-danger', title: 'Some checks failed; open for what to do' }
  if (report.verdict === 'warn') return { suffix: ': warnings', className: 'btn-outline-warning', title: 'No check failed; some have warnings' }
  return { suffix: ' ✓', className: 'btn-outline-success', title: 'Every check passed' }
}

/** Each check with pass or fail and, when it fails, what to do; "Run again"; beside a check, the fix the app can apply. */
export function PoolDoctorPanel() {
  const state = usePoolDoctor()
  const closeRef = useRef<HTMLButtonElement>(null)
  const close = () => state.setOpen(false)

  return (
    <Modal
      labelledBy="pool-doctor-title"
      className="d-flex flex-column"
      style={{ maxWidth: 760, maxHeight: 'calc(100vh - 2rem)' }}
      focusable="button:not([disabled])"
      initialFocus={closeRef}
      // While the confirmation is up, Escape and Tab are that dialog's, not this panel's.
      onEscape={state.confirming ? undefined : close}
      trapFocus={!state.confirming}
      over={state.confirming && <DoctorFixConfirm check={state.confirming} onConfirm={() => void state.applyFix()} onCancel={state.cancelFix} />}
    >
      <div className="px-4 pt-3 pb-2 border-bottom">
        <h2 id="pool-doctor-title" className="h5 mb-1">
          Pool doctor
        </h2>
        <p className="small text-body-secondary mb-0">
          {state.report ? `${state.report.userPoolId}, checked ${new Date(state.report.ranAt).toLocaleTimeString()}.` : 'Checking…'} Probes name a user that
          does not exist, so they change nothing.
        </p>
      </div>
      {/* Reachable by Tab so the keyboard can scroll a report longer than the dialog. */}
      <div className="px-4 py-2 overflow-auto flex-grow-1" tabIndex={0} role="region" aria-label="Findings" aria-busy={state.running || state.fixing !== null}>
        <ErrorAlert error={state.error} title="The doctor could not run" />
        <ErrorAlert error={state.fixError} title="The fix was not applied" />
        {state.report && (
          <ul className="list-unstyled mb-0" aria-label="Checks">
            {state.report.checks.map((check) => (
              <CheckLine key={check.id} check={check} fixing={state.fixing} onFix={() => state.askFix(check)} />
            ))}
          </ul>
        )}
      </div>
      <div className="px-4 py-3 border-top d-flex justify-content-end gap-2 flex-wrap">
        {/* Not disabled while it runs (a second click is ignored), so focus stays on it. */}
        <button type="button" className="btn btn-outline-primary" disabled={state.fixing !== null} onClick={() => void state.run()}>
          {state.running ? 'Checking…' : 'Run again'}
        </button>
        <button ref={closeRef} type="button" className="btn btn-secondary" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  )
}

function CheckLine({ check, fixing, onFix }: { check: DoctorCheck; fixing: string | null; onFix: () => void }) {
  const status = STATUS[check.status]
  const offersFix = check.fixable && check.status !== 'pass'
  return (
    <li className="py-2 border-bottom d-flex gap-2" data-check={check.id}>
      <span className={`fw-bold ${status.className}`} style={{ minWidth: '5.5rem' }}>
        <span aria-hidden="true">{status.mark}</span> {status.word}
      </span>
      {/* min-width 0: a long ARN or a policy document wraps or scrolls inside the line instead of widening it past the dialog. */}
      <div className="flex-grow-1" style={{ minWidth: 0 }}>
        <div className="fw-semibold">{check.title}</div>
        <div className="small">{check.detail}</div>
        {check.fix && check.status !== 'pass' && <div className="small text-body-secondary">What to do: {check.fix}</div>}
        <DoctorDocuments check={check} />
        {offersFix && (
          <button type="button" className="btn btn-sm btn-warning mt-1" disabled={fixing !== null} onClick={onFix}>
            {fixing === check.id ? 'Applying…' : fixLabelOf(check)}
          </button>
        )}
      </div>
    </li>
  )
}
