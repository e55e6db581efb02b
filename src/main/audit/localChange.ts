/**
 * A change the app makes on this computer that the audit trail must show like a write to Cognito
 * (removing a pool's production mark): its intent recorded before, its result after, under one id.
 */
import { randomUUID } from 'node:crypto'
import { auditUnwritableError } from '../storage/localErrors'
import { osUser, type AuditEntry, type AuditLog } from './auditLog'

export interface LocalChange {
  operation: string
  userPoolId: string
  changes: Record<string, string>
  /** Who made it: the operating-system account, and "local" where no AWS identity is involved. */
  identity?: string
}

export async function recordLocalChange(audit: AuditLog, change: LocalChange, apply: () => Promise<void>): Promise<void> {
  const intent: AuditEntry = {
    id: randomUUID(),
    at: new Date().toISOString(),
    phase: 'intent',
    operation: change.operation,
    userPoolId: change.userPoolId,
    changes: change.changes,
    osUser: osUser(),
    identity: change.identity ?? 'local'
  }
  try {
    await audit.record(intent)
  } catch (error) {
    throw auditUnwritableError(error, audit.location)
  }
  const result = (outcome: 'ok' | 'failed') => ({ ...intent, at: new Date().toISOString(), phase: 'result' as const, outcome })
  try {
    await apply()
  } catch (error) {
    await audit.record(result('failed')).catch(() => undefined)
    throw error
  }
  // The change is made whatever the disk says now; a lost result line must not turn that into an error.
  await audit.record(result('ok')).catch(() => undefined)
}
