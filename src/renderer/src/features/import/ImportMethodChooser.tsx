import type { ImportMethod, Invitation } from '../../../../shared/importing'

interface Props {
  method: ImportMethod | null
  invitation: Invitation
  /** Rows the preview would create that have no password: SignUp skips them. */
  withoutPassword: number
  disabled?: boolean
  onMethod: (method: ImportMethod) => void
  onInvitation: (invitation: Invitation) => void
}

/**
 * SignUp or AdminCreateUser, each with what the person receives, since that is what the operator is
 * really choosing; the invitation choice belongs to AdminCreateUser only, so it shows under it.
 */
export function ImportMethodChooser({ method, invitation, withoutPassword, disabled, onMethod, onInvitation }: Props) {
  const radio = (value: ImportMethod, label: string, receives: string) => (
    <div className="form-check">
      <input
        id={`import-method-${value}`}
        className="form-check-input"
        type="radio"
        name="import-method"
        checked={method === value}
        disabled={disabled}
        onChange={() => onMethod(value)}
        aria-describedby={`import-method-${value}-note`}
      />
      <label className="form-check-label" htmlFor={`import-method-${value}`}>
        {label}
      </label>
      <div id={`import-method-${value}-note`} className="form-text mt-0">
        {receives}
      </div>
    </div>
  )
  return (
    <fieldset className="import-method">
      <legend className="h6 mb-1">How to create the users</legend>
      <div className="import-method-options">
        {radio('signup', 'SignUp', 'Each person gets a confirmation code by email, and signs in with the password in the file.')}
        <div>
          {radio('admin-create', 'AdminCreateUser', 'Each person gets an invitation with a temporary password (the file’s, if given).')}
          {method === 'admin-create' && (
            <div className="import-invitation" role="group" aria-label="Invitation">
              {(['email', 'suppress'] as const).map((value) => (
                <div key={value} className="form-check form-check-inline mb-0">
                  <input
                    id={`import-invitation-${value}`}
                    className="form-check-input"
                    type="radio"
                    name="import-invitation"
                    checked={invitation === value}
                    disabled={disabled}
                    onChange={() => onInvitation(value)}
                  />
                  <label className="form-check-label small" htmlFor={`import-invitation-${value}`}>
                    {value === 'email' ? 'Email the invitation' : 'Suppress it'}
                  </label>
                </div>
              ))}
            </div>
          )}
        </div>
      </div>
      {method === 'signup' && withoutPassword > 0 && (
        <div className="alert alert-warning py-1 px-2 mt-2 mb-0 small" role="alert">
          {withoutPassword.toLocaleString()} row{withoutPassword === 1 ? ' has' : 's have'} no password: SignUp needs one, so{' '}
          {withoutPassword === 1 ? 'it' : 'they'} will be skipped. Choose AdminCreateUser to create {withoutPassword === 1 ? 'it' : 'them'} too.
        </div>
      )}
    </fieldset>
  )
}
