import './confirm.css'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { schemas } from '../../../../shared/contractSchemas'
import { BusyButton } from '../../components/BusyButton'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { TextField } from '../../components/TextField'
import { OutboxPanel } from './OutboxPanel'
import { useConfirmation, type ConfirmAction } from './confirmationStore'

const OUTBOX_REFRESH_MS = 2000

export function ConfirmScreen() {
  const username = useConfirmation((state) => state.username)
  const code = useConfirmation((state) => state.code)
  const touched = useConfirmation((state) => state.touched)
  const busy = useConfirmation((state) => state.busy)
  const error = useConfirmation((state) => state.error)
  const success = useConfirmation((state) => state.success)
  const outbox = useConfirmation((state) => state.outbox)
  const outboxAvailable = useConfirmation((state) => state.outboxAvailable)
  const codeUsers = useConfirmation((state) => state.codeUsers)
  const focus = useConfirmation((state) => state.focus)
  const { setUsername, setCode, touch, prefill, confirm, resend, adminConfirm, loadOutbox, clearForm, focusDone, recheckCodeUsers } = useConfirmation.getState()
  const [asking, setAsking] = useState(false)
  const resultRef = useRef<HTMLDivElement>(null)
  const errorRef = useRef<HTMLDivElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const usernameRef = useRef<HTMLInputElement>(null)
  const codeRef = useRef<HTMLInputElement>(null)

  // A handover filled the form: the next step is Confirm (or typing the code, when the outbox had none).
  useEffect(() => {
    if (!focus) return
    ;(focus === 'confirm' ? confirmRef : codeRef).current?.focus()
    focusDone()
  }, [focus, focusDone])

  useEffect(() => {
    // Users may have been confirmed on another screen since: each code's user is read again.
    recheckCodeUsers()
    void loadOutbox()
    const timer = setInterval(() => void loadOutbox(), OUTBOX_REFRESH_MS)
    return () => clearInterval(timer)
  }, [loadOutbox, recheckCodeUsers])

  const parsedUsername = schemas.username.safeParse(username)
  const usernameValid = parsedUsername.success
  // The contract's own sentence: "at most 128 characters" says more than "enter a username" would.
  const usernameError = touched && !parsedUsername.success ? (parsedUsername.error.issues[0]?.message ?? 'Enter the username to confirm') : null
  const needUsername = (): boolean => {
    touch()
    if (!usernameValid) usernameRef.current?.focus()
    return usernameValid
  }

  /** Runs an action and puts focus on what it said, so it is read out and the body never holds focus. */
  async function act(action: ConfirmAction): Promise<void> {
    const run = { confirm, resend, adminConfirm }[action]
    const ok = await run()
    // After the re-render that shows the result.
    requestAnimationFrame(() => (ok ? resultRef.current : errorRef.current)?.focus())
  }

  function onConfirm(event: FormEvent): void {
    event.preventDefault()
    if (needUsername()) void act('confirm')
  }

  return (
    <div className="row g-4">
      <div className="col-lg-5">
        <h1 className="h3 mb-3">Confirm a user</h1>
        <form noValidate onSubmit={onConfirm} aria-label="Confirm a user">
          <TextField ref={usernameRef} label="Username" value={username} onChange={setUsername} error={usernameError} autoComplete="off" />
          <TextField ref={codeRef} label="Confirmation code" value={code} onChange={setCode} autoComplete="one-time-code" inputMode="numeric" />
          <ErrorAlert ref={errorRef} error={error} />
          {success && (
            <div ref={resultRef} tabIndex={-1} className="alert alert-success message-block" role="status">
              {success}
            </div>
          )}
          <div className="d-flex flex-wrap gap-2">
            <BusyButton ref={confirmRef} busy={busy === 'confirm'} type="submit" disabled={busy !== null || code.trim() === ''}>
              Confirm
            </BusyButton>
            <BusyButton
              busy={busy === 'resend'}
              type="button"
              className="btn btn-outline-secondary"
              disabled={busy !== null}
              onClick={() => needUsername() && void act('resend')}
            >
              Resend code
            </BusyButton>
            <BusyButton
              busy={busy === 'adminConfirm'}
              type="button"
              className="btn btn-outline-warning"
              disabled={busy !== null}
              onClick={() => needUsername() && setAsking(true)}
            >
              Confirm without a code
            </BusyButton>
            <button
              type="button"
              className="btn btn-link"
              disabled={busy !== null}
              onClick={() => {
                clearForm()
                usernameRef.current?.focus()
              }}
            >
              Clear
            </button>
          </div>
        </form>
      </div>
      <div className="col-lg-7">
        {outboxAvailable ? (
          <OutboxPanel
            messages={outbox}
            codeUsers={codeUsers}
            onRefresh={() => void loadOutbox()}
            onUse={(message) => {
              prefill(message.username, message.code)
              // The next step is Confirm; it is enabled once the code is in, after this render.
              requestAnimationFrame(() => confirmRef.current?.focus())
            }}
          />
        ) : (
          <p className="text-body-secondary small">Codes go to the users' real email addresses. Ask the user for the code, or resend it.</p>
        )}
      </div>
      {asking && (
        <ConfirmDialog
          title={`Confirm ${username.trim()} without a code?`}
          confirmLabel="Yes, confirm without a code"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false)
            void act('adminConfirm')
          }}
        >
          <p className="mb-2">
            This skips the email check. Do it only if you have verified this person another way (for example in person, or on a call with their ID).
          </p>
          <p className="mb-0 small text-body-secondary">The confirmation is recorded in the audit trail.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
