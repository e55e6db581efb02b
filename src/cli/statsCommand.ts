/** The statistics scan on the command line: start or resume it, follow its progress, print its figures. */
import { counted } from '../shared/display'
import { reportError } from './cliIo'
import { json, type Command, type CommandContext } from './command'
import { followJob } from './followJob'
import { formatFigures } from './format'
import { checkCsvOut, csvOut, printStatsCsv } from './statsCsvOutput'
import { checkDays, daysOf, historyOptions, printHistory } from './statsHistoryOutput'

export const stats: Command = {
  summary: 'Scan the pool and print tier statistics (resumes an unfinished scan); --history prints the kept scans instead',
  usage: 'stats [--history] [--days N] [--json | --csv [--out FILE]]',
  exclusive: [['csv', 'json']],
  options: {
    json,
    csv: { type: 'boolean', description: 'Print the figures, the kept scans and the tier changes per day as CSV' },
    out: csvOut,
    ...historyOptions
  },
  check: (values) => {
    checkCsvOut(values)
    checkDays(values)
  },
  run: async (context) => {
    const { io, call, asJson } = context
    if (context.values.history) return printHistory(context)
    // Through the contract, so a refused start (another process scans this pool) is reported like any failure.
    const final = await followJob(context, {
      kind: 'stats-scan',
      start: () => call('startStats', undefined),
      stop: () => call('pauseStats', undefined),
      line: (p) => `Scanning: ${p.users} users, ${p.partitionsDone}/${p.partitionsTotal} partitions, ${Math.round(p.rate)} users/s`
    })
    if (!final) return 1
    if (final.state === 'failed') {
      reportError(final.error ?? { code: 'INTERNAL', message: 'The scan failed.' }, io, asJson)
      return 1
    }
    if (final.state !== 'done') {
      const message = `The scan stopped (${final.state}) before it finished; its finished part is kept. Run "tier-admin stats" again to resume it.`
      reportError({ code: 'CANCELLED', message }, io, asJson)
      return 1
    }
    return printResult(context)
  }
}

async function printResult(context: CommandContext): Promise<number> {
  const { values, io, call, print, asJson } = context
  if (values.csv) return printStatsCsv(context, { kind: 'figures', days: daysOf(values) ?? undefined })
  const snapshot = await call('getStats', undefined)
  if (!snapshot) return 1
  const last = snapshot.last
  if (!last) {
    reportError({ code: 'NO_SCAN_RESULT', message: 'The scan ended without a result.' }, io, asJson)
    return 1
  }
  // The JSON is the result as kept, modeReason included when the scan read the pool from start to end.
  const scanned = `Scanned ${counted(last.figures.total, 'user')} in ${(last.durationMs / 1000).toFixed(1)} s.`
  print(last, [formatFigures(last.figures), scanned, ...(last.modeReason ? [last.modeReason] : [])].join('\n'))
  return 0
}
