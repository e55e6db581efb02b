/**
 * A user as Cognito describes them (AdminGetUser, or a ListUsers row), in the shape every front end
 * shows: the attributes the support desk reads first taken out, `identities` parsed, MFA where known.
 */
import type { AdminGetUserCommandOutput, AttributeType, UserType } from '@aws-sdk/client-cognito-identity-provider'
import type { UserDetail } from '../../shared/domain'
import { MFA_METHODS, type LinkedIdentity, type MfaMethod, type UserMfa } from '../../shared/support'
import { TIER_ATTRIBUTE, tierStateOf } from '../../shared/tiers'

export function fromAdminGetUser(output: AdminGetUserCommandOutput, username: string): UserDetail {
  return {
    ...toUserDetail({
      username: output.Username ?? username,
      attributes: output.UserAttributes,
      status: output.UserStatus,
      enabled: output.Enabled,
      created: output.UserCreateDate,
      modified: output.UserLastModifiedDate
    }),
    mfa: mfaOf(output)
  }
}

export function fromListedUser(user: UserType): UserDetail {
  return toUserDetail({
    username: user.Username ?? '',
    attributes: user.Attributes,
    status: user.UserStatus,
    enabled: user.Enabled,
    created: user.UserCreateDate,
    modified: user.UserLastModifiedDate
  })
}

interface RawUser {
  username: string
  attributes: AttributeType[] | undefined
  status: string | undefined
  enabled: boolean | undefined
  created: Date | undefined
  modified: Date | undefined
}

function toUserDetail(raw: RawUser): UserDetail {
  const attributes = (raw.attributes ?? []).map((attribute) => ({ name: attribute.Name ?? '', value: attribute.Value ?? '' }))
  const valueOf = (name: string): string | undefined => attributes.find((attribute) => attribute.name === name)?.value
  return {
    username: raw.username,
    sub: valueOf('sub') ?? '',
    status: raw.status ?? 'UNKNOWN',
    enabled: raw.enabled ?? true,
    createdAt: raw.created ? new Date(raw.created).toISOString() : null,
    modifiedAt: raw.modified ? new Date(raw.modified).toISOString() : null,
    email: valueOf('email') ?? null,
    emailVerified: valueOf('email_verified') === 'true',
    phone: valueOf('phone_number') ?? null,
    phoneVerified: valueOf('phone_number_verified') === 'true',
    tier: tierStateOf(valueOf(TIER_ATTRIBUTE)),
    attributes,
    identities: parseIdentities(valueOf('identities'))
  }
}

/** Cognito's method names (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP) in the app's. */
const METHOD_OF: Record<string, MfaMethod> = { SMS_MFA: 'SMS', SOFTWARE_TOKEN_MFA: 'TOTP', EMAIL_OTP: 'EMAIL' }

function mfaOf(output: AdminGetUserCommandOutput): UserMfa {
  const enabled = new Set<MfaMethod>()
  for (const setting of output.UserMFASettingList ?? []) if (METHOD_OF[setting]) enabled.add(METHOD_OF[setting])
  // The older MFAOptions list SMS for users set up before the settings list existed.
  for (const option of output.MFAOptions ?? []) if (option.DeliveryMedium === 'SMS') enabled.add('SMS')
  const preferred = METHOD_OF[output.PreferredMfaSetting ?? ''] ?? null
  return { enabled: MFA_METHODS.filter((method) => enabled.has(method)), preferred }
}

interface StoredIdentity {
  providerName?: unknown
  providerType?: unknown
  userId?: unknown
  primary?: unknown
  dateCreated?: unknown
}

/** The `identities` attribute as Cognito stores it: a JSON list; anything unreadable is shown as no link rather than failing the user. */
export function parseIdentities(value: string | undefined): LinkedIdentity[] {
  if (!value) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  return (parsed as StoredIdentity[])
    .filter((entry) => entry && typeof entry.providerName === 'string' && typeof entry.userId === 'string')
    .map((entry) => ({
      providerName: entry.providerName as string,
      providerType: typeof entry.providerType === 'string' ? entry.providerType : '',
      userId: entry.userId as string,
      primary: entry.primary === true || entry.primary === 'true',
      dateCreated: epochToIso(entry.dateCreated)
    }))
}

/** Cognito writes the link's date as milliseconds since the epoch, a number or its digits. */
function epochToIso(value: unknown): string | null {
  const ms = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}
