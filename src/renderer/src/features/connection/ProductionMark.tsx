import { useState } from 'react'

interface Props {
  region: string
  userPoolId: string
  /** The pool is marked now (by this profile, another one or the environment). */
  marked: boolean
  /** Marking is a plain tick for a pool that is not marked yet. */
  onMark: (production: boolean) => void
  onUnmark: (typedPoolId: string) => Promise<void>
  busy: boolean
}

/**
 * The profile's production mark. Ticking it marks the pool; the mark belongs to the pool, so taking it
 * away is its own step: the pool ID typed again here, then a question main asks in a dialog of the
 * operating system, which no page can answer.
 */
export function ProductionMark({ region, userPoolId, marked, onMark, onUnmark, busy }: Props) {
  const [removing, setRemoving] = useState(false)
  const [typed, setTyped] = useState('')
  if (!marked) {
    return (
      <label className="form-check small">
        <input type="checkbox" className="form-check-input" checked={false} onChange={(e) => onMark(e.target.checked)} />
        Production (confirm every write)
      </label>
    )
  }
  return (
    <div className="small">
      {/* Flowing text, so it wraps between words at any width instead of in narrow flex columns. */}
      <div>
        <span className="badge text-bg-danger me-2">Production</span>
        every write to {userPoolId} is confirmed, whichever profile names it.{' '}
        {!removing && (
          <button type="button" className="btn btn-link btn-sm p-0 align-baseline text-nowrap" onClick={() => setRemoving(true)}>
            Remove production mark…
          </button>
        )}
      </div>
      {removing && (
        <div className="border rounded p-2 mt-2" role="group" aria-label="Remove the production mark">
          <label className="form-label d-block mb-2">
            Type the pool ID <code>{userPoolId}</code> to remove its production mark ({region}). You are then asked once more, in a dialog of your computer.
            <input className="form-control form-control-sm mt-1" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
          </label>
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-sm btn-danger" disabled={busy || typed.trim() !== userPoolId} onClick={() => void onUnmark(typed)}>
              Remove production mark
            </button>
            <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => setRemoving(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
