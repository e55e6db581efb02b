/**
 * Options every command takes, wherever they stand on the line: which profile to connect with, the
 * confirmation that a command may write to a production profile's pool, and the ticket or reason its
 * writes carry.
 */
import { MAX_REASON_CHARS } from '../shared/audit'
import { UsageError } from './cliIo'

export interface GlobalOptions {
  /** A profile's id or name ("tier-admin profiles" lists them); else the one the app chose last. */
  profile?: string
  /** The pool ID of the production profile in use: the operator's "yes, write there". */
  yesProduction?: string
  /** The ticket or reason every write of the command carries (into the audit trail and Cognito's ClientMetadata). */
  reason?: string
}

const FLAGS = { '--profile': 'profile', '--yes-production': 'yesProduction', '--reason': 'reason' } as const

/** Takes the global options out of argv, leaving the command and its own options for parseArgs. */
export function takeGlobalOptions(argv: string[]): { argv: string[]; globals: GlobalOptions } {
  const rest: string[] = []
  const globals: GlobalOptions = {}
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i])
    if (!Object.hasOwn(FLAGS, flag)) {
      rest.push(argv[i])
      continue
    }
    const value = inline ?? argv[++i]
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${flag} needs a value.`)
    globals[FLAGS[flag as keyof typeof FLAGS]] = value
  }
  if (globals.reason !== undefined && globals.reason.trim().length > MAX_REASON_CHARS) {
    throw new UsageError(`--reason takes at most ${MAX_REASON_CHARS} characters (a ticket number or a sentence); this one has ${globals.reason.trim().length}.`)
  }
  return { argv: rest, globals }
}

function splitFlag(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=')
  return arg.startsWith('--') && at > 0 ? [arg.slice(0, at), arg.slice(at + 1)] : [arg, undefined]
}
