import { useRef, type FormEvent } from 'react'
import { CUSTOM_PREFIX } from '../../../../shared/attributeNames'
import { isTier, TIER_DESCRIPTIONS, TIERS } from '../../../../shared/tiers'
import { correctionRequest } from '../../../../shared/wording'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField } from '../../components/SelectField'
import { TextField, type TextFieldProps } from '../../components/TextField'
import { useConnection } from '../../stores/connectionStore'
import { ExtraAttributesEditor } from './ExtraAttributesEditor'
import { PasswordChecklist } from './PasswordChecklist'
import { RegisterResultCard } from './RegisterResultCard'
import { attributeRowProblems, attributesOf, poolAttributeName } from './attributeRows'
import { FIELD_LABELS, registerFieldErrors, withServerRowProblems } from './registerForm'
import { useRegistration, type RegisterField } from './registrationStore'

/** The select names the tier; what it gives is said whole under it (a description in a narrow select is cut). */
const TIER_OPTIONS = TIERS.map((tier) => ({ value: tier, label: tier }))

/** Where focus goes once an action settles: never to the page body. */
type FocusTarget = 'invalid' | 'result' | 'error' | 'first'

/** The one-user form and, beside it, what the last registration did (or what the form is for). */
export function RegisterUserForm() {
  const pool = useConnection((state) => state.pool)
  const form = useRegistration((state) => state.form)
  const rows = useRegistration((state) => state.rows)
  const touched = useRegistration((state) => state.touched)
  const submitted = useRegistration((state) => state.submitted)
  const showPassword = useRegistration((state) => state.showPassword)
  const busy = useRegistration((state) => state.busy)
  const result = useRegistration((state) => state.result)
  const error = useRegistration((state) => state.error)
  const { edit, setRows, setShowPassword, markSubmitted, submit, clearForm, confirmRegistered } = useRegistration.getState()
  const formRef = useRef<HTMLFormElement>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)
  const errorRef = useRef<HTMLDivElement>(null)

  const fieldErrors = registerFieldErrors(form, pool)
  const rowProblems = withServerRowProblems(attributeRowProblems(rows, pool, submitted), rows, error?.fields, pool)
  const shown = (field: RegisterField) => (touched[field] ? (fieldErrors[field] ?? error?.fields?.[field] ?? null) : null)
  const invalidFields = (Object.keys(FIELD_LABELS) as RegisterField[]).filter((field) => fieldErrors[field])
  const rowNames = rows.flatMap((row, index) =>
    rowProblems.has(row.key) ? [`extra attribute ${row.name.trim() ? poolAttributeName(row.name, pool) : index + 1}`] : []
  )
  const formProblems = [...invalidFields.map((field) => FIELD_LABELS[field]), ...rowNames]

  /** One of the form's text fields, with its label, its value and its message once touched. */
  const textField = (field: RegisterField, props: Omit<TextFieldProps, 'label' | 'value' | 'onChange'>) => (
    <TextField className="" label={FIELD_LABELS[field]} value={form[field]} onChange={(value) => edit(field, value)} error={shown(field)} required {...props} />
  )

  /** Puts focus where an action's outcome is, once the render that shows it is done: never on the page body. */
  function focusAfterRender(target: FocusTarget): void {
    requestAnimationFrame(() => {
      const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      if (target === 'result') {
        // The card sits at the top of its column: show it from the top, with the emptied form beside it.
        resultRef.current?.closest('.app-main')?.scrollTo({ top: 0 })
        resultRef.current?.focus()
      } else if (target === 'first') formRef.current?.querySelector<HTMLElement>('input')?.focus()
      else if (target === 'invalid' && firstInvalid) firstInvalid.focus()
      else (errorRef.current ?? firstInvalid)?.focus()
    })
  }

  async function onSubmit(event: FormEvent): Promise<void> {
    event.preventDefault()
    markSubmitted()
    if (invalidFields.length || attributeRowProblems(rows, pool, true).size) {
      focusAfterRender('invalid')
      return
    }
    const ok = await submit({ ...form, attributes: attributesOf(rows) })
    focusAfterRender(ok ? 'result' : 'error')
  }

  return (
    <div className="row g-4">
      <div className="col-lg-8">
        <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)} aria-label="Register a user">
          {/* Two fields a row: the whole form, and its Register button, fit a 1024×640 window. */}
          <div className="row g-3 mb-3">
            <div className="col-md-6">{textField('username', { autoComplete: 'off' })}</div>
            <div className="col-md-6">{textField('email', { type: 'email', autoComplete: 'off' })}</div>
            <div className="col-md-7">
              {textField('password', {
                type: showPassword ? 'text' : 'password',
                autoComplete: 'new-password',
                after: (
                  <button type="button" className="btn btn-outline-secondary" onClick={() => setShowPassword(!showPassword)} aria-pressed={showPassword}>
                    {showPassword ? 'Hide' : 'Show'}
                  </button>
                ),
                hint: pool ? <PasswordChecklist password={form.password} policy={pool.passwordPolicy} /> : undefined
              })}
            </div>
            <div className="col-md-5">
              <SelectField
                id="register-tier"
                label="Tier"
                labelClassName="form-label"
                className={`form-select${error?.code === 'INVALID_TIER' ? ' is-invalid' : ''}`}
                value={form.tier}
                options={TIER_OPTIONS}
                aria-describedby="register-tier-description"
                onChange={(tier) => edit('tier', tier)}
              />
              <div id="register-tier-description" className="form-text">
                {isTier(form.tier) && TIER_DESCRIPTIONS[form.tier]}
              </div>
            </div>
          </div>
          <ExtraAttributesEditor rows={rows} onChange={setRows} pool={pool} problems={rowProblems} />
          {submitted && formProblems.length > 0 && !busy ? (
            <div className="alert alert-danger" role="alert">
              Not registered yet. {correctionRequest(formProblems, 'app')}
            </div>
          ) : (
            <ErrorAlert ref={errorRef} error={error} title="The user was not registered" />
          )}
          {/* Held at the foot of the window while the form is taller than it (messages under the fields). */}
          <div className="register-actions d-flex flex-wrap gap-2">
            <BusyButton busy={busy} type="submit">
              Register user
            </BusyButton>
            <button
              type="button"
              className="btn btn-outline-secondary"
              disabled={busy}
              onClick={() => {
                clearForm()
                focusAfterRender('first')
              }}
            >
              Clear form
            </button>
          </div>
        </form>
      </div>
      <div className="col-lg-4">
        {result ? (
          <RegisterResultCard result={result} headingRef={resultRef} onConfirm={confirmRegistered} />
        ) : (
          <div className="text-body-secondary small">
            <p>New users get the tier you choose (standard unless you pick premium) and a confirmation code at their email address.</p>
            <p>Extra attributes are the pool's custom attributes, typed without the “{CUSTOM_PREFIX}” prefix, or standard ones such as given_name.</p>
            <p>The form keeps what you typed when you switch screens, until you register the user or clear it.</p>
          </div>
        )}
      </div>
    </div>
  )
}
