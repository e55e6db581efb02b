/**
 * What a test gives the simulator to hold a realistic pool: users with their full state, app
 * clients, groups and the pool's settings. Pool settings and clients use Cognito's own field names
 * (as DescribeUserPool and DescribeUserPoolClient return them), so a test compares them directly.
 */

/** Every status AdminGetUser can report. */
export type SimUserStatus =
  'UNCONFIRMED' | 'CONFIRMED' | 'ARCHIVED' | 'COMPROMISED' | 'UNKNOWN' | 'RESET_REQUIRED' | 'FORCE_CHANGE_PASSWORD' | 'EXTERNAL_PROVIDER'

/** The MFA methods of UserMFASettingList, by Cognito's names. */
export type SimMfaMethod = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP'

/** A device the user remembered (or not), as AdminListDevices shows it. */
export interface SimDeviceSeed {
  /** `<region>_<uuid>`, Cognito's device key shape; made up when absent. */
  key?: string
  name?: string
  /** dev:device_remembered_status: 'remembered' when true (default), 'not_remembered' when false. */
  remembered?: boolean
  lastIp?: string
  createdAt?: Date
  lastModifiedAt?: Date
  lastAuthenticatedAt?: Date
}

/** One threat-protection log entry, in AuthEventType's terms. */
export interface SimAuthEventSeed {
  id?: string
  type?: 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode'
  createdAt?: Date
  response?: 'Pass' | 'Fail' | 'InProgress'
  risk?: { decision?: 'NoRisk' | 'AccountTakeover' | 'Block'; level?: 'Low' | 'Medium' | 'High'; compromisedCredentials?: boolean }
  challenges?: { name: 'Password' | 'Mfa'; response: 'Success' | 'Failure' }[]
  context?: { ip?: string; deviceName?: string; timezone?: string; city?: string; country?: string }
  feedback?: { value: 'Valid' | 'Invalid'; provider?: string; date?: Date }
}

/** A user with the state AdminGetUser and the support desk show. */
export interface SimUserSeed {
  username: string
  /** A version-4 UUID made from the username when absent. */
  sub?: string
  /** CONFIRMED when absent. */
  status?: SimUserStatus
  /** True when absent. */
  enabled?: boolean
  /** When absent, a fixed date in 2024 (never "now", so runs repeat). */
  createdAt?: Date
  /** createdAt when absent. */
  modifiedAt?: Date
  /**
   * Attributes by name, as Cognito stores them: strings, `email_verified: 'true'`, `custom:user_tier`,
   * and for federated or linked users `identities` as the JSON string Cognito keeps (see identitiesOf).
   */
  attributes?: Record<string, string>
  /** The password InitiateAuth accepts; SIM_PASSWORD when absent. */
  password?: string
  /** When the current (temporary) password was set; modifiedAt when absent. A FORCE_CHANGE_PASSWORD user past the pool's TemporaryPasswordValidityDays can no longer sign in. */
  passwordSetAt?: Date
  mfa?: {
    enabled?: SimMfaMethod[]
    preferred?: SimMfaMethod
    /** Whether an authenticator app was associated (AssociateSoftwareToken), which SOFTWARE_TOKEN_MFA needs. */
    totpAssociated?: boolean
  }
  /** Group names; a group no seed declares is created with defaults. */
  groups?: string[]
  devices?: SimDeviceSeed[]
  /** Newest first or not: AdminListUserAuthEvents sorts them newest first. */
  authEvents?: SimAuthEventSeed[]
}

/**
 * An app client. Fields left out take Cognito's documented defaults; ReadAttributes and
 * WriteAttributes left out mean the default permissions (and are then absent from Describe, as on Cognito).
 */
