import { useEffect, useRef, useState } from 'react'
import { Modal } from '../../components/Modal'
import { api } from '../../api/api'
import { whenSubmitted } from '../../lib/forms'

interface Props {
  username: string
  onConfirm: (code: string) => void
  onCancel: () => void
}

/**
 * Confirms a sign-up with the code the person read out from their email. In the sandbox, whose
 * "sent" messages sit in its outbox, the current code for this user is offered to fill in.
 */
export function ConfirmCodeDialog({ username, onConfirm, onCancel }: Props) {
  const [code, setCode] = useState('')
  const [touched, setTouched] = useState(false)
  const [outboxCode, setOutboxCode] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    let live = true
    void api.getOutbox().then((reply) => {
      if (!live || !reply.ok || !reply.data.available) return
      const current = reply.data.messages.filter((message) => message.username === username && (message.state ?? 'current') === 'current').at(-1)
      setOutboxCode(current?.code ?? null)
    })
    return () => {
      live = false
    }
  }, [username])
  const problem = /^\S+$/.test(code) ? null : 'Enter the code from their message, without spaces'

  return (
    <Modal labelledBy="confirm-code-title" className="bg-body text-body" initialFocus={inputRef} onEscape={onCancel}>
      <form className="p-4" onSubmit={whenSubmitted(() => (problem ? setTouched(true) : onConfirm(code)))}>
        <h2 id="confirm-code-title" className="h5">
          Confirm {username} with their code
        </h2>
        <p className="small">The code Cognito sent when they signed up (or the latest one resent). Ask them to read it out.</p>
        <label htmlFor="confirm-code" className="form-label">
          Confirmation code
        </label>
        <input
          ref={inputRef}
          id="confirm-code"
          className={`form-control${touched && problem ? ' is-invalid' : ''}`}
          value={code}
          autoComplete="one-time-code"
          spellCheck={false}
          aria-invalid={touched && Boolean(problem)}
          aria-describedby={touched && problem ? 'confirm-code-error' : undefined}
          onChange={(event) => setCode(event.target.value.trim())}
        />
        {touched && problem && (
          <div id="confirm-code-error" className="invalid-feedback d-block">
            {problem}
          </div>
        )}
        {outboxCode && (
          <p className="small mt-2 mb-0">
            The sandbox’s outbox holds code <span className="mono">{outboxCode}</span> for {username}.{' '}
            <button type="button" className="btn btn-link btn-sm p-0 align-baseline" onClick={() => setCode(outboxCode)}>
              Use this code
            </button>
          </p>
        )}
        <div className="d-flex justify-content-end gap-2 mt-4">
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            Confirm
          </button>
        </div>
      </form>
    </Modal>
  )
}
