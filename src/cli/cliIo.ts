/** What every CLI command gets: its input and output, usage errors, and how failures are printed. */
import type { AppErrorShape } from '../shared/errors'

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  readStdin: () => Promise<string>
  env: NodeJS.ProcessEnv
}

/** A mistake in how the command was called: reported with the usage line, exit code 2. */
export class UsageError extends Error {}

export type Values = Record<string, string | boolean | string[] | undefined>

/** Prints a failure the way the app words it; as JSON too when --json was given. */
export function reportError(error: AppErrorShape, io: CliIo, asJson: boolean): void {
  if (asJson) io.out(JSON.stringify({ error }, null, 2))
  io.err(`Error (${error.code}): ${error.message}`)
  for (const [field, message] of Object.entries(error.fields ?? {})) io.err(`  ${field}: ${message}`)
}
