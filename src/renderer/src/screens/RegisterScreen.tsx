import { useState, type FormEvent } from 'react'
import { schemas } from '../../../shared/contract'
import type { AppErrorShape } from '../../../shared/errors'
import { unmetPasswordRules } from '../../../shared/passwordPolicy'
import { TIER_DESCRIPTIONS, TIERS } from '../../../shared/tiers'
import { BusyButton } from '../components/BusyButton'
import { ErrorAlert } from '../components/ErrorAlert'
import { ExtraAttributesEditor, type AttributeRow } from '../components/ExtraAttributesEditor'
import { PasswordChecklist } from '../components/PasswordChecklist'
import { TextField } from '../components/TextField'
import { useConnection } from '../stores/connectionStore'
import { useNavigation } from '../stores/navigationStore'
import { useRegistration } from '../stores/registrationStore'

interface Form {
  username: string
  email: string
  password: string
  tier: string
}

const EMPTY: Form = { username: '', email: '', password: '', tier: 'standard' }

function fieldError(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: string): string | null {
  const parsed = schema.safeParse(value)
  return parsed.success ? null : (parsed.error?.issues[0]?.message ?? 'Invalid')
}

export function RegisterScreen() {
  const [form, setForm] = useState<Form>(EMPTY)
  const [rows, setRows] = useState<AttributeRow[]>([])
  const [touched, setTouched] = useState<Record<string, boolean>>({})
  const [showPassword, setShowPassword] = useState(false)
  const [localError, setLocalError] = useState<AppErrorShape | null>(null)
  const pool = useConnection((state) => state.pool)
  const { busy, result, error, submit, reset } = useRegistration()
  const go = useNavigation((state) => state.go)

  const unmet = pool ? unmetPasswordRules(form.password, pool.passwordPolicy) : []
  const errors = {
    username: fieldError(schemas.username, form.username),
    email: fieldError(schemas.email, form.email),
    password: form.password === '' ? 'Enter a password' : unmet.length ? `Needs ${unmet.join(', ')}` : null
  }
  const shown = (field: keyof typeof errors) => (touched[field] ? (errors[field] ?? error?.fields?.[field] ?? null) : null)
  const set = (field: keyof Form) => (value: string) => {
    setForm({ ...form, [field]: value })
    setTouched({ ...touched, [field]: true })
  }

  async function onSubmit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setTouched({ username: true, email: true, password: true })
    setLocalError(null)
    const problems = Object.entries(errors).filter(([, message]) => message)
    if (problems.length) {
      setLocalError({ code: 'VALIDATION', message: `Please correct the form: ${problems.map(([field, message]) => `${field}: ${message}`).join('; ')}.` })
      return
    }
    const attributes = Object.fromEntries(rows.filter((row) => row.name.trim()).map((row) => [row.name.trim(), row.value]))
    const ok = await submit({ ...form, attributes: rows.length ? attributes : undefined })
    if (ok) {
      setForm(EMPTY)
      setRows([])
      setTouched({})
    }
  }

  return (
    <div className="row g-4">
      <div className="col-lg-7">
        <h1 className="h3 mb-3">Register a user</h1>
        <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label="Register a user">
          <TextField label="Username" value={form.username} onChange={set('username')} error={shown('username')} autoComplete="off" required />
          <TextField
            label="Email"
            type="email"
            value={form.email}
            onChange={set('email')}
            error={shown('email')}
            autoComplete="off"
            required
            hint="The confirmation code is sent here."
          />
          <TextField
            label="Password"
            type={showPassword ? 'text' : 'password'}
            value={form.password}
            onChange={set('password')}
            error={shown('password')}
            autoComplete="new-password"
            required
            after={
              <button type="button" className="btn btn-outline-secondary" onClick={() => setShowPassword(!showPassword)} aria-pressed={showPassword}>
                {showPassword ? 'Hide' : 'Show'}
              </button>
            }
            hint={pool ? <PasswordChecklist password={form.password} policy={pool.passwordPolicy} /> : undefined}
          />
          <div className="mb-3">
            <label htmlFor="register-tier" className="form-label">
              Tier
            </label>
            <select
              id="register-tier"
              className={`form-select${error?.code === 'INVALID_TIER' ? ' is-invalid' : ''}`}
              value={form.tier}
              onChange={(event) => setForm({ ...form, tier: event.target.value })}
            >
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {TIER_DESCRIPTIONS[tier]}
                </option>
              ))}
            </select>
          </div>
          <ExtraAttributesEditor rows={rows} onChange={setRows} poolAttributes={pool?.customAttributes ?? null} fieldErrors={error?.fields} />
          <ErrorAlert error={localError ?? error} title={localError ? undefined : 'The user was not registered'} />
          <BusyButton busy={busy} type="submit">
            Register user
          </BusyButton>
        </form>
      </div>
      <div className="col-lg-5">
        {result ? (
          <section className="card border-success" aria-labelledby="registered-heading">
            <div className="card-body">
              <h2 id="registered-heading" className="h5 text-success">
                Registered {result.username}
              </h2>
              <dl className="row small mb-3">
                <dt className="col-4">User sub</dt>
                <dd className="col-8 mono">{result.userSub}</dd>
                <dt className="col-4">Confirmed</dt>
                <dd className="col-8">{result.confirmed ? 'yes' : 'not yet'}</dd>
                <dt className="col-4">Code sent</dt>
                <dd className="col-8">
                  {result.delivery ? `by ${result.delivery.medium.toLowerCase()} to ${result.delivery.destination}` : 'no code was sent'}
                </dd>
              </dl>
              {!result.confirmed && (
                <button
                  type="button"
                  className="btn btn-success"
                  onClick={() => {
                    go('confirm', result.username)
                    reset()
                  }}
                >
                  Confirm this user
                </button>
              )}
            </div>
          </section>
        ) : (
          <div className="text-muted small">
            <p>New users get the tier you choose (standard unless you pick premium) and a confirmation code by email.</p>
            <p>Extra attributes are the pool's custom attributes, typed without the “custom:” prefix.</p>
          </div>
        )}
      </div>
    </div>
  )
}
