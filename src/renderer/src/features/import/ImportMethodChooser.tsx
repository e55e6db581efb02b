import type { ImportMethod, Invitation } from '../../../../shared/importing'

interface Props {
  method: ImportMethod | null
  invitation: Invitation
  /** Rows the preview would create that have no password: a sign-up code needs one, so they are skipped. */
  withoutPassword: number
  disabled?: boolean
  onMethod: (method: ImportMethod) => void
  onInvitation: (invitation: Invitation) => void
}

const INVITATION_LABELS: Record<Invitation, string> = { email: 'Email the invitation', suppress: 'Suppress it' }

/** Each method named for what the person receives; Cognito's call for it is a detail line. */
const METHODS: Record<ImportMethod, { label: string; receives: string; api: string }> = {
  signup: {
    label: 'Send each person a sign-up code',
    receives: 'They get a code by email to confirm, then sign in with the password in the file.',
    api: 'SignUp'
  },
  'admin-create': {
    label: 'Invite with a temporary password',
    receives: 'They get an invitation with a temporary password (the file’s, if given) to change at first sign-in.',
    api: 'AdminCreateUser'
  }
}

/**
 * The two ways to create the users, each with what the person receives, since that is what the
 * operator is really choosing; the invitation choice belongs to the invitation only, so it shows under it.
 */
export function ImportMethodChooser({ method, invitation, withoutPassword, disabled, onMethod, onInvitation }: Props) {
  const methodRadio = (value: ImportMethod) => (
    <Radio
      name="import-method"
      value={value}
      label={METHODS[value].label}
      note={METHODS[value].receives}
      detail={`Cognito: ${METHODS[value].api}`}
      checked={method === value}
      disabled={disabled}
      onChoose={() => onMethod(value)}
    />
  )
  return (
    <fieldset className="import-method">
      <legend className="h6 mb-1">How to create the users</legend>
      <div className="import-method-options">
        {methodRadio('signup')}
        <div>
          {methodRadio('admin-create')}
          {method === 'admin-create' && (
            <div className="import-invitation" role="group" aria-label="Invitation">
              {(['email', 'suppress'] as const).map((value) => (
                <Radio
                  key={value}
                  name="import-invitation"
                  value={value}
                  label={INVITATION_LABELS[value]}
                  inline
                  checked={invitation === value}
                  disabled={disabled}
                  onChoose={() => onInvitation(value)}
                />
              ))}
            </div>
          )}
        </div>
      </div>
      {method === 'signup' && withoutPassword > 0 && (
        <div className="alert alert-warning py-1 px-2 mt-2 mb-0 small" role="alert">
          {withoutPassword.toLocaleString()} row{withoutPassword === 1 ? ' has' : 's have'} no password: a sign-up code needs one from the file, so{' '}
          {withoutPassword === 1 ? 'it' : 'they'} will be skipped. Choose “{METHODS['admin-create'].label}” to create {withoutPassword === 1 ? 'it' : 'them'}{' '}
          too.
        </div>
      )}
    </fieldset>
  )
}

interface RadioProps {
  name: string
  value: string
  label: string
  /** What choosing it means, under the label; an inline radio has none and smaller words. */
  note?: string
  /** A line for the technically minded, under the note (Cognito's name for it). */
  detail?: string
  inline?: boolean
  checked: boolean
  disabled?: boolean
  onChoose: () => void
}

function Radio({ name, value, label, note, detail, inline, checked, disabled, onChoose }: RadioProps) {
  const id = `${name}-${value}`
  return (
    <div className={inline ? 'form-check form-check-inline mb-0' : 'form-check'}>
      <input
        id={id}
        className="form-check-input"
        type="radio"
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={onChoose}
        aria-describedby={note ? `${id}-note` : undefined}
      />
      <label className={inline ? 'form-check-label small' : 'form-check-label'} htmlFor={id}>
        {label}
      </label>
      {note && (
        <div id={`${id}-note`} className="form-text mt-0">
          {note}
          {detail && <span className="d-block small">{detail}</span>}
        </div>
      )}
    </div>
  )
}
