import type { AppErrorShape } from '../../../shared/errors'

/** An operation's failure: the sentence that says what to do, and the stable code for support. */
export function ErrorAlert({ error, title }: { error: AppErrorShape | null; title?: string }) {
  if (!error) return null
  return (
    <div className="alert alert-danger" role="alert">
      {title && <div className="fw-semibold">{title}</div>}
      <div>{error.message}</div>
      <div className="text-muted error-code mt-1">code: {error.code}</div>
    </div>
  )
}
