import type { AppErrorShape } from '../../../../shared/errors'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { whenSubmitted } from '../../lib/forms'

interface Props {
  value: string
  opening: boolean
  error: AppErrorShape | null
  onChange: (value: string) => void
  onOpen: (value: string) => void
}

/** The user a ticket names, by username, sub or email, straight into the panel (the list is left alone). */
export function OpenUserForm({ value, opening, error, onChange, onOpen }: Props) {
  return (
    <form className="users-open" aria-label="Open a user" onSubmit={whenSubmitted(() => value.trim() && onOpen(value))}>
      <label htmlFor="user-exact" className="visually-hidden">
        Username, sub or email
      </label>
      <div className="input-group input-group-sm">
        <input
          id="user-exact"
          className="form-control"
          value={value}
          maxLength={2048}
          placeholder="Username, sub or email"
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
        <BusyButton busy={opening} type="submit" className="btn btn-outline-primary" disabled={!value.trim()}>
          Open user
        </BusyButton>
      </div>
      {error && (
        <div className="mt-2">
          <ErrorAlert error={error} />
        </div>
      )}
    </form>
  )
}
