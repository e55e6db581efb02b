import type { ImportPreview, ImportProblem } from '../../../../shared/importing'

/** Each kind of row the preview leaves out, as the counts line names it. */
const PROBLEM_LABELS: Record<ImportProblem, string> = {
  username: 'bad username',
  email: 'bad email',
  password: 'bad password',
  duplicate: 'duplicate',
  tier: 'unknown tier',
  attribute: 'bad attribute',
  exists: 'already in the pool'
}

/** "26 Nov 2026, 14:05": one line with the sentence around it in a 1024-pixel window. */
function shortDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' })}, ${date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}`
}

/** What the file holds, in one line the operator can check against their spreadsheet, and an earlier import of it. */
export function ImportPreviewSummary({ preview }: { preview: ImportPreview }) {
  const counts = new Map<ImportProblem, number>()
  for (const row of preview.rows) if (row.problem) counts.set(row.problem, (counts.get(row.problem) ?? 0) + 1)
  const leftOut = preview.rows.length - preview.creates
  const kinds = (Object.keys(PROBLEM_LABELS) as ImportProblem[]).filter((kind) => counts.has(kind))
  return (
    <>
      {preview.earlier && (
        <div className="alert alert-info py-1 px-2 mb-2 small" role="note">
          This file was imported on {shortDateTime(preview.earlier.createdAt)}: {preview.earlier.created.toLocaleString()} user
          {preview.earlier.created === 1 ? '' : 's'} created then; they are marked as already in the pool.
        </div>
      )}
      <p className="small mb-2" role="status" aria-label="What the file holds">
        <strong>{preview.rows.length.toLocaleString()}</strong> row{preview.rows.length === 1 ? '' : 's'} · <strong>{preview.creates.toLocaleString()}</strong>{' '}
        to create · <strong>{leftOut.toLocaleString()}</strong> left out
        {kinds.length > 0 && ` (${kinds.map((kind) => `${PROBLEM_LABELS[kind]}: ${counts.get(kind)!.toLocaleString()}`).join(', ')})`} ·{' '}
        <strong>{preview.withoutPassword.toLocaleString()}</strong> without password
      </p>
    </>
  )
}
