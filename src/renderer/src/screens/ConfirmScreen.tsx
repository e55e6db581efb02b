import { useEffect, useState, type FormEvent } from 'react'
import { schemas } from '../../../shared/contract'
import { BusyButton } from '../components/BusyButton'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { ErrorAlert } from '../components/ErrorAlert'
import { OutboxPanel } from '../components/OutboxPanel'
import { TextField } from '../components/TextField'
import { useConfirmation } from '../stores/confirmationStore'
import { useNavigation } from '../stores/navigationStore'

const OUTBOX_REFRESH_MS = 2000

export function ConfirmScreen() {
  const takeHandoff = useNavigation((state) => state.takeHandoff)
  const [username, setUsername] = useState(() => takeHandoff() ?? '')
  const [code, setCode] = useState('')
  const [touched, setTouched] = useState(false)
  const [asking, setAsking] = useState(false)
  const { busy, error, success, outbox, outboxAvailable, confirm, resend, adminConfirm, loadOutbox, clear } = useConfirmation()

  useEffect(() => {
    clear()
    void loadOutbox()
    const timer = setInterval(() => void loadOutbox(), OUTBOX_REFRESH_MS)
    return () => clearInterval(timer)
  }, [loadOutbox, clear])

  const usernameError = touched ? (schemas.username.safeParse(username).success ? null : 'Enter the username to confirm') : null
  const needUsername = (): boolean => {
    setTouched(true)
    return schemas.username.safeParse(username).success
  }

  function onConfirm(event: FormEvent): void {
    event.preventDefault()
    if (needUsername()) void confirm(username.trim(), code.trim())
  }

  return (
    <div className="row g-4">
      <div className="col-lg-5">
        <h1 className="h3 mb-3">Confirm a user</h1>
        <form noValidate onSubmit={onConfirm} aria-label="Confirm a user">
          <TextField label="Username" value={username} onChange={setUsername} error={usernameError} autoComplete="off" />
          <TextField
            label="Confirmation code"
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            inputMode="numeric"
            hint="The code from the user's email."
          />
          <ErrorAlert error={error} />
          {success && (
            <div className="alert alert-success" role="status">
              {success}
            </div>
          )}
          <div className="d-flex flex-wrap gap-2">
            <BusyButton busy={busy === 'confirm'} type="submit" disabled={busy !== null || code.trim() === ''}>
              Confirm
            </BusyButton>
            <BusyButton
              busy={busy === 'resend'}
              type="button"
              className="btn btn-outline-secondary"
              disabled={busy !== null}
              onClick={() => needUsername() && void resend(username.trim())}
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
          </div>
        </form>
      </div>
      <div className="col-lg-7">
        {outboxAvailable ? (
          <OutboxPanel
            messages={outbox}
            onRefresh={() => void loadOutbox()}
            onUse={(message) => {
              setUsername(message.username)
              setCode(message.code)
            }}
          />
        ) : (
          <p className="text-muted small">Codes go to the users' real email addresses. Ask the user for the code, or resend it.</p>
        )}
      </div>
      {asking && (
        <ConfirmDialog
          title={`Confirm ${username.trim()} without a code?`}
          confirmLabel="Yes, confirm without a code"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false)
            void adminConfirm(username.trim())
          }}
        >
          <p className="mb-2">
            This skips the email check. Do it only if you have verified this person another way (for example in person, or on a call with their ID).
          </p>
          <p className="mb-0 small text-muted">The confirmation is recorded in the audit trail.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
