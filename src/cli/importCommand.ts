/**
 * `tier-admin import`: bulk registration from a CSV file. It always previews first (the file is read
 * and every row checked against the pool, nothing sent); with --dry-run it stops there, else it creates
 * the users by the --method given. Progress goes to stderr (not with --json); Ctrl+C pauses the job
 * where `tier-admin jobs --resume <id>` picks it up, so no user is created twice.
 */
import { IMPORT_METHODS, type ImportMethod, type Invitation } from '../shared/importing'
import { reportError, UsageError, type Values } from './cliIo'
import { json, type Command, type CommandContext } from './command'
import { followJob } from './followJob'
import { counted } from '../shared/display'
import { formatFailures, formatImportPreview, importCounts, skippedKinds, summarizePreview, type ImportPreviewSummary } from './importOutput'
const methods = IMPORT_METHODS.join('|')

export const importUsers: Command = {
  summary: 'Register many users from a CSV file: preview, then create them with --method (resumable; see jobs)',
  usage: `import <file.csv> [--method ${methods}] [--suppress-invitation] [--dry-run] [--out results.csv] [--json]`,
  positional: 'file',
  required: ['file'],
  options: {
    file: { type: 'string', description: 'A CSV file with a header naming username and email (tier, password and attribute columns optional)' },
    method: {
      type: 'string',
      choices: IMPORT_METHODS,
      description: 'signup (each user gets a confirmation code) or admin-create (Cognito sends an invitation)'
    },
    'suppress-invitation': { type: 'boolean', description: 'With admin-create: send no invitation email (you pass the passwords on)' },
    'dry-run': { type: 'boolean', description: 'Only preview the file: nothing is sent to the pool' },
    out: { type: 'string', description: "Write every row's result as CSV to this file (else the failed rows are printed)" },
    json
  },
  exclusive: [['dry-run', 'out']],
  check: checkImport,
  run: async (context) => {
    const { values, io, call, print, asJson } = context
    // The file is read by main (as the window's open dialog has it do); a refused file is the caller's input, exit 2.
    const preview = await call('importPreview', undefined)
    if (!preview) return 1
    const summary = summarizePreview(preview)
    if (values['dry-run'] === true) {
      print({ preview: summary, sent: false }, `${formatImportPreview(preview)}\nDry run: nothing was sent to the pool.`)
      return 0
    }
    if (!asJson) io.err(formatImportPreview(preview))
    return followImport(context, preview.jobId, startOptions(values), summary)
  }
}

/** Usage mistakes found before the pool is opened: the file, the method and the invitation flag. */
function checkImport(values: Values): void {
  if (values.file === '') throw new UsageError('Give the file: tier-admin import <file.csv>.')
  if (values.out === '') throw new UsageError('--out needs a file name.')
  const method = values.method
  if (method === undefined && values['dry-run'] !== true) {
    throw new UsageError(`--method is required to import (${methods}); or preview only with --dry-run.`)
  }
  if (values['suppress-invitation'] === true && method !== 'admin-create') {
    throw new UsageError('--suppress-invitation goes only with --method admin-create (SignUp sends a confirmation code instead).')
  }
}

interface StartOptions {
  method?: ImportMethod
  invitation?: Invitation
}

function startOptions(values: Values): StartOptions {
  const method = values.method as ImportMethod
  if (method !== 'admin-create') return { method }
  return { method, invitation: values['suppress-invitation'] === true ? 'suppress' : 'email' }
}

/**
 * Starts or resumes the import job, follows it to its end, and prints how it ended. A resume (from
 * `jobs --resume`) passes no options: the job keeps the method it started with.
 */
export async function followImport(context: CommandContext, jobId: string, options: StartOptions = {}, summary?: ImportPreviewSummary): Promise<number> {
  const { values, io, call, print, asJson } = context
  if (!options.method && !(await startableAgain(context, jobId))) return 2
  const end = await followJob(context, {
    kind: 'import',
    jobId,
    start: () => call('importStart', { jobId, ...options }),
    stop: () => call('importPause', { jobId }),
    line: (p) => `Importing: ${importCounts(p)}, ${p.rate.toFixed(1)} rows/s${p.etaSeconds === null ? '' : `, about ${p.etaSeconds} s left`}`
  })
  if (!end) return 1
  const detail = await call('importJob', { jobId })
  if (!detail) return 1
  const saved = typeof values.out === 'string' ? await call('importResultsCsv', { jobId }) : undefined
  if (saved === null) return 1
  if (end.state === 'failed') reportError(end.error ?? { code: 'INTERNAL', message: 'The import failed.' }, io, asJson)
  else if (end.state !== 'done') {
    const message = `The import stopped (${end.state}) with ${end.done} of ${end.total} rows done; no other user was created. Resume it with "tier-admin jobs --resume ${jobId}".`
    reportError({ code: 'CANCELLED', message }, io, asJson)
  }
  if (end.state !== 'done') return 1
  const failed = detail.results.filter((row) => row.outcome === 'failed')
  const lines = [
    `Done: ${importCounts(end)} in ${(end.elapsedMs / 1000).toFixed(1)} s.`,
    ...skippedKinds(detail, end.existed),
    ...(saved === undefined ? formatFailures(detail, failed) : [`Wrote the results of ${counted(saved.rows, 'row')} to ${saved.path}.`])
  ]
  const document = { preview: summary ?? summarizePreview(detail.preview), jobId, method: detail.method, progress: end, failed, resultsFile: saved?.path }
  print(document, lines.join('\n'))
  // Like bulk-set-tier: rows that need the operator's attention make the run a failure for scripts.
  return failed.length > 0 ? 1 : 0
}

/** A job that was only previewed has no method to resume with: the operator runs `import` again. */
async function startableAgain({ call, io, asJson }: CommandContext, jobId: string): Promise<boolean> {
  const detail = await call('importJob', { jobId })
  if (!detail || detail.state !== 'previewed') return detail !== null
  const message = `${jobId} was only previewed, never started: import ${detail.fileName} with "tier-admin import <file> --method ${methods}".`
  reportError({ code: 'VALIDATION', message }, io, asJson)
  return false
}
