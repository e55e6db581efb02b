/**
 * `export`: every user of the pool with every attribute to a file, as CSV or JSON lines. Progress goes
 * to stderr (not with --json); Ctrl+C cancels, and the file is then left as it was (a partial export
 * is never written to it). A stopped export starts over when run again.
 */
import { resolve } from 'node:path'
import { EXPORT_FORMATS, type ExportFormat } from '../shared/exportFormats'
import type { ExportProgress } from '../shared/jobProgress'
import { reportError, UsageError, type CliIo } from './cliIo'
import { json, type Command } from './command'

const PROGRESS_LINE_MS = 500

export const exportUsers: Command = {
  summary: 'Export every user with every attribute, status, enabled flag and dates to a file (CSV or JSON lines)',
  usage: 'export [--format csv|jsonl] --out FILE [--json]',
  options: {
    format: { type: 'string', description: 'csv (the default; cells a spreadsheet would run as a formula are neutralised) or jsonl' },
    out: { type: 'string', description: 'The file to write (private; replaced only once the export is whole)' },
    json
  },
  required: ['out'],
  check: (values) => {
    if (values.format !== undefined && !(EXPORT_FORMATS as readonly unknown[]).includes(values.format))
      throw new UsageError(`--format must be csv or jsonl, not "${String(values.format)}".`)
    if (values.out === '') throw new UsageError('--out needs a file name.')
  },
  run: async ({ values, io, app, print, asJson }) => {
    const format = (values.format ?? 'csv') as ExportFormat
    const service = app.services().export
    const unsubscribe = service.subscribe(asJson ? () => undefined : progressLines(io))
    // Ctrl+C cancels: the export cannot resume, and its parts are removed rather than left behind.
    const cancel = (): void => void service.cancel()
    process.once('SIGINT', cancel)
    let end: ExportProgress | null
    try {
      await service.start({ format, path: resolve(values.out as string) })
      end = await service.settled()
    } finally {
      unsubscribe()
      process.off('SIGINT', cancel)
    }
    if (end?.state === 'failed') {
      reportError(end.error ?? { code: 'INTERNAL', message: 'The export failed.' }, io, asJson)
      return 1
    }
    if (end?.state !== 'done') {
      reportError({ code: 'CANCELLED', message: `The export was ${end?.state ?? 'stopped'}; ${end?.path ?? 'the file'} was not written.` }, io, asJson)
      return 1
    }
    const mode = end.modeReason ? ` (read in one sequential pass: ${end.modeReason})` : ''
    print(end, `Exported ${end.users} users to ${end.path} in ${(end.elapsedMs / 1000).toFixed(1)} s${mode}.`)
    return 0
  }
}

function progressLines(io: CliIo): (jobId: string, progress: ExportProgress) => void {
  let lastLine = -Infinity
  return (_jobId, progress) => {
    const now = performance.now()
    if (progress.state !== 'running' || now - lastLine < PROGRESS_LINE_MS) return
    lastLine = now
    const of = progress.estimatedUsers === undefined ? '' : ` of about ${progress.estimatedUsers}`
    const eta = progress.etaSeconds === null ? '' : `, about ${progress.etaSeconds} s left`
    io.err(`Exporting: ${progress.users}${of} users, ${Math.round(progress.rate)} users/s${eta}`)
  }
}
