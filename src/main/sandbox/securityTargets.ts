/**
 * A user's sign-in security, which cognito-local does not serve, answered as Cognito documents for
 * the sandbox pool:
 *  - AdminSetUserMFAPreference: stored on the user, so AdminGetUser shows UserMFASettingList and
 *    PreferredMfaSetting (and the legacy MFAOptions for SMS); a method the user has no delivery for is
 *    refused with Cognito's wording "User does not have delivery config set to turn on <method>".
 *  - AdminListDevices: the sandbox remembers no devices, so every user has none (an empty Devices
 *    list, with Limit still held to 60); AdminForgetDevice answers ResourceNotFoundException.
 *  - AdminListUserAuthEvents, AdminUpdateAuthEventFeedback: the sandbox pool has no threat protection
 *    (UserPoolAddOns), for which Cognito answers UserPoolAddOnNotEnabledException.
 */
import { CognitoError, InvalidParameterError, ResourceNotFoundError } from 'cognito-local/lib/errors'
import { ADD_ON_NOT_ENABLED, MAX_PAGE_SIZE, mfaDeliveryMessage, pageSizeMessage } from './awsRules'
import { attribute, poolAndUser, type Extra, type Request, type Route } from './targetKit'

type Method = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP'
type MfaUser = { Attributes?: { Name: string; Value?: string }[]; SoftwareTokenMfaConfiguration?: { Verified?: boolean } }

const MFA_FIELDS: [string, Method, (user: MfaUser) => boolean][] = [
  ['SMSMfaSettings', 'SMS_MFA', (user) => !!attribute(user, 'phone_number')],
  ['SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA', (user) => !!user.SoftwareTokenMfaConfiguration?.Verified],
  ['EmailMfaSettings', 'EMAIL_OTP', (user) => !!attribute(user, 'email')]
]
const ORDER: Method[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']

const adminSetUserMfaPreference: Extra = (services) =>
  (async (ctx: never, request: Request) => {
    const { pool, user } = await poolAndUser(services, ctx, request)
    const enabled = new Set((user.UserMFASettingList ?? []) as Method[])
    let preferred = user.PreferredMfaSetting as Method | undefined
    for (const [field, method, deliverable] of MFA_FIELDS) {
      const setting = request[field] as { Enabled?: boolean; PreferredMfa?: boolean } | undefined
      if (!setting) continue
      if (setting.Enabled && !deliverable(user)) throw new InvalidParameterError(mfaDeliveryMessage(method))
      if (setting.Enabled) enabled.add(method)
      else if (setting.Enabled === false) enabled.delete(method)
      if (setting.PreferredMfa && !enabled.has(method)) throw new InvalidParameterError(`Cannot set ${method} as preferred when it is not enabled`)
      if (setting.PreferredMfa) preferred = method
      else if (preferred === method && (setting.PreferredMfa === false || !enabled.has(method))) preferred = undefined
    }
    const list = ORDER.filter((m) => enabled.has(m))
    await pool.saveUser(ctx, {
      ...user,
      UserMFASettingList: list.length ? list : undefined,
      PreferredMfaSetting: preferred,
      MFAOptions: list.includes('SMS_MFA') ? [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] : undefined,
      UserLastModifiedDate: services.clock.get()
    })
    return {}
  }) as Route

function checkLimit(request: Request): void {
  const limit = request.Limit
  if (limit !== undefined && (!Number.isInteger(limit) || (limit as number) > MAX_PAGE_SIZE)) {
    throw new InvalidParameterError(pageSizeMessage('limit', limit, { max: MAX_PAGE_SIZE }))
  }
}

const adminListDevices: Extra = (services) =>
  (async (ctx: never, request: Request) => {
    checkLimit(request)
    await poolAndUser(services, ctx, request)
    return { Devices: [] }
  }) as Route

const DEVICE_KEY = /^[\w-]+_[0-9a-f-]+$/

const adminForgetDevice: Extra = (services) =>
  (async (ctx: never, request: Request) => {
    const key = String(request.DeviceKey ?? '')
    if (!DEVICE_KEY.test(key) || key.length > 55) {
      throw new InvalidParameterError(
        `1 validation error detected: Value '${key}' at 'deviceKey' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-f-]+`
      )
    }
    await poolAndUser(services, ctx, request)
    throw new ResourceNotFoundError('Device not found.')
  }) as Route

/** Both event operations: the user is looked up first, then the pool's missing add-on refuses the request. */
const withoutThreatProtection: Extra = (services) =>
  (async (ctx: never, request: Request) => {
    const { pool } = await poolAndUser(services, ctx, request)
    const mode = (pool.options as { UserPoolAddOns?: { AdvancedSecurityMode?: string } }).UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF'
    if (mode === 'OFF') throw new CognitoError('UserPoolAddOnNotEnabledException', ADD_ON_NOT_ENABLED)
    // A pool with threat protection but an emulator that records no sign-ins: no events to list or rate.
    if (request.EventId !== undefined) throw new ResourceNotFoundError('Auth event not found.')
    return { AuthEvents: [] }
  }) as Route

/** The sandbox's security targets, by operation. */
export const SECURITY_TARGETS: Record<string, Extra> = {
  AdminSetUserMFAPreference: adminSetUserMfaPreference,
  AdminListDevices: adminListDevices,
  AdminForgetDevice: adminForgetDevice,
  AdminListUserAuthEvents: withoutThreatProtection,
  AdminUpdateAuthEventFeedback: withoutThreatProtection
}
