/** What every CLI command gets: its input and output, usage errors, and how failures are printed. */
import type { AppErrorShape } from '../shared/errors'
import { wordFor } from '../shared/wording'

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  /** Standard output as a stream, for a file written to it as it is made (a CSV without --out). */
  stdout: NodeJS.WritableStream
  readStdin: () => Promise<string>
  /** Asks for a secret without echoing it; absent when standard input is not a terminal. */
  readSecret?: (prompt: string) => Promise<string>
  /**
   * Shows a secret main made (a generated temporary password) on the terminal, apart from the result:
   * absent when standard error is not a terminal, so it never lands in a pipe, a file or a log.
   */
  showSecret?: (text: string) => void
  env: NodeJS.ProcessEnv
}

/** A mistake in how the command was called: reported with the usage line, exit code 2. */
export class UsageError extends Error {}

export type Values = Record<string, string | boolean | string[] | undefined>

/** Prints a failure in the CLI's words (flags, not form fields); as JSON too when --json was given. */
export function reportError(error: AppErrorShape, io: CliIo, asJson: boolean): void {
  const worded = { ...error, message: wordFor(error.message, 'cli') }
  if (asJson) io.out(JSON.stringify({ error: worded }, null, 2))
  io.err(`Error (${error.code}): ${worded.message}`)
}
