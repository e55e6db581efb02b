/**
 * A user's sign-in security as an admin sees it: MFA preferences (AdminSetUserMFAPreference),
 * remembered devices (AdminListDevices, AdminForgetDevice) and the threat-protection log
 * (AdminListUserAuthEvents, AdminUpdateAuthEventFeedback).
 *  - Enabling a method the user has no delivery for answers InvalidParameterException "User does not
 *    have delivery config set to turn on <method>" (the wording Cognito gives, aws-sdk-js-v3#4645).
 *  - Devices: Limit ≤ 60 with PaginationToken; each device with the DeviceAttributes names Cognito uses
 *    (device_status, device_name, last_ip_used, dev:device_remembered_status; AWS CLI get-device example).
 *  - Auth events need threat protection: with AdvancedSecurityMode OFF both event operations answer
 *    UserPoolAddOnNotEnabledException (listed for them in the API reference); MaxResults 0–60, 0 or none
 *    meaning 60, newest first, NextToken; feedback is Valid or Invalid and shows Provider "Admin".
 */
import { ADD_ON_NOT_ENABLED, mfaDeliveryMessage } from '../../../../src/main/sandbox/awsRules'
import { SimError } from '../wire'
import type { PoolContext } from './context'
import { page } from './paging'
import type { SimMfaMethod } from './seeds'
import type { DetailedUser, StoredDevice, StoredEvent } from './userStore'

const MFA_FIELDS: [string, SimMfaMethod, (user: DetailedUser) => boolean][] = [
  ['SMSMfaSettings', 'SMS_MFA', (user) => !!user.attributes.get('phone_number')],
  ['SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA', (user) => user.mfa.totpAssociated],
  ['EmailMfaSettings', 'EMAIL_OTP', (user) => !!user.attributes.get('email')]
]

export function setMfaPreference(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const user = ctx.users.get(body.Username)
  const enabled = new Set(user.mfa.enabled)
  let preferred = user.mfa.preferred
  for (const [field, method, deliverable] of MFA_FIELDS) {
    const setting = body[field] as { Enabled?: boolean; PreferredMfa?: boolean } | undefined
    if (!setting) continue
    if (setting.Enabled && !deliverable(user)) throw new SimError('InvalidParameterException', mfaDeliveryMessage(method))
    if (setting.Enabled) enabled.add(method)
    else if (setting.Enabled === false) enabled.delete(method)
    if (setting.PreferredMfa && !enabled.has(method))
      throw new SimError('InvalidParameterException', `Cannot set ${method} as preferred when it is not enabled`)
    if (setting.PreferredMfa) preferred = method
    else if (preferred === method && (setting.PreferredMfa === false || !enabled.has(method))) preferred = undefined
  }
  user.mfa.enabled = enabled
  if (preferred) user.mfa.preferred = preferred
  else delete user.mfa.preferred
  user.modifiedAt = ctx.now()
  return {}
}

function deviceShape(device: StoredDevice): Record<string, unknown> {
  const attributes = [
    { Name: 'device_status', Value: 'valid' },
    ...(device.name !== undefined ? [{ Name: 'device_name', Value: device.name }] : []),
    ...(device.lastIp !== undefined ? [{ Name: 'last_ip_used', Value: device.lastIp }] : []),
    { Name: 'dev:device_remembered_status', Value: device.remembered ? 'remembered' : 'not_remembered' }
  ]
  return {
    DeviceKey: device.key,
    DeviceAttributes: attributes,
    DeviceCreateDate: device.createdAt,
    DeviceLastModifiedDate: device.modifiedAt,
    ...(device.authenticatedAt !== undefined ? { DeviceLastAuthenticatedDate: device.authenticatedAt } : {})
  }
}

export function listDevices(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const user = ctx.users.get(body.Username)
  const { items, token } = page(user.devices, body, { sizeField: 'Limit', tokenField: 'PaginationToken', scope: `AdminListDevices:${user.sub}` })
  return { Devices: items.map(deviceShape), ...token }
}

const DEVICE_KEY = /^[\w-]+_[0-9a-f-]+$/

export function forgetDevice(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const key = String(body.DeviceKey ?? '')
  if (!DEVICE_KEY.test(key) || key.length > 55) {
    throw new SimError(
      'InvalidParameterException',
      `1 validation error detected: Value '${key}' at 'deviceKey' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-f-]+`
    )
  }
  const user = ctx.users.get(body.Username)
  const index = user.devices.findIndex((d) => d.key === key)
  if (index < 0) throw new SimError('ResourceNotFoundException', 'Device not found.')
  user.devices.splice(index, 1)
  return {}
}

function requireThreatProtection(ctx: PoolContext): void {
  if (ctx.pool.advancedSecurity === 'OFF') throw new SimError('UserPoolAddOnNotEnabledException', ADD_ON_NOT_ENABLED)
}

function eventShape(event: StoredEvent): Record<string, unknown> {
  const { seed } = event
  const context = seed.context ?? {}
  return {
    EventId: event.id,
    EventType: seed.type ?? 'SignIn',
    CreationDate: event.createdAt,
    EventResponse: seed.response ?? 'Pass',
    EventRisk: {
      RiskDecision: seed.risk?.decision ?? 'NoRisk',
      ...(seed.risk?.level ? { RiskLevel: seed.risk.level } : {}),
      CompromisedCredentialsDetected: seed.risk?.compromisedCredentials ?? false
    },
    ChallengeResponses: (seed.challenges ?? [{ name: 'Password', response: seed.response === 'Fail' ? 'Failure' : 'Success' }]).map((c) => ({
      ChallengeName: c.name,
      ChallengeResponse: c.response
    })),
    EventContextData: {
      ...(context.ip !== undefined ? { IpAddress: context.ip } : {}),
      ...(context.deviceName !== undefined ? { DeviceName: context.deviceName } : {}),
      ...(context.timezone !== undefined ? { Timezone: context.timezone } : {}),
      ...(context.city !== undefined ? { City: context.city } : {}),
      ...(context.country !== undefined ? { Country: context.country } : {})
    },
    ...(event.feedback ? { EventFeedback: { FeedbackValue: event.feedback.value, Provider: event.feedback.provider, FeedbackDate: event.feedback.date } } : {})
  }
}

export function listAuthEvents(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  requireThreatProtection(ctx)
  const user = ctx.users.get(body.Username)
  const newestFirst = [...user.events].sort((a, b) => b.createdAt - a.createdAt)
  const { items, token } = page(newestFirst, body, { sizeField: 'MaxResults', tokenField: 'NextToken', scope: `AdminListUserAuthEvents:${user.sub}` })
  return { AuthEvents: items.map(eventShape), ...token }
}

export function updateAuthEventFeedback(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
  const value = body.FeedbackValue
  if (value !== 'Valid' && value !== 'Invalid') {
    throw new SimError(
      'InvalidParameterException',
      `1 validation error detected: Value '${String(value)}' at 'feedbackValue' failed to satisfy constraint: Member must satisfy enum value set: [Invalid, Valid]`
    )
  }
  requireThreatProtection(ctx)
  const user = ctx.users.get(body.Username)
  const event = user.events.find((e) => e.id === body.EventId)
  if (!event) throw new SimError('ResourceNotFoundException', 'Auth event not found.')
  event.feedback = { value, provider: 'Admin', date: ctx.now() }
  return {}
}
