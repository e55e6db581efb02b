/**
 * The rows of `bulk-set-tier`: a CSV file with a header naming `username` and `tier` (read with
 * papaparse: a byte-order mark, quoted cells, `;` as separator and CRLF line ends are all accepted), or
 * `--tier X --users a,b,c`. Mistakes in the file are usage errors that name the file and the line.
 */
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { MAX_BULK_ROWS } from '../shared/bulk'
import { tierFromInput, TIERS } from '../shared/tiers'
import { UsageError, type Values } from './cliIo'

export interface BulkRowInput {
  username: string
  tier: string
}

export function bulkRowsFrom(values: Values): BulkRowInput[] {
  const file = values.file as string | undefined
  if (file !== undefined && (values.tier !== undefined || values.users !== undefined)) {
    throw new UsageError('Give either a CSV file or --tier with --users, not both.')
  }
  const rows = file !== undefined ? parseBulkCsv(readCsv(file), file) : rowsFromFlags(values)
  if (rows.length === 0) throw new UsageError(file !== undefined ? `${file} holds no rows under its header.` : '--users names no user.')
  if (rows.length > MAX_BULK_ROWS) throw new UsageError(`At most ${MAX_BULK_ROWS} rows in one bulk change; ${rows.length} given.`)
  return rows
}

function rowsFromFlags(values: Values): BulkRowInput[] {
  if (values.tier === undefined || values.users === undefined) throw new UsageError('Give a CSV file, or both --tier and --users.')
  const tier = tierFromInput(values.tier as string)
  if (!tier) throw new UsageError(`--tier must be ${TIERS.join(' or ')}, not "${String(values.tier)}".`)
  return (values.users as string)
    .split(',')
    .map((username) => username.trim())
    .filter((username) => username !== '')
    .map((username) => ({ username, tier }))
}

function readCsv(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`)
  }
}

export function parseBulkCsv(text: string, name = 'the CSV'): BulkRowInput[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase()
  })
  const problem = parsed.errors.find((error) => error.code !== 'UndetectableDelimiter')
  if (problem) throw new UsageError(`${name}, line ${(problem.row ?? 0) + 2}: ${problem.message}.`)
  const fields = parsed.meta.fields ?? []
  if (!fields.includes('username') || !fields.includes('tier')) {
    throw new UsageError(`${name} needs a header line naming the columns username and tier (found: ${fields.join(', ') || 'none'}).`)
  }
  return parsed.data.map((record) => ({ username: (record.username ?? '').trim(), tier: (record.tier ?? '').trim() }))
}
