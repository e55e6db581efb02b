/**
 * How `tier-admin import` words what it found and how it ended: the preview's summary (bad rows by
 * kind, a few of each by line so the operator can find them in the spreadsheet), the counts, and the
 * rows that failed. The JSON forms carry the same facts without the per-row plan, which can be 10,000 rows.
 */
import type { ImportJobDetail, ImportPlanRow, ImportPreview, ImportProblem, ImportRowResult } from '../shared/importing'
import { counted } from '../shared/display'
import type { ImportProgress } from '../shared/jobProgress'

/** Rows shown per kind of problem: enough to see the pattern; the results CSV has them all. */
const ROWS_PER_PROBLEM = 3
/** Failed rows printed at the end without --out; more would scroll the summary away. */
export const FAILED_ROWS_SHOWN = 20

/** Each problem in the operator's words, in the order the summary lists them. */
const PROBLEMS: Record<ImportProblem, string> = {
  username: 'unusable username',
  email: 'missing or malformed email',
  password: "password the pool's policy refuses",
  duplicate: 'username or email repeated in the file',
  tier: 'unknown tier',
  attribute: 'attribute the pool does not have',
  exists: 'already in the pool'
}

export interface ImportPreviewSummary {
  jobId: string
  fileName: string
  rows: number
  creates: number
  withoutPassword: number
  leftOut: Partial<Record<ImportProblem, number>>
  /** Every row left out, by line, so a script can fix the file. */
  problems: { row: number; line: number; username: string; problem?: ImportProblem; reason?: string }[]
  earlier?: ImportPreview['earlier']
}

export function summarizePreview(preview: ImportPreview): ImportPreviewSummary {
  const skipped = preview.rows.filter((row) => row.action === 'skip')
  const leftOut: Partial<Record<ImportProblem, number>> = {}
  for (const row of skipped) if (row.problem) leftOut[row.problem] = (leftOut[row.problem] ?? 0) + 1
  return {
    jobId: preview.jobId,
    fileName: preview.fileName,
    rows: preview.rows.length,
    creates: preview.creates,
    withoutPassword: preview.withoutPassword,
    leftOut,
    problems: skipped.map(({ row, line, username, problem, reason }) => ({ row, line, username, problem, reason })),
    ...(preview.earlier ? { earlier: preview.earlier } : {})
  }
}

const day = (iso: string): string => iso.slice(0, 16).replace('T', ' ')

export function formatImportPreview(preview: ImportPreview): string {
  const skipped = preview.rows.filter((row) => row.action === 'skip')
  const lines = [`${preview.fileName}: ${counted(preview.rows.length, 'row')}, ${preview.creates} to create, ${skipped.length} left out.`]
  for (const problem of Object.keys(PROBLEMS) as ImportProblem[]) {
    const rows = skipped.filter((row) => row.problem === problem)
    if (rows.length === 0) continue
    lines.push(`  ${PROBLEMS[problem]} (${problem}): ${rows.length}`)
    lines.push(...rows.slice(0, ROWS_PER_PROBLEM).map((row) => `    ${lineReason(row)}`))
    if (rows.length > ROWS_PER_PROBLEM) lines.push(`    … and ${rows.length - ROWS_PER_PROBLEM} more`)
  }
  if (preview.withoutPassword > 0) {
    lines.push(`Without a password: ${preview.withoutPassword} (--method signup leaves them out; admin-create has Cognito make a temporary one).`)
  }
  if (preview.earlier) {
    const { jobId, createdAt, created } = preview.earlier
    lines.push(`This file was imported into this pool before: ${jobId} on ${day(createdAt)} created ${counted(created, 'user')}.`)
  }
  return lines.join('\n')
}

const lineReason = (row: ImportPlanRow): string => `line ${row.line}: ${row.reason ?? PROBLEMS[row.problem ?? 'username']}`

/** One count of skipped rows: those the preview left out and those found in the pool when their turn came. */
export const importCounts = (p: ImportProgress): string =>
  `${p.done}/${counted(p.total, 'row')}, ${p.created} created, ${p.skipped + p.existed} skipped, ${p.failed} failed`

/**
 * What the skipped rows were, each kind once: "Skipped: 24 already in the pool, 6 without a password
 * (SignUp needs one: import them with --method admin-create)". Empty when none was skipped.
 */
export function skippedKinds(detail: ImportJobDetail, existed: number): string[] {
  const counts = new Map<string, number>()
  for (const row of detail.preview.rows)
    if (row.action === 'skip' && row.problem) counts.set(PROBLEMS[row.problem], (counts.get(PROBLEMS[row.problem]) ?? 0) + 1)
  const kinds = [...counts].map(([label, count]) => `${count} ${label}`)
  // SignUp cannot register a row without a password; the preview let those rows through.
  const noPassword = detail.method === 'signup' ? detail.preview.withoutPassword : 0
  if (noPassword > 0) kinds.push(`${noPassword} without a password (SignUp needs one: import them with --method admin-create)`)
  if (existed > 0) kinds.push(`${existed} found in the pool when their turn came`)
  return kinds.length ? [`Skipped: ${kinds.join(', ')}. They were left as they are.`] : []
}

/** The failed rows by the line they came from (the results CSV, with --out, has every row). */
export function formatFailures(detail: ImportJobDetail, failed: ImportRowResult[]): string[] {
  if (failed.length === 0) return []
  const lineOf = new Map(detail.preview.rows.map((row) => [row.row, row.line]))
  const shown = failed.slice(0, FAILED_ROWS_SHOWN).map((row) => `  line ${lineOf.get(row.row) ?? '?'}\t${row.username}\t${row.reason ?? 'failed'}`)
  const more = failed.length > FAILED_ROWS_SHOWN ? [`  … and ${failed.length - FAILED_ROWS_SHOWN} more; write every row's result with --out FILE.`] : []
  return ['Failed:', ...shown, ...more]
}

/** One import job as `tier-admin jobs` lists it, beside the bulk jobs. */
export const importJobLine = (job: { jobId: string; state: string; fileName: string; createdAt: string; progress: ImportProgress }): string =>
  `${job.jobId}\t${job.state}\t${importCounts(job.progress)}\tprepared ${day(job.createdAt)}\t${job.fileName}`
