import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'

/** One line of the audit trail: every write the app sends to Cognito, with its outcome. Never a secret. */
export interface AuditEntry {
  at: string
  operation: string
  userPoolId: string
  username?: string
  /** Attribute names written (values of custom:user_tier only, the rest are withheld). */
  changes?: Record<string, string>
  /** What the write replaced, where the caller knew it (the tier before a tier change). */
  previous?: Record<string, string>
  /** "unknown": the request was sent but its answer was lost, so Cognito may or may not have applied it. */
  outcome: 'ok' | 'failed' | 'unknown'
  errorName?: string
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>
}

/** Appends JSON lines to a file so the trail survives restarts and can be read with any tool. */
export class FileAuditLog implements AuditLog {
  private ready: Promise<unknown> | null = null

  constructor(readonly path: string) {}

  async record(entry: AuditEntry): Promise<void> {
    this.ready ??= mkdir(dirname(this.path), { recursive: true })
    await this.ready
    await appendFile(this.path, JSON.stringify(entry) + '\n', 'utf8')
  }
}

export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = []

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry)
  }
}
