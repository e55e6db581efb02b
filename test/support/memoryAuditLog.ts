import type { AuditEntry, ReadableAuditLog } from '../../src/main/audit/auditLog'

/** An audit trail in memory, for tests that look at what the gateway recorded. */
export class MemoryAuditLog implements ReadableAuditLog {
  readonly location = '(memory)'
  readonly entries: AuditEntry[] = []

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry)
  }

  async *stream(): AsyncGenerator<AuditEntry> {
    yield* [...this.entries]
  }

  /** The result lines only: one per write, as before the trail was written ahead. */
  get results(): AuditEntry[] {
    return this.entries.filter((entry) => entry.phase === 'result')
  }
}

/** Every whole entry of a trail and the count of torn lines left out, for tests that look at the whole file. */
export async function readWholeTrail(log: Pick<ReadableAuditLog, 'stream'>): Promise<{ entries: AuditEntry[]; skipped: number }> {
  const entries: AuditEntry[] = []
  let skipped = 0
  for await (const entry of log.stream(() => skipped++)) entries.push(entry)
  return { entries, skipped }
}
