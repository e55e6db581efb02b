/**
 * The one way the trail is read back: streamed a line at a time, each write's intent and result paired
 * by id. Only the writes `keep` accepts are held, so a large trail costs memory for its matches only.
 */
import type { AuditRow } from '../../shared/audit'
import type { AuditEntry, ReadableAuditLog } from './auditLog'
import { describeValues, summarize } from './summary'

export interface TrailRead {
  /** The kept writes, newest first. */
  rows: AuditRow[]
  /** Every operation met in the trail, kept or not, sorted. */
  operations: string[]
  /** Torn or foreign lines left out. */
  skipped: number
}

/** `keep` sees each line; a write is kept when any of its lines is (both carry the same user and operation). */
export async function readTrail(audit: Pick<ReadableAuditLog, 'stream'>, keep: (entry: AuditEntry) => boolean): Promise<TrailRead> {
  const pairs = new Map<string, { intent?: AuditEntry; result?: AuditEntry }>()
  const operations = new Set<string>()
  let skipped = 0
  for await (const entry of audit.stream(() => skipped++)) {
    operations.add(entry.operation)
    if (!keep(entry)) continue
    const pair = pairs.get(entry.id) ?? {}
    pair[entry.phase] = entry
    pairs.set(entry.id, pair)
  }
  const rows: AuditRow[] = []
  for (const { intent, result } of pairs.values()) rows.push(rowOf((intent ?? result)!, result))
  // ISO times of one clock sort as strings; the id breaks ties so pages never overlap.
  rows.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1))
  return { rows, operations: [...operations].sort(), skipped }
}

function rowOf(entry: AuditEntry, result: AuditEntry | undefined): AuditRow {
  const before = describeValues(entry.previous)
  const after = describeValues(entry.changes)
  const identity = entry.identity ?? result?.identity
  return {
    id: entry.id,
    at: entry.at,
    ...(entry.osUser ? { osUser: entry.osUser } : {}),
    ...(identity ? { identity } : {}),
    userPoolId: entry.userPoolId,
    ...(entry.username !== undefined ? { username: entry.username } : {}),
    operation: entry.operation,
    summary: summarize(entry),
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
    outcome: result?.outcome ?? 'pending',
    ...(result?.errorName ? { errorName: result.errorName } : {})
  }
}
