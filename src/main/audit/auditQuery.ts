/** The Audit screen's and the `audit` command's questions to the trail: filter, page, export. */
import { stat } from 'node:fs/promises'
import { ACTION_GROUPS, type AuditExport, type AuditFilter, type AuditPage, type AuditRow } from '../../shared/audit'
import type { AuditEntry, ReadableAuditLog } from './auditLog'
import { saveLines, targetName, type SaveTarget } from '../storage/saveLines'
import { csvRow } from '../storage/csv'
import { readTrail, type TrailRead } from './auditTrail'

/** The writes matching a filter, newest first (user and action are decided per line as it streams by). */
export async function matchingWrites(audit: Pick<ReadableAuditLog, 'stream'>, filter: AuditFilter): Promise<TrailRead> {
  const user = filter.user?.trim().toLowerCase()
  const operations = operationsOf(filter.action)
  const keep = (entry: AuditEntry): boolean =>
    (!user || (entry.username ?? '').toLowerCase().includes(user)) && (!operations || operations.has(entry.operation))
  const read = await readTrail(audit, keep)
  // A write's day and outcome are known only once its intent and result are paired.
  const reason = filter.reason?.trim().toLowerCase()
  const rows = read.rows.filter(
    (row) => inDays(row.at, filter) && (!filter.outcome || row.outcome === filter.outcome) && (!reason || (row.reason ?? '').toLowerCase().includes(reason))
  )
  return { ...read, rows }
}

/**
 * The last filter's matches, kept while the trail is unchanged (same size and time), so "Load more"
 * pages through them without reading the whole trail again. A write appended since changes both.
 */
let lastRead: { key: string; read: TrailRead } | null = null

export async function queryAudit(
  audit: Pick<ReadableAuditLog, 'stream' | 'location'>,
  query: AuditFilter & { offset: number; limit: number }
): Promise<AuditPage> {
  const { offset, limit, ...filter } = query
  const version = await stat(audit.location).then(
    (file) => `${file.size}:${file.mtimeMs}`,
    () => null
  )
  const key = version && JSON.stringify([audit.location, version, filter])
  const read = key && lastRead?.key === key ? lastRead.read : await matchingWrites(audit, filter)
  if (key) lastRead = { key, read }
  const { rows, operations, skipped } = read
  return { rows: rows.slice(offset, offset + limit), offset, total: rows.length, actions: operations, skipped }
}

export const AUDIT_CSV_HEADER = [
  'time',
  'os_user',
  'aws_identity',
  'user_pool',
  'username',
  'operation',
  'action',
  'before',
  'after',
  'outcome',
  'error',
  'reason'
]

export function auditCsvLine(row: AuditRow): string {
  const cells = [
    row.at,
    row.osUser,
    row.identity,
    row.userPoolId,
    row.username,
    row.operation,
    row.summary,
    row.before,
    row.after,
    row.outcome,
    row.errorName,
    row.reason
  ]
  return `${csvRow(cells.map((cell) => cell ?? ''))}\r\n`
}

/** The matching writes as CSV, written to the target (a file the operator chose, or the CLI's output). */
export async function exportAuditCsv(audit: Pick<ReadableAuditLog, 'stream'>, filter: AuditFilter, target: SaveTarget, limit?: number): Promise<AuditExport> {
  const { rows: every } = await matchingWrites(audit, filter)
  const rows = limit === undefined ? every : every.slice(0, limit)
  const lines = [`${csvRow(AUDIT_CSV_HEADER)}\r\n`, ...rows.map(auditCsvLine)]
  return { path: targetName(target), rows: (await saveLines(target, lines)) - 1 }
}

/** A group's operations, one operation, or (no action filter) null. */
function operationsOf(action: string | undefined): Set<string> | null {
  if (!action) return null
  const group = (ACTION_GROUPS as Record<string, { operations: readonly string[] }>)[action]
  return new Set(group ? group.operations : [action])
}

/** Both ends are whole UTC days; the trail's times are UTC ISO strings, so the day is their first ten characters. */
function inDays(at: string, { from, to }: AuditFilter): boolean {
  const day = at.slice(0, 10)
  return (!from || day >= from) && (!to || day <= to)
}
