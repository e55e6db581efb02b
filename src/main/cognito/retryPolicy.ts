/**
 * The one retry policy for requests to Cognito: which failures another attempt can fix, which of them
 * a write that must not repeat may be resent after (the command table says which those are), how
 * patient a caller is, and how long to wait.
 */
import { commandFacts } from './commands'

/**
 * - throttled: Cognito refused the request before doing anything.
 * - refused: the connection was refused, so nothing left this computer.
 * - lost: the request may have reached Cognito and only its answer was lost (reset, timeout, 5xx).
 * - final: an answer another attempt would not change.
 */
export type FailureKind = 'throttled' | 'refused' | 'lost' | 'final'

const THROTTLED = new Set(['TooManyRequestsException', 'ThrottlingException'])
const REFUSED = new Set(['ECONNREFUSED'])
const LOST = new Set(['InternalErrorException', 'ServiceUnavailable', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'TimeoutError', 'RequestTimeout'])

/** Network errors hide their code under `cause`, so both levels are looked at. */
export function classifyFailure(error: unknown): FailureKind {
  const cause = (error as { cause?: unknown } | null)?.cause
  const names = cause ? [nameOf(error), nameOf(cause)] : [nameOf(error)]
  if (names.some((name) => THROTTLED.has(name))) return 'throttled'
  if (names.some((name) => REFUSED.has(name))) return 'refused'
  if (names.some((name) => LOST.has(name))) return 'lost'
  const fault = error as { $fault?: string; $metadata?: { httpStatusCode?: number } } | null
  const status = fault?.$metadata?.httpStatusCode
  return fault?.$fault === 'server' || (typeof status === 'number' && status >= 500) ? 'lost' : 'final'
}

/**
 * How long a caller waits out failures.
 * - short (the default): an operator is waiting, so a refused connection is reported at once as
 *   "cannot reach Cognito", and throttling or a lost answer gets about 3–6 s of retries.
 * - long: a scan of a whole pool, hours of work, rides out an outage or throttling storm of at least
 *   31 s (up to 63 s) before it stops, keeping what it has read.
 */
export type Patience = 'short' | 'long'

interface PatienceRule {
  attempts: number
  /** The longest single wait. */
  capMs: number
  /** Whether a refused connection is waited out rather than reported. */
  retryRefused: boolean
}

const PATIENCE: Record<Patience, PatienceRule> = {
  short: { attempts: 6, capMs: 5_000, retryRefused: false },
  long: { attempts: 12, capMs: 10_000, retryRefused: true }
}

export function patienceRule(patience: Patience = 'short'): PatienceRule {
  return PATIENCE[patience]
}

/** Whether a command that failed this way may be sent again under this patience. */
export function mayRetry(kind: FailureKind, commandName: string, rule: PatienceRule): boolean {
  switch (kind) {
    case 'throttled':
      return true
    case 'refused':
      return rule.retryRefused
    case 'lost':
      return commandFacts(commandName).repeatable
    case 'final':
      return false
  }
}

/**
 * The wait before attempt `attempt + 1`: exponential from 200 ms, capped, with "equal jitter" (half
 * fixed, half random) so callers that failed together spread out yet a long patience keeps its floor.
 */
export function backoffMs(attempt: number, rule: PatienceRule, random: () => number = Math.random): number {
  const base = Math.min(rule.capMs, 100 * 2 ** attempt)
  return base / 2 + (random() * base) / 2
}

/**
 * The HTTP status of a server failure that carried no Cognito error: a 5xx whose body was not Cognito's
 * JSON (an HTML page from a proxy or an outage), which the SDK reports as the parser's SyntaxError with
 * the answer's status beside it. Null for anything else, Cognito's own InternalErrorException included.
 */
export function serviceFailureStatus(error: unknown): number | null {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode
  if (typeof status !== 'number' || status < 500 || status > 599) return null
  return /Exception$/.test(nameOf(error)) ? null : status
}

/** How a failure is named in the audit trail and messages: "HTTP 502" for a server failure, else its name. */
export function failureName(error: unknown): string {
  const status = serviceFailureStatus(error)
  return status === null ? nameOf(error) : `HTTP ${status}`
}

export function nameOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; code?: unknown }
    if (typeof e.name === 'string' && e.name !== 'Error') return e.name
    if (typeof e.code === 'string') return e.code
    if (typeof e.name === 'string') return e.name
  }
  return 'UnknownError'
}
