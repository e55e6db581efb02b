/** What one CLI command is: its usage and options, the checks made before the pool opens, and its run. */
import type { Operation, ResultOf } from '../shared/contract'
import type { JobUpdates } from '../main/jobs/jobUpdates'
import type { CliIo, Values } from './cliIo'

/** Sends one contract request; null when it failed (the failure is already reported). */
export type Call = <K extends Operation>(operation: K, payload: unknown) => Promise<ResultOf<K> | null>
/** Prints a result: as JSON with --json, else the human sentence. */
export type Print = (data: unknown, human: string) => void

/** What a command's run gets once its options passed the checks and the pool is open. */
export interface CommandContext {
  /** The options, the bare argument already stored under the option it stands for. */
  values: Values
  io: CliIo
  call: Call
  /** Every job's progress, as the window hears it: a command that starts a job follows it here (followJob.ts). */
  jobUpdates: JobUpdates
  print: Print
  asJson: boolean
}

/** One option of a command. */
export interface CommandOption {
  type: 'string' | 'boolean'
  multiple?: boolean
  description: string
  /** The only values it takes: a value not among them is a usage error that lists them (parseOptions.ts). */
  choices?: readonly string[]
}

export interface Command {
  summary: string
  usage: string
  options: Record<string, CommandOption>
  /**
   * The options bare arguments stand for, in order, each unless given as a flag ("get jane" = "get
   * --username jane"; "forget-device jane KEY" = "--username jane --device-key KEY").
   */
  positional?: string | readonly string[]
  /** The list option that takes every bare argument after those ("set-attribute jane email=… name=…" = two --attr). */
  rest?: string
  /** Options that must be given (a missing one is a usage error, exit 2). */
  required?: string[]
  /** Options that cannot be given together, e.g. [['csv', 'json']]. */
  exclusive?: [string, string][]
  /** Further usage checks on the options alone: throws UsageError, before any pool is opened. */
  check?: (values: Values, io: CliIo) => void
  /** Exit code: 0 success, 1 the operation failed. */
  run: (context: CommandContext) => Promise<number>
}

export const json = { type: 'boolean', description: 'Print the result as JSON' } as const
export const usernameOption = { type: 'string', description: 'The username' } as const

/** The usual run: one contract request built from the options, its result printed. */
export function callAndPrint<K extends Operation>(operation: K, request: (values: Values) => unknown, human: (result: ResultOf<K>) => string): Command['run'] {
  return async ({ values, call, print }) => {
    const result = await call(operation, request(values))
    if (!result) return 1
    print(result, human(result))
    return 0
  }
}

/** A request made of these options, under their own names: `fromOptions('username', 'group')`. */
export const fromOptions =
  (...names: string[]) =>
  (values: Values): Record<string, unknown> =>
    Object.fromEntries(names.map((name) => [name, values[name]]))

/** The request of the many commands that name one user. */
export const byUsername = fromOptions('username')
