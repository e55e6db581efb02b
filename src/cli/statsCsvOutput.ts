/** `stats --csv` and `list-tier --csv`: the CSV streamed to stdout, or to the file named by --out. */
import type { TierBucket } from '../shared/domain'
import { UsageError, type Values } from './cliIo'
import type { CommandContext } from './command'

export const csvOut = { type: 'string', description: 'With --csv: write the CSV to this file (private, replaced whole) instead of stdout' } as const

/** --out only makes sense with --csv. */
export function checkCsvOut(values: Values): void {
  if (values.out !== undefined && values.csv !== true) throw new UsageError('--out needs --csv: it names the file the CSV goes to.')
}

/**
 * Asks the contract first (the figures, or a tier's first member), so a tier that is not one or a pool
 * with no finished scan is reported as everywhere else; then streams the CSV from the stats service.
 */
export async function printStatsCsv(
  { app, io, values, call }: CommandContext,
  request: { kind: 'figures' } | { kind: 'tier'; bucket: string }
): Promise<number> {
  const checked =
    request.kind === 'figures' ? await call('getStats', undefined) : await call('listTierMembers', { bucket: request.bucket, offset: 0, limit: 1 })
  if (!checked) return 1
  const csvRequest = request.kind === 'figures' ? request : { kind: 'tier' as const, bucket: request.bucket as TierBucket }
  const stats = app.services().stats
  if (typeof values.out === 'string') {
    const saved = await stats.writeCsv(csvRequest, values.out)
    io.err(`Saved ${saved.rows} rows to ${saved.path}.`)
    return 0
  }
  // Rows end in CRLF; io.out adds the LF back, so stdout gets the CSV byte for byte, a row at a time.
  for await (const chunk of stats.csvLines(csvRequest)) io.out(chunk.replace(/\n$/, ''))
  return 0
}
