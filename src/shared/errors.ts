import { z } from 'zod'

/**
 * Stable error codes. The UI, the CLI and the tests key on these; the messages may be reworded.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'INVALID_TIER',
  'ATTRIBUTE_NOT_IN_SCHEMA',
  'PASSWORD_POLICY',
  'USERNAME_EXISTS',
  'CODE_MISMATCH',
  'CODE_EXPIRED',
  'ALREADY_CONFIRMED',
  'USER_NOT_FOUND',
  'TIER_CHANGED',
  'USER_STATE',
  'GROUP_NOT_FOUND',
  'POOL_NOT_FOUND',
  'CLIENT_NOT_FOUND',
  // An app client's settings changed between the doctor's report and its fix.
  'CLIENT_CHANGED',
  // A registration was cut between SignUp and the tier: the user exists without a tier until it is finished.
  'REGISTRATION_UNFINISHED',
  'SECRET_HASH_MISMATCH',
  'NOT_AUTHORIZED',
  'ACCESS_DENIED',
  'TOO_MANY_REQUESTS',
  'LIMIT_EXCEEDED',
  'NETWORK_UNREACHABLE',
  'WRITE_OUTCOME_UNKNOWN',
  'NO_CREDENTIALS',
  'INVALID_PARAMETER',
  'NOT_CONFIGURED',
  'SANDBOX_UNAVAILABLE',
  'SANDBOX_DAMAGED',
  'JOB_IN_PROGRESS',
  'LOCKED_BY_OTHER_PROCESS',
  'LOCAL_FILE_ERROR',
  'AUDIT_UNWRITABLE',
  'NO_SCAN_RESULT',
  'CANCELLED',
  'FORBIDDEN_SENDER',
  'PRODUCTION_CONFIRMATION_REQUIRED',
  /** The profile asks a ticket or reason of every write, and this one came without. */
  'REASON_REQUIRED',
  'SECRET_STORE_UNAVAILABLE',
  /** A grant with a return date on a profile that names no role for EventBridge Scheduler to assume. */
  'SCHEDULER_ROLE_MISSING',
  /** Extending or cancelling a return the user does not have. */
  'RETURN_NOT_FOUND',
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What crosses the bridge when an operation fails: a code to branch on and a sentence to show (per-field messages for a form's fields). */
export const appErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional()
})
export type AppErrorShape = z.infer<typeof appErrorShape>

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape }

/** An error the app raises on purpose; its message is already written for the operator. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
  }

  toShape(): AppErrorShape {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}
