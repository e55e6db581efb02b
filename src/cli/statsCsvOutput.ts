/** `stats --csv` and `list-tier --csv`: the CSV streamed to stdout, or to the file named by --out. */
import { UsageError, type Values } from './cliIo'
import type { CommandContext } from './command'

export const csvOut = { type: 'string', description: 'With --csv: write the CSV to this file (private, replaced whole) instead of stdout' } as const

/** --out only makes sense with --csv. */
export function checkCsvOut(values: Values): void {
  if (values.out !== undefined && values.csv !== true) throw new UsageError('--out needs --csv: it names the file the CSV goes to.')
}

/**
 * Asks the contract first (the figures, or a tier's first member), so a tier that is not one or a pool
 * with no finished scan is reported as everywhere else; then has the CSV written to --out or stdout.
 */
export async function printStatsCsv(
  { io, values, call }: CommandContext,
  request: { kind: 'figures'; days?: number } | { kind: 'history'; days?: number } | { kind: 'tier'; bucket: string }
): Promise<number> {
  // The history needs no finished scan: there is nothing to ask first.
  const checked =
    request.kind === 'history'
      ? true
      : request.kind === 'figures'
        ? await call('getStats', undefined)
        : await call('listTierMembers', { bucket: request.bucket, offset: 0, limit: 1 })
  if (!checked) return 1
  const saved = await call('statsCsv', request)
  if (!saved) return 1
  if (typeof values.out === 'string') io.err(`Saved ${saved.rows} rows to ${saved.path}.`)
  return 0
}
