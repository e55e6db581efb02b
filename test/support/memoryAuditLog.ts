import type { AuditEntry, ReadableAuditLog } from '../../src/main/cognito/audit'

/** An audit trail in memory, for tests that look at what the gateway recorded. */
export class MemoryAuditLog implements ReadableAuditLog {
  readonly location = '(memory)'
  readonly entries: AuditEntry[] = []

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry)
  }

  read(): { entries: AuditEntry[]; skipped: number } {
    return { entries: [...this.entries], skipped: 0 }
  }

  /** The result lines only: one per write, as before the trail was written ahead. */
  get results(): AuditEntry[] {
    return this.entries.filter((entry) => entry.phase === 'result')
  }
}
