import { useState } from 'react'
import type { PasswordPolicy } from '../../../../shared/domain'
import { unmetPasswordRules } from '../../../../shared/passwordPolicy'
import { BusyButton } from '../../components/BusyButton'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { whenSubmitted } from '../../lib/forms'
import { PasswordChecklist } from '../register/PasswordChecklist'

type Mode = 'temporary' | 'permanent'

interface Props {
  username: string
  policy: PasswordPolicy | null
  initialMode: Mode
  busy: boolean
  /** Sets the typed password, or with none a temporary one main makes and puts on the clipboard. */
  onSet: (permanent: boolean, password?: string) => Promise<boolean>
}

const QUESTION = {
  typed: {
    temporary: (name: string) => `${name}'s current password stops working. They sign in with this one once and must choose their own at once.`,
    permanent: (name: string) =>
      `${name}'s current password stops working. They sign in with this one from now on, as it is; tell them through a channel you trust.`
  },
  generated: (name: string) =>
    `A temporary password is made from the pool’s rules and put on your clipboard, once: it is never shown here. Paste it to ${name} through a channel you trust; they must choose their own at the next sign-in.`
}

/**
 * Sets a password for the user: typed twice in fields that never echo it, checked live against the
 * pool's policy, and kept only in this form until sent (cleared after). Or a temporary one generated
 * by main, which never reaches the window.
 */
export function PasswordForm({ username, policy, initialMode, busy, onSet }: Props) {
  const [mode, setMode] = useState<Mode>(initialMode)
  const [password, setPassword] = useState('')
  const [again, setAgain] = useState('')
  const [touched, setTouched] = useState(false)
  const [asking, setAsking] = useState<'typed' | 'generated' | null>(null)
  const unmet = policy ? unmetPasswordRules(password, policy) : []
  const passwordProblem = !password
    ? 'Type the new password'
    : password.trim() !== password
      ? 'A password cannot begin or end with a space'
      : unmet.length
        ? `Below this pool’s rules: needs ${unmet.join(', ')}`
        : null
  const againProblem = password && again !== password ? 'The two passwords are not the same' : null

  async function send(generated: boolean): Promise<void> {
    setAsking(null)
    const done = await onSet(mode === 'permanent' && !generated, generated ? undefined : password)
    if (done) {
      setPassword('')
      setAgain('')
      setTouched(false)
    }
  }

  const field = (id: string, label: string, value: string, set: (value: string) => void, problem: string | null) => (
    <div className="mb-2">
      <label htmlFor={id} className="form-label small mb-1">
        {label}
      </label>
      <input
        id={id}
        type="password"
        className={`form-control form-control-sm${touched && problem ? ' is-invalid' : ''}`}
        value={value}
        autoComplete="new-password"
        spellCheck={false}
        maxLength={256}
        aria-invalid={touched && Boolean(problem)}
        aria-describedby={touched && problem ? `${id}-error` : undefined}
        onChange={(event) => set(event.target.value)}
      />
      {touched && problem && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {problem}
        </div>
      )}
    </div>
  )

  return (
    <form noValidate onSubmit={whenSubmitted(() => (passwordProblem || againProblem ? setTouched(true) : setAsking('typed')))}>
      <fieldset className="mb-2">
        <legend className="form-label small mb-1">Kind of password</legend>
        {(['temporary', 'permanent'] as const).map((option) => (
          <div key={option} className="form-check form-check-inline">
            <input
              id={`password-${option}`}
              type="radio"
              name="password-mode"
              className="form-check-input"
              checked={mode === option}
              onChange={() => setMode(option)}
            />
            <label htmlFor={`password-${option}`} className="form-check-label small">
              {option === 'temporary' ? 'Temporary (must change at next sign-in)' : 'Permanent'}
            </label>
          </div>
        ))}
      </fieldset>
      {field('new-password', 'New password', password, setPassword, passwordProblem)}
      {field('new-password-again', 'Type it again', again, setAgain, againProblem)}
      {policy && <PasswordChecklist password={password} policy={policy} />}
      <div className="d-flex flex-wrap gap-2 mt-2">
        <BusyButton busy={busy && asking === null} type="submit" className="btn btn-primary btn-sm">
          {mode === 'temporary' ? 'Set temporary password' : 'Set password'}
        </BusyButton>
        <button type="button" className="btn btn-outline-secondary btn-sm" disabled={busy} onClick={() => setAsking('generated')}>
          Generate a temporary password…
        </button>
      </div>
      {asking && (
        <ConfirmDialog
          title={asking === 'generated' ? `Generate a temporary password for ${username}?` : `Set a ${mode} password for ${username}?`}
          confirmLabel={asking === 'generated' ? 'Generate and copy' : 'Set password'}
          onCancel={() => setAsking(null)}
          onConfirm={() => void send(asking === 'generated')}
        >
          {asking === 'generated' ? QUESTION.generated(username) : QUESTION.typed[mode](username)}
        </ConfirmDialog>
      )}
    </form>
  )
}
