import type { Ref } from 'react'
import type { AppErrorShape } from '../../../shared/errors'
import { clampText, MAX_SHOWN_MESSAGE, MAX_TOOLTIP } from '../lib/clampText'

interface Props {
  error: AppErrorShape | null
  title?: string
  /** The alert, for a screen that puts focus on it when an action fails. */
  ref?: Ref<HTMLDivElement>
}

/** An operation's failure: the sentence that says what to do, and the stable code for support. */
export function ErrorAlert({ error, title, ref }: Props) {
  if (!error) return null
  const message = clampText(error.message, MAX_SHOWN_MESSAGE)
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="alert alert-danger message-block"
      role="alert"
      title={message === error.message ? undefined : clampText(error.message, MAX_TOOLTIP)}
    >
      {title && <div className="fw-semibold">{title}</div>}
      <div className="message-clamp">{message}</div>
      <div className="text-body-secondary error-code mt-1">code: {error.code}</div>
    </div>
  )
}
