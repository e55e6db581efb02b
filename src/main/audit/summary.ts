/** An audit entry in the operator's words: "Tier premium → standard", "Disabled". */
import { TIER_ATTRIBUTE, tierLabel, tierStateOf } from '../../shared/tiers'
import type { AuditEntry } from '../cognito/audit'

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

/** A written or replaced set of values, as a cell: the tier by its label, withheld values as "(set)". */
export function describeValues(values: Record<string, string> | undefined): string | undefined {
  if (!values || !Object.keys(values).length) return undefined
  return Object.entries(values)
    .map(([name, value]) => (name === TIER_ATTRIBUTE ? `tier: ${tierLabel(tierStateOf(value))}` : `${name}: ${value}`))
    .join(', ')
}
