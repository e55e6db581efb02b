import { useEffect, useState } from 'react'
import { useStoreFields } from '../../hooks/useStoreFields'
import { ProfileEditor } from './ProfileEditor'
import { useProfiles } from './profilesStore'

/** The connection bar's profile picker: one choice switches and reconnects; "Profiles…" opens the editor. */
export function ProfilePicker({ production }: { production: boolean }) {
  const { view, busy, error, load, switchTo, clearError } = useStoreFields(useProfiles, ['view', 'busy', 'error', 'load', 'switchTo', 'clearError'])
  const [editing, setEditing] = useState(false)
  useEffect(() => void load(), [load])
  if (!view) return null
  return (
    <>
      <label className="d-flex align-items-center gap-2 small text-nowrap">
        Profile
        <select className="form-select form-select-sm w-auto" value={view.activeId} disabled={busy} onChange={(event) => void switchTo(event.target.value)}>
          {view.profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
              {profile.production ? ' (production)' : ''}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={`btn btn-sm ${production ? 'btn-outline-light' : 'btn-outline-secondary'} text-nowrap`} onClick={() => setEditing(true)}>
        Profiles…
      </button>
      {error && !editing && (
        <span role="alert" className={`small ${production ? 'text-white' : 'text-danger'}`}>
          {error.message}{' '}
          <button type="button" className="btn btn-link btn-sm p-0 align-baseline" onClick={clearError}>
            Dismiss
          </button>
        </span>
      )}
      {editing && <ProfileEditor onClose={() => setEditing(false)} />}
    </>
  )
}
