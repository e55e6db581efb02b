/**
 * Imported first by every bench: says which bench runs (so `npm run bench`, which runs them one after
 * another, shows where each table and each failure comes from), and names the bench in a failure that
 * nothing else catches.
 */
import { basename } from 'node:path'

export const BENCH = basename(process.argv[1] ?? 'bench').replace(/\.bench\.[cm]?[jt]s$/, '')

console.log(`\n## Bench: ${BENCH}${process.argv.length > 2 ? ` (${process.argv.slice(2).join(' ')})` : ''}`)

/** Ends the run with the bench's name before the error. */
export function benchFailed(error: unknown): never {
  console.error(`Bench ${BENCH} failed:`, error)
  process.exit(1)
}

process.on('uncaughtException', benchFailed)
process.on('unhandledRejection', benchFailed)
