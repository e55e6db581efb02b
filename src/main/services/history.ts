/** One user's writes from the audit trail, newest first: tier changes and account actions, who and with what outcome. */
import type { HistoryEntry } from '../../shared/domain'
import { TIER_ATTRIBUTE, tierLabel, tierStateOf } from '../../shared/tiers'
import type { AuditEntry, ReadableAuditLog } from '../cognito/audit'

const LABELS: Record<string, string> = {
  SignUp: 'Registered',
  ConfirmSignUp: 'Confirmed with a code',
  AdminConfirmSignUp: 'Confirmed without a code',
  ResendConfirmationCode: 'Confirmation code sent again',
  AdminEnableUser: 'Enabled',
  AdminDisableUser: 'Disabled',
  AdminResetUserPassword: 'Password reset',
  AdminUserGlobalSignOut: 'Signed out everywhere',
  AdminDeleteUser: 'Deleted',
  AdminCreateUser: 'Invited'
}

export function summarize(entry: AuditEntry): string {
  const changes = entry.changes ?? {}
  switch (entry.operation) {
    case 'AdminUpdateUserAttributes': {
      const parts: string[] = []
      if (TIER_ATTRIBUTE in changes) {
        const before = entry.previous?.[TIER_ATTRIBUTE]
        const after = tierLabel(tierStateOf(changes[TIER_ATTRIBUTE]))
        parts.push(before === undefined ? `Tier set to ${after}` : `Tier ${tierLabel(tierStateOf(before))} → ${after}`)
      }
      if (changes.email_verified === 'true') parts.push('Email marked verified')
      const others = Object.keys(changes).filter((name) => name !== TIER_ATTRIBUTE && name !== 'email_verified')
      if (others.length) parts.push(`Changed ${others.join(', ')}`)
      return parts.join('; ') || 'Attributes changed'
    }
    case 'SignUp':
      return TIER_ATTRIBUTE in changes ? `Registered with tier ${tierLabel(tierStateOf(changes[TIER_ATTRIBUTE]))}` : 'Registered'
    case 'AdminCreateUser':
      return changes.invitation === 'resent' ? 'Invitation sent again' : 'Invited'
    case 'AdminAddUserToGroup':
      return `Added to group ${changes.group ?? ''}`.trim()
    case 'AdminRemoveUserFromGroup':
      return `Removed from group ${changes.group ?? ''}`.trim()
    default:
      return LABELS[entry.operation] ?? entry.operation
  }
}

/** The intent and its result make one entry; an intent with no result is "pending" (the app stopped before the answer). */
export function userHistory(audit: Pick<ReadableAuditLog, 'read'>, userPoolId: string, username: string): HistoryEntry[] {
  const byId = new Map<string, { intent?: AuditEntry; result?: AuditEntry }>()
  for (const entry of audit.read().entries) {
    if (entry.userPoolId !== userPoolId || entry.username !== username) continue
    const pair = byId.get(entry.id) ?? {}
    pair[entry.phase] = entry
    byId.set(entry.id, pair)
  }
  const entries: HistoryEntry[] = []
  for (const { intent, result } of byId.values()) {
    const entry = intent ?? result
    if (!entry) continue
    entries.push({
      at: entry.at,
      operation: entry.operation,
      summary: summarize(entry),
      ...(entry.osUser ? { osUser: entry.osUser } : {}),
      outcome: result?.outcome ?? 'pending',
      ...(result?.errorName ? { errorName: result.errorName } : {})
    })
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at))
}
