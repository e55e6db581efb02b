/** What a write changes, as the audit trail keeps it: names and the few values that are not personal data, never a password. */
import { TIER_ATTRIBUTE } from '../../shared/tiers'

export interface AuditedInput {
  UserPoolId?: string
  Username?: string
  UserAttributes?: { Name?: string; Value?: string }[]
  UserAttributeNames?: string[]
  GroupName?: string
  MessageAction?: string
  CustomAttributes?: { Name?: string }[]
  /** AdminSetUserPassword: only whether it is permanent is kept; its Password never is. */
  Permanent?: boolean
  SMSMfaSettings?: { Enabled?: boolean }
  SoftwareTokenMfaSettings?: { Enabled?: boolean }
  EmailMfaSettings?: { Enabled?: boolean }
  DeviceKey?: string
  EventId?: string
  FeedbackValue?: string
  /** AdminDisableProviderForUser names the link, not the user. */
  User?: { ProviderName?: string; ProviderAttributeValue?: string }
  ClientId?: string
  WriteAttributes?: string[]
}

/** Values that are not personal data and say what changed; every other attribute value is withheld. */
const VALUES_KEPT = new Set([TIER_ATTRIBUTE, 'email_verified', 'phone_number_verified'])

const MFA_SETTINGS = [
  ['SMS', 'SMSMfaSettings'],
  ['TOTP', 'SoftwareTokenMfaSettings'],
  ['EMAIL', 'EmailMfaSettings']
] as const

/**
 * What a write changes, for the trail: attribute names (values of VALUES_KEPT only), the group, a
 * resent invitation, an attribute added to the pool, an app client's new write list.
 */
export function auditableChanges(input: AuditedInput): Record<string, string> | undefined {
  const changes: Record<string, string> = {}
  for (const a of input.UserAttributes ?? []) changes[a.Name ?? ''] = VALUES_KEPT.has(a.Name ?? '') ? (a.Value ?? '') : '(set)'
  for (const a of input.CustomAttributes ?? []) changes.attribute = `custom:${a.Name ?? ''}`
  if (input.GroupName) changes.group = input.GroupName
  if (input.MessageAction === 'RESEND') changes.invitation = 'resent'
  for (const name of input.UserAttributeNames ?? []) changes[name] = '(removed)'
  if (input.Permanent !== undefined) changes.password = input.Permanent ? 'permanent' : 'temporary'
  for (const [method, setting] of MFA_SETTINGS) if (input[setting]) changes[`mfa ${method}`] = input[setting]?.Enabled ? 'on' : 'off'
  if (input.DeviceKey) changes.device = input.DeviceKey
  if (input.EventId) changes.event = input.EventId
  if (input.FeedbackValue) changes.feedback = input.FeedbackValue
  if (input.User?.ProviderName) changes.provider = input.User.ProviderName
  if (input.WriteAttributes) {
    changes.client = input.ClientId ?? ''
    changes.writeAttributes = input.WriteAttributes.join(', ')
  }
  return Object.keys(changes).length ? changes : undefined
}
