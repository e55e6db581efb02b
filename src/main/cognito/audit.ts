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
  outcome: 'ok' | 'failed'
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
