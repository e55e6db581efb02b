/**
 * The detailed pool's settings with their defaults, DescribeUserPool's answer for them, and the
 * password policy check they drive. Defaults follow a pool made in the console today: MFA off,
 * threat protection off, email auto-verified, the 8-character policy with every class required and
 * temporary passwords valid 7 days (PasswordPolicyType's documented default).
 */
import { passwordPolicyFault } from '../../../../src/main/sandbox/awsRules'
import { SimError } from '../wire'
import { PoolSchema, type SchemaAttribute } from './schema'
import type { SimPoolSettings } from './seeds'

type PasswordPolicy = Required<NonNullable<SimPoolSettings['PasswordPolicy']>>

/** Every setting resolved; what the simulator and its tests read. */
export interface ResolvedPool {
  id: string
  name: string
  region: string
  mfa: 'OFF' | 'ON' | 'OPTIONAL'
  advancedSecurity: 'OFF' | 'AUDIT' | 'ENFORCED'
  requireVerificationBeforeUpdate: ('email' | 'phone_number')[]
  autoVerified: ('email' | 'phone_number')[]
  usernameAttributes: ('email' | 'phone_number')[]
  aliasAttributes: ('email' | 'phone_number' | 'preferred_username')[]
  usernameCaseSensitive: boolean
  passwordPolicy: PasswordPolicy
  allowAdminCreateUserOnly: boolean
  unusedAccountValidityDays: number
  deviceConfiguration: { ChallengeRequiredOnNewDevice: boolean; DeviceOnlyRememberedOnUserPrompt: boolean }
  schema: PoolSchema
}

export function resolvePool(id: string, settings: SimPoolSettings = {}): ResolvedPool {
  const requireVerification = settings.AttributesRequireVerificationBeforeUpdate ?? []
  const autoVerified = settings.AutoVerifiedAttributes ?? ['email']
  // CreateUserPool refuses the setting for an attribute Cognito does not verify automatically.
  for (const name of requireVerification) {
    if (!autoVerified.includes(name)) throw new Error(`AttributesRequireVerificationBeforeUpdate names ${name}, which AutoVerifiedAttributes must name too`)
  }
  if (settings.UsernameAttributes?.length && settings.AliasAttributes?.length) throw new Error('A pool has UsernameAttributes or AliasAttributes, not both')
  return {
    id,
    name: settings.Name ?? 'simulated',
    region: id.split('_')[0] ?? 'us-east-1',
    mfa: settings.MfaConfiguration ?? 'OFF',
    advancedSecurity: settings.AdvancedSecurityMode ?? 'OFF',
    requireVerificationBeforeUpdate: requireVerification,
    autoVerified,
    usernameAttributes: settings.UsernameAttributes ?? [],
    aliasAttributes: settings.AliasAttributes ?? [],
    usernameCaseSensitive: settings.UsernameCaseSensitive ?? false,
    passwordPolicy: {
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
      ...settings.PasswordPolicy
    },
    allowAdminCreateUserOnly: settings.AdminCreateUserConfig?.AllowAdminCreateUserOnly ?? false,
    unusedAccountValidityDays: settings.AdminCreateUserConfig?.UnusedAccountValidityDays ?? 7,
    deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false, ...settings.DeviceConfiguration },
    schema: new PoolSchema(
      settings.CustomAttributes ?? [{ Name: 'user_tier', StringAttributeConstraints: { MinLength: '0', MaxLength: '256' } }],
      settings.RequiredAttributes ?? []
    )
  }
}

/** DescribeUserPool's UserPool for the settings and the pool's current user count. */
export function describePool(pool: ResolvedPool, estimatedUsers: number, created: number): Record<string, unknown> {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: `arn:aws:cognito-idp:${pool.region}:123456789012:userpool/${pool.id}`,
    Status: 'Enabled',
    CreationDate: created,
    LastModifiedDate: created,
    EstimatedNumberOfUsers: estimatedUsers,
    MfaConfiguration: pool.mfa,
    UserPoolAddOns: { AdvancedSecurityMode: pool.advancedSecurity },
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: pool.requireVerificationBeforeUpdate },
    AutoVerifiedAttributes: pool.autoVerified,
    ...(pool.usernameAttributes.length ? { UsernameAttributes: pool.usernameAttributes } : {}),
    ...(pool.aliasAttributes.length ? { AliasAttributes: pool.aliasAttributes } : {}),
    UsernameConfiguration: { CaseSensitive: pool.usernameCaseSensitive },
    Policies: { PasswordPolicy: pool.passwordPolicy },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: pool.allowAdminCreateUserOnly, UnusedAccountValidityDays: pool.unusedAccountValidityDays },
    DeviceConfiguration: pool.deviceConfiguration,
    SchemaAttributes: pool.schema.attributes satisfies SchemaAttribute[],
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        { Priority: 1, Name: 'verified_email' },
        { Priority: 2, Name: 'verified_phone_number' }
      ]
    },
    VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' }
  }
}

/** Cognito's policy check, with its wording ("Password did not conform with policy: …"). */
export function checkPolicy(password: unknown, field: string, policy: PasswordPolicy): string {
  if (typeof password !== 'string') {
    throw new SimError(
      'InvalidParameterException',
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`
    )
  }
  const fault = passwordPolicyFault(password, policy)
  if (fault) throw new SimError('InvalidPasswordException', `Password did not conform with policy: ${fault}`)
  return password
}
