/**
 * Cognito's rules that the sandbox's own targets and the test simulator both apply, said once: the
 * password policy check and two refusals with Cognito's wording, the validation wording of the AWS
 * JSON protocol for a page size out of range, and the app-client settings Cognito documents as defaults.
 */

export interface PasswordPolicy {
  MinimumLength?: number
  RequireUppercase?: boolean
  RequireLowercase?: boolean
  RequireNumbers?: boolean
  RequireSymbols?: boolean
}

/** What Cognito says after "Password did not conform with policy: ", or null when the password passes. */
export function passwordPolicyFault(password: string, policy: PasswordPolicy): string | null {
  if (password.length < (policy.MinimumLength ?? 8)) return 'Password not long enough'
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters'
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters'
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters'
  if (policy.RequireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(password)) return 'Password must have symbol characters'
  return null
}

/** Cognito's refusal to turn on an MFA method the user has no delivery for (its wording, aws-sdk-js-v3#4645). */
export const mfaDeliveryMessage = (method: string): string => `User does not have delivery config set to turn on ${method}`

/**
 * UserPoolAddOnNotEnabledException's message for a pool without threat protection. Cognito documents
 * the exception, not its text; callers key on the name.
 */
export const ADD_ON_NOT_ENABLED = 'User pool add-ons are not enabled for this user pool.'

/** The list operations' page size bound (Limit / MaxResults ≤ 60). */
export const MAX_PAGE_SIZE = 60

/** The AWS JSON protocol's message for a page size out of range, e.g. field 'limit' or 'maxResults'. */
export function pageSizeMessage(field: string, value: unknown, bound: { min: number } | { max: number }): string {
  const rule = 'min' in bound ? `greater than or equal to ${bound.min}` : `less than or equal to ${bound.max}`
  return `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: Member must have value ${rule}`
}

/**
 * What DescribeUserPoolClient shows for a setting a client was given no value for: "If you don't
 * specify a value for ExplicitAuthFlows, your app client supports ALLOW_REFRESH_TOKEN_AUTH,
 * ALLOW_USER_SRP_AUTH, and ALLOW_CUSTOM_AUTH"; access and ID tokens valid 1 hour, refresh tokens 30
 * days; PreventUserExistenceErrors LEGACY; token revocation on; a 3-minute auth session.
 */
export const CLIENT_DEFAULTS = {
  ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
  AccessTokenValidity: 60,
  IdTokenValidity: 60,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  PreventUserExistenceErrors: 'LEGACY',
  EnableTokenRevocation: true,
  EnablePropagateAdditionalUserContextData: false,
  AuthSessionValidity: 3,
  AllowedOAuthFlowsUserPoolClient: false
} as const

/** The settings UpdateUserPoolClient takes besides the pool, the client and its name; each one left out is reset to its default. */
export const CLIENT_SETTING_FIELDS = [
  'ReadAttributes',
  'WriteAttributes',
  'ExplicitAuthFlows',
  'AccessTokenValidity',
  'IdTokenValidity',
  'RefreshTokenValidity',
  'TokenValidityUnits',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'EnablePropagateAdditionalUserContextData',
  'AuthSessionValidity',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'DefaultRedirectURI',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration',
  'RefreshTokenRotation'
] as const

/** The settings a client was given, without the ones it was not (which take CLIENT_DEFAULTS). */
export function givenClientSettings(source: Record<string, unknown>): Record<string, unknown> {
  const settings: Record<string, unknown> = {}
  for (const field of CLIENT_SETTING_FIELDS) if (source[field] !== undefined) settings[field] = structuredClone(source[field])
  return settings
}
