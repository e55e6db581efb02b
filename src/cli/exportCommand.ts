/**
 * `export`: every user of the pool with every attribute to a file, as CSV or JSON lines. Progress goes
 * to stderr (not with --json); Ctrl+C cancels, and the file is then left as it was (a partial export
 * is never written to it). A stopped export starts over when run again.
 */
import { EXPORT_FORMATS, type ExportFormat } from '../shared/exportFormats'
import { reportError, UsageError } from './cliIo'
import { json, type Command } from './command'
import { followJob } from './followJob'

export const exportUsers: Command = {
  summary: 'Export every user with every attribute, status, enabled flag and dates to a file (CSV or JSON lines)',
  usage: 'export [--format csv|jsonl] --out FILE [--json]',
  options: {
    format: { type: 'string', choices: EXPORT_FORMATS, description: 'csv (the default; cells a spreadsheet would run as a formula are neutralised) or jsonl' },
    out: { type: 'string', description: 'The file to write (private; replaced only once the export is whole)' },
    json
  },
  required: ['out'],
  check: (values) => {
    if (values.out === '') throw new UsageError('--out needs a file name.')
  },
  run: async (context) => {
    const { values, io, call, print, asJson } = context
    const format = (values.format ?? 'csv') as ExportFormat
    // Ctrl+C cancels: the export cannot resume, and its parts are removed rather than left behind.
    const end = await followJob(context, {
      kind: 'export',
      start: () => call('startExport', { format }),
      stop: () => call('cancelExport', undefined),
      line: (p) => {
        const of = p.estimatedUsers === undefined ? '' : ` of about ${p.estimatedUsers}`
        const eta = p.etaSeconds === null ? '' : `, about ${p.etaSeconds} s left`
        return `Exporting: ${p.users}${of} users, ${Math.round(p.rate)} users/s${eta}`
      }
    })
    if (!end) return 1
    if (end.state === 'failed') {
      reportError(end.error ?? { code: 'INTERNAL', message: 'The export failed.' }, io, asJson)
      return 1
    }
    if (end.state !== 'done') {
      reportError({ code: 'CANCELLED', message: `The export was ${end.state}; ${end.path} was not written.` }, io, asJson)
      return 1
    }
    const mode = end.modeReason ? ` (read in one sequential pass: ${end.modeReason})` : ''
    print(end, `Exported ${end.users} users to ${end.path} in ${(end.elapsedMs / 1000).toFixed(1)} s${mode}.`)
    return 0
  }
}
