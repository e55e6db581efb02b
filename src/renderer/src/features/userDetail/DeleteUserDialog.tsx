import { useRef, useState } from 'react'
import { Modal } from '../../components/Modal'
import { whenSubmitted } from '../../lib/forms'

interface Props {
  username: string
  onDelete: (confirmUsername: string) => void
  onCancel: () => void
}

/**
 * Deleting cannot be undone, so the operator types the username: a second look at whose account goes,
 * which a practised click on "Yes" would not give. Focus starts in that box; Escape backs out; Tab
 * stays inside; focus returns to the opener when it closes.
 */
export function DeleteUserDialog({ username, onDelete, onCancel }: Props) {
  const [typed, setTyped] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const matches = typed === username

  return (
    <Modal
      labelledBy="delete-user-title"
      className="bg-body text-body"
      initialFocus={inputRef}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        onCancel()
      }}
    >
      <form className="p-4" onSubmit={whenSubmitted(() => matches && onDelete(typed))}>
        <h2 id="delete-user-title" className="h5">
          Delete {username}?
        </h2>
        <p>
          This cannot be undone: the account, its attributes, its tier and its group memberships are removed from the pool, and {username} can no longer sign
          in. To let them back later, disable the account instead.
        </p>
        <label htmlFor="delete-confirm-username" className="form-label">
          Type <strong className="mono">{username}</strong> to confirm
        </label>
        <input
          ref={inputRef}
          id="delete-confirm-username"
          className="form-control mb-4"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
        />
        <div className="d-flex justify-content-end gap-2">
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" disabled={!matches}>
            Delete user
          </button>
        </div>
      </form>
    </Modal>
  )
}
