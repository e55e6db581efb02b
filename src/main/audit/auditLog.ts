/**
 * The audit trail: every write the app sends to Cognito, written ahead. The intent is on disk before
 * the request leaves, and the result follows once Cognito answers, both under one id. A write whose
 * intent cannot be recorded is not sent; a result that cannot be recorded never hides the write.
 */
import { userInfo } from 'node:os'
import { appendJsonLine, streamJsonLines } from '../storage/jsonLines'

/** The trail's file in the data folder, shared by the app and the CLI. */
export const AUDIT_FILE = 'audit.jsonl'

export type AuditOutcome = 'ok' | 'failed' | 'unknown'

/** One line of the trail. Never a secret: attribute values are withheld except the tier's. */
export interface AuditEntry {
  /** Shared by a write's intent and its result. */
  id: string
  at: string
  /** "intent": about to be sent. "result": Cognito answered (or the answer was lost). */
  phase: 'intent' | 'result'
  operation: string
  userPoolId: string
  username?: string
  /** Attribute names written (values of custom:user_tier only, the rest are withheld). */
  changes?: Record<string, string>
  /** What the write replaced, where the caller knew it (the tier before a tier change). */
  previous?: Record<string, string>
  /** The ticket or reason the operator gave for it. */
  reason?: string
  /** The operations of a change made of several requests under this one intent, in order (a registration: SignUp, then the tier). */
  steps?: string[]
  /** On the result of such a change: the steps that were done (a registration cut after SignUp: ["SignUp"]). */
  stepsDone?: string[]
  /** On results only. "unknown": the request was sent but its answer was lost. */
  outcome?: AuditOutcome
  errorName?: string
  /** The operating-system account the app runs as. */
  osUser?: string
  /** The AWS identity behind the credentials (STS caller ARN), "sandbox", or "unknown" with identityError. */
  identity?: string
  /** Why the identity is "unknown": the error's name. */
  identityError?: string
}

export interface AuditLog {
  /** Where the trail is, for the operator when it cannot be written. */
  readonly location: string
  /** Appends an entry durably; rejects when it could not be written. */
  record(entry: AuditEntry): Promise<void>
}

/** A trail that can also be read back (a user's history, the Audit screen): one line at a time, oldest first. */
export interface ReadableAuditLog extends AuditLog {
  /** Every whole entry; a torn line (from a crash mid-append) is skipped and told to `onSkipped`. */
  stream(onSkipped?: () => void): AsyncIterable<AuditEntry>
}

export function isAuditEntry(value: unknown): value is AuditEntry {
  const e = value as Partial<AuditEntry> | null
  return !!e && typeof e === 'object' && typeof e.id === 'string' && typeof e.operation === 'string' && (e.phase === 'intent' || e.phase === 'result')
}

/** Appends JSON lines to a file in the data folder so the trail survives restarts and can be read with any tool. */
export class FileAuditLog implements ReadableAuditLog {
  constructor(readonly location: string) {}

  record(entry: AuditEntry): Promise<void> {
    return appendJsonLine(this.location, entry, { durable: true })
  }

  stream(onSkipped?: () => void): AsyncIterable<AuditEntry> {
    return streamJsonLines(this.location, isAuditEntry, onSkipped)
  }
}

let cachedOsUser: string | undefined
export function osUser(): string {
  if (cachedOsUser === undefined) {
    try {
      cachedOsUser = userInfo().username
    } catch {
      cachedOsUser = process.env.USER ?? process.env.USERNAME ?? 'unknown'
    }
  }
  return cachedOsUser
}
