import { useRef, useState } from 'react'
import type { DoctorCheck, DoctorDocument } from '../../../../shared/doctor'

/**
 * The policy documents a doctor's fix asks the operator to create, each as JSON to paste with a Copy
 * button. Open for a failing check; folded for one that only says how to turn a feature on (tier
 * returns when no role is set), so that line stays one line until asked.
 */
export function DoctorDocuments({ check }: { check: DoctorCheck }) {
  const documents = check.documents ?? []
  if (!documents.length || check.status === 'pass') return null
  const count = documents.length === 1 ? 'the policy document' : `the ${documents.length} policy documents`
  return (
    <details className="mt-1" open={check.status === 'fail'}>
      <summary className="small">Show {count} to paste</summary>
      {documents.map((document) => (
        <DocumentBlock key={document.title} document={document} />
      ))}
    </details>
  )
}

function DocumentBlock({ document }: { document: DoctorDocument }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'select'>('idle')
  const preRef = useRef<HTMLPreElement>(null)
  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(document.text)
      setCopied('copied')
    } catch {
      // A window refused the clipboard: select the text for Ctrl+C instead of failing silently.
      const selection = window.getSelection()
      if (preRef.current && selection) selection.selectAllChildren(preRef.current)
      setCopied('select')
    }
  }
  return (
    <div className="mt-1">
      <div className="small d-flex align-items-center gap-2">
        <span className="fw-semibold">{document.title}</span>
        <button type="button" className="btn btn-link btn-sm p-0" aria-label={`Copy: ${document.title}`} onClick={() => void copy()}>
          <span aria-live="polite">{copied === 'copied' ? 'Copied' : copied === 'select' ? 'Selected: press Ctrl+C' : 'Copy'}</span>
        </button>
      </div>
      <pre
        ref={preRef}
        className="mono small border rounded bg-body-tertiary p-2 mb-1 overflow-auto"
        style={{ maxHeight: '16rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        tabIndex={0}
      >
        {document.text}
      </pre>
    </div>
  )
}
