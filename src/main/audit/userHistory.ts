/** One user's writes from the audit trail, newest first: tier changes and account actions, who and with what outcome. */
import type { HistoryEntry } from '../../shared/domain'
import { readTrail } from './auditTrail'
import type { ReadableAuditLog } from './auditLog'

/** The intent and its result make one entry; an intent with no result is "pending" (the app stopped before the answer). */
export async function userHistory(audit: Pick<ReadableAuditLog, 'stream'>, userPoolId: string, username: string): Promise<HistoryEntry[]> {
  const { rows } = await readTrail(audit, (entry) => entry.userPoolId === userPoolId && entry.username === username)
  return rows.map((row) => ({
    at: row.at,
    operation: row.operation,
    summary: row.summary,
    ...(row.osUser ? { osUser: row.osUser } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    outcome: row.outcome,
    ...(row.errorName ? { errorName: row.errorName } : {})
  }))
}