export interface SimClientSeed {
  ClientName: string
  ClientId?: string
  /** A secret the client must be addressed with (SECRET_HASH); none when absent. */
  ClientSecret?: string
  ReadAttributes?: string[]
  WriteAttributes?: string[]
  ExplicitAuthFlows?: string[]
  AccessTokenValidity?: number
  IdTokenValidity?: number
  RefreshTokenValidity?: number
  TokenValidityUnits?: { AccessToken?: string; IdToken?: string; RefreshToken?: string }
  PreventUserExistenceErrors?: 'LEGACY' | 'ENABLED'
  EnableTokenRevocation?: boolean
  EnablePropagateAdditionalUserContextData?: boolean
  AuthSessionValidity?: number
  SupportedIdentityProviders?: string[]
  CallbackURLs?: string[]
  LogoutURLs?: string[]
  DefaultRedirectURI?: string
  AllowedOAuthFlows?: string[]
  AllowedOAuthScopes?: string[]
  AllowedOAuthFlowsUserPoolClient?: boolean
  AnalyticsConfiguration?: { ApplicationId?: string; ApplicationArn?: string; RoleArn?: string; ExternalId?: string; UserDataShared?: boolean }
  RefreshTokenRotation?: { Feature?: 'ENABLED' | 'DISABLED'; RetryGracePeriodSeconds?: number }
}

export interface SimGroupSeed {
  GroupName: string
  Description?: string
  Precedence?: number
  RoleArn?: string
}

/** A custom attribute as CreateUserPool's Schema declares it (Name without the `custom:` prefix). */
export interface SimCustomAttribute {
  Name: string
  AttributeDataType?: 'String' | 'Number' | 'DateTime' | 'Boolean'
  /** True when absent. */
  Mutable?: boolean
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string }
}

/** Pool-level settings, by DescribeUserPool's names; each has a default (see pool.ts). */
export interface SimPoolSettings {
  Name?: string
  MfaConfiguration?: 'OFF' | 'ON' | 'OPTIONAL'
  /** Threat protection; OFF by default, when AdminListUserAuthEvents answers UserPoolAddOnNotEnabledException. */
  AdvancedSecurityMode?: 'OFF' | 'AUDIT' | 'ENFORCED'
  AttributesRequireVerificationBeforeUpdate?: ('email' | 'phone_number')[]
  AutoVerifiedAttributes?: ('email' | 'phone_number')[]
  UsernameAttributes?: ('email' | 'phone_number')[]
  AliasAttributes?: ('email' | 'phone_number' | 'preferred_username')[]
  /** Whether usernames are case sensitive; false by default (the console's choice for new pools). */
  UsernameCaseSensitive?: boolean
  PasswordPolicy?: {
    MinimumLength?: number
    RequireUppercase?: boolean
    RequireLowercase?: boolean
    RequireNumbers?: boolean
    RequireSymbols?: boolean
    TemporaryPasswordValidityDays?: number
  }
  AdminCreateUserConfig?: { AllowAdminCreateUserOnly?: boolean; UnusedAccountValidityDays?: number }
  DeviceConfiguration?: { ChallengeRequiredOnNewDevice?: boolean; DeviceOnlyRememberedOnUserPrompt?: boolean }
  /** Custom attributes; `user_tier` (mutable, up to 256 characters) by default. */
  CustomAttributes?: SimCustomAttribute[]
  /** Standard attributes every user must have (Required in the schema). */
  RequiredAttributes?: string[]
}

/** The password every seeded user has unless given another; it meets the default policy. */
export const SIM_PASSWORD = 'Sim-Passw0rd!'

/**
 * The `identities` attribute as Cognito stores it for a federated user or a native user linked to
 * providers: a JSON string of one entry per provider.
 */
export function identitiesOf(links: { providerName: string; userId: string; providerType?: string; primary?: boolean; dateCreated?: Date }[]): string {
  return JSON.stringify(
    links.map((link) => ({
      dateCreated: String((link.dateCreated ?? new Date(Date.UTC(2024, 0, 1))).getTime()),
      userId: link.userId,
      providerName: link.providerName,
      providerType: link.providerType ?? link.providerName,
      issuer: null,
      primary: String(link.primary ?? true)
    }))
  )
}
