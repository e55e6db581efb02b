/** The statistics scan on the command line: start or resume it, follow its progress, print its figures. */
import type { ScanProgress } from '../shared/domain'
import { reportError, type CliIo } from './cliIo'
import { json, type Command, type CommandContext } from './command'
import { formatFigures } from './format'
import { checkCsvOut, csvOut, printStatsCsv } from './statsCsvOutput'

/** Progress lines on stderr at most this often: the service pushes about four a second. */
const PROGRESS_LINE_MS = 500

export const stats: Command = {
  summary: 'Scan the pool and print tier statistics (resumes an unfinished scan)',
  usage: 'stats [--json | --csv [--out FILE]]',
  exclusive: [['csv', 'json']],
  options: { json, csv: { type: 'boolean', description: 'Print the figures as CSV' }, out: csvOut },
  check: checkCsvOut,
  run: async (context) => {
    const { values, io, app, call, asJson } = context
    // Through the contract, so a refused start (another process scans this pool) is reported like any failure.
    if (!(await call('startStats', undefined))) return 1
    const service = app.services().stats
    const unsubscribe = service.subscribe(values.json || values.csv ? () => undefined : progressLines(io))
    // Ctrl+C pauses the scan where it can resume from, instead of leaving it interrupted.
    const pause = (): void => void service.pause()
    process.once('SIGINT', pause)
    let final: ScanProgress | null
    try {
      final = await service.settled()
    } finally {
      unsubscribe()
      process.off('SIGINT', pause)
    }
    if (final?.state === 'failed') {
      reportError(final.error ?? { code: 'INTERNAL', message: 'The scan failed.' }, io, asJson)
      return 1
    }
    if (final && final.state !== 'done') {
      const message = `The scan stopped (${final.state}) before it finished; its finished part is kept. Run "tier-admin stats" again to resume it.`
      reportError({ code: 'CANCELLED', message }, io, asJson)
      return 1
    }
    return printResult(context)
  }
}

function progressLines(io: CliIo): (progress: ScanProgress) => void {
  let lastLine = -Infinity
  return (progress) => {
    const now = performance.now()
    if (progress.state !== 'running' || now - lastLine < PROGRESS_LINE_MS) return
    lastLine = now
    io.err(`Scanning: ${progress.users} users, ${progress.partitionsDone}/${progress.partitionsTotal} partitions, ${Math.round(progress.rate)} users/s`)
  }
}

async function printResult(context: CommandContext): Promise<number> {
  const { values, io, call, print, asJson } = context
  if (values.csv) return printStatsCsv(context, { kind: 'figures' })
  const snapshot = await call('getStats', undefined)
  if (!snapshot) return 1
  const last = snapshot.last
  if (!last) {
    reportError({ code: 'NO_SCAN_RESULT', message: 'The scan ended without a result.' }, io, asJson)
    return 1
  }
  // The JSON is the result as kept, modeReason included when the scan fell back to one sequential pass.
  const mode = last.modeReason ? `${last.mode}: ${last.modeReason}` : last.mode
  print(last, `${formatFigures(last.figures)}\nScanned ${last.figures.total} users in ${(last.durationMs / 1000).toFixed(1)} s (${mode}).`)
  return 0
}
