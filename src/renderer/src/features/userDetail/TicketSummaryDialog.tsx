import { useEffect, useRef, useState } from 'react'
import type { AppErrorShape } from '../../../../shared/errors'
import type { TicketSummary } from '../../../../shared/support'
import { api } from '../../api/api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'

type Format = 'text' | 'markdown'
const FORMAT_LABELS: Record<Format, string> = { text: 'Plain text', markdown: 'Markdown' }
/** The format's name inside a sentence: "plain text", but Markdown keeps its capital. */
const inSentence = (format: Format): string => (format === 'text' ? 'plain text' : FORMAT_LABELS.markdown)

interface Props {
  username: string
  onClose: () => void
}

/**
 * "Copy summary": the summary main made (the same words as `tier-admin summary`), shown as it will be
 * pasted, in plain text or Markdown, copied with one button. The clipboard takes one text at a time,
 * so the operator picks the form their ticket system reads. When the page is refused the clipboard,
 * the text is selected in its box, ready for Ctrl+C.
 */
export function TicketSummaryDialog({ username, onClose }: Props) {
  const [summary, setSummary] = useState<TicketSummary | null>(null)
  const [error, setError] = useState<AppErrorShape | null>(null)
  const [format, setFormat] = useState<Format>('text')
  const [copied, setCopied] = useState<'copied' | 'refused' | null>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    let live = true
    void api.userSummary({ username }).then((reply) => {
      if (!live) return
      if (reply.ok) setSummary(reply.data)
      else setError(reply.error)
    })
    return () => {
      live = false
    }
  }, [username])

  const shown = summary ? summary[format] : ''
  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(shown)
      setCopied('copied')
    } catch {
      setCopied('refused')
      textRef.current?.focus()
      textRef.current?.select()
    }
  }

  return (
    <Modal
      labelledBy="summary-dialog-title"
      focusable="input, textarea, button:not([disabled])"
      onEscape={onClose}
      initialFocus={closeRef}
      className="summary-dialog"
    >
      <div className="p-3">
        <h2 id="summary-dialog-title" className="h5">
          Summary of {username} for the ticket
        </h2>
        <div className="d-flex flex-wrap align-items-center gap-3 mb-2" role="radiogroup" aria-label="Format">
          {(Object.keys(FORMAT_LABELS) as Format[]).map((key) => (
            <div key={key} className="form-check form-check-inline m-0">
              <input
                id={`summary-format-${key}`}
                className="form-check-input"
                type="radio"
                name="summary-format"
                checked={format === key}
                onChange={() => {
                  setFormat(key)
                  setCopied(null)
                }}
              />
              <label className="form-check-label" htmlFor={`summary-format-${key}`}>
                {FORMAT_LABELS[key]}
              </label>
            </div>
          ))}
        </div>
        {error && <ErrorAlert error={error} />}
        <label className="visually-hidden" htmlFor="summary-text">
          The summary as it will be pasted
        </label>
        <textarea
          ref={textRef}
          id="summary-text"
          className="form-control form-control-sm mono summary-text"
          readOnly
          value={summary ? shown : error ? '' : 'Reading the user, their groups and history…'}
        />
        <p className="small mt-2 mb-0" role="status" aria-live="polite">
          {copied === 'copied' && `Copied the ${inSentence(format)} summary to the clipboard.`}
          {copied === 'refused' && 'The clipboard was refused: the text is selected, press Ctrl+C to copy it.'}
          {!copied && 'Holds no password, code, secret or token.'}
        </p>
        <div className="d-flex justify-content-end gap-2 mt-3">
          <button ref={closeRef} type="button" className="btn btn-outline-secondary" onClick={onClose}>
            Close
          </button>
          <button type="button" className="btn btn-primary" disabled={!summary} onClick={() => void copy()}>
            Copy {inSentence(format)}
          </button>
        </div>
      </div>
    </Modal>
  )
}
