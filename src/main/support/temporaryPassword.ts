/**
 * When this person's temporary password was last set, as far as this computer knows: the latest
 * temporary password or resent invitation the audit trail shows Cognito accepted for them. Cognito
 * itself does not say; without one, the verdict counts from the account's creation.
 */
import type { ReadableAuditLog } from '../audit/auditLog'

/** The writes that give a user a new temporary password. */
function setsTemporaryPassword(operation: string, changes: Record<string, string> | undefined): boolean {
  return (operation === 'AdminSetUserPassword' && changes?.password === 'temporary') || (operation === 'AdminCreateUser' && changes?.invitation === 'resent')
}

export async function temporaryPasswordSince(audit: Pick<ReadableAuditLog, 'stream'>, userPoolId: string, username: string): Promise<string | undefined> {
  const intents = new Map<string, string>()
  let latest: string | undefined
  for await (const entry of audit.stream()) {
    if (entry.userPoolId !== userPoolId || entry.username !== username) continue
    if (entry.phase === 'intent' && setsTemporaryPassword(entry.operation, entry.changes)) intents.set(entry.id, entry.at)
    // The intent's time: the password was set at most a moment after it was recorded.
    const at = entry.phase === 'result' && entry.outcome === 'ok' ? intents.get(entry.id) : undefined
    if (at && (!latest || at > latest)) latest = at
  }
  return latest
}
