/** An audit entry in the operator's words: "Tier premium → standard", "Disabled". */
import { TIER_ATTRIBUTE, tierLabel, tierStateOf } from '../../shared/tiers'
import type { AuditEntry } from './auditLog'
import { COGNITO_COMMANDS, type CommandFacts } from '../cognito/commands'

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
      if (changes.phone_number_verified === 'true') parts.push('Phone number marked verified')
      const others = Object.keys(changes).filter((name) => name !== TIER_ATTRIBUTE && name !== 'email_verified' && name !== 'phone_number_verified')
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
    case 'AdminSetUserPassword':
      return changes.password ? `Password set, ${changes.password}` : 'Password set'
    case 'AdminDeleteUserAttributes':
      return `Removed ${Object.keys(changes).join(', ')}`
    case 'AdminSetUserMFAPreference':
      return Object.values(changes).every((value) => value === 'off') ? 'MFA reset' : labelOf(entry.operation)
    case 'AdminUpdateAuthEventFeedback':
      return changes.feedback ? `Sign-in event marked ${changes.feedback === 'Valid' ? 'valid' : 'not valid'}` : labelOf(entry.operation)
    case 'AdminDisableProviderForUser':
      return changes.provider ? `Unlinked ${changes.provider === 'Cognito' ? 'password sign-in' : changes.provider}` : labelOf(entry.operation)
    case 'RemoveProductionMark':
      return 'Production mark removed from the pool'
    case 'AddCustomAttributes':
      return changes.attribute ? `Attribute ${changes.attribute} added to the pool` : 'Attribute added to the pool'
    default:
      return labelOf(entry.operation)
  }
}

/** A written or replaced set of values, as a cell: the tier by its label, withheld values as "(set)". */
export function describeValues(values: Record<string, string> | undefined): string | undefined {
  if (!values || !Object.keys(values).length) return undefined
  return Object.entries(values)
    .map(([name, value]) => (name === TIER_ATTRIBUTE ? `tier: ${tierLabel(tierStateOf(value))}` : `${name}: ${value}`))
    .join(', ')
}

/** The command table's label; an operation the table no longer holds (an old trail) by its name. */
function labelOf(operation: string): string {
  const facts: CommandFacts | undefined = Object.hasOwn(COGNITO_COMMANDS, operation) ? COGNITO_COMMANDS[operation as keyof typeof COGNITO_COMMANDS] : undefined
  return facts?.label ?? operation
}
