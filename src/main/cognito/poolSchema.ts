import {
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  type DescribeUserPoolCommandOutput,
  type GetUserPoolMfaConfigCommandOutput,
  type SchemaAttributeType
} from '@aws-sdk/client-cognito-identity-provider'
import type { PasswordPolicy, PoolInfo } from '../../shared/domain'
import type { AttributeSchema, MfaMethod, PoolSecurity } from '../../shared/support'
import { AppError } from '../../shared/errors'
import { addCustomAttributeSteps } from '../../shared/attributeAdvice'
import { bareAttributeName, isCustomName } from '../../shared/attributeNames'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { CognitoGateway } from './gateway'

/** Describes the pool once per connection (DescribeUserPool's quota is only 15/s) and answers from the cache. */
export class PoolSchemaService {
  private cached: Promise<PoolInfo> | null = null
  private fetchedAt = 0

  constructor(
    private readonly gateway: CognitoGateway,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * The pool as last described; `refresh` asks Cognito again (after the operator changed the pool),
   * `maxAgeMs` when the description is older than that (settings someone may change in the console).
   */
  describe({ refresh = false, maxAgeMs }: { refresh?: boolean; maxAgeMs?: number } = {}): Promise<PoolInfo> {
    if (refresh || (maxAgeMs !== undefined && this.now() - this.fetchedAt > maxAgeMs)) this.cached = null
    if (!this.cached) this.fetchedAt = this.now()
    this.cached ??= this.fetch().catch((error: unknown) => {
      // A failed describe (wrong pool, network) must be retried next time, not cached.
      this.cached = null
      throw error
    })
    return this.cached
  }

  /** Refuses attribute names the pool's schema lacks, naming each and saying how to add it. */
  async assertAttributesExist(names: string[]): Promise<PoolInfo> {
    const pool = await this.describe()
    const missing = names.filter((name) => !pool.attributeNames.includes(name))
    if (missing.length) throw missingAttributesError(missing, pool.poolName)
    return pool
  }

  private async fetch(): Promise<PoolInfo> {
    const output = await this.gateway.send<DescribeUserPoolCommandOutput>(new DescribeUserPoolCommand({ UserPoolId: this.gateway.userPoolId }))
    // Which MFA methods the pool offers is only in its MFA configuration; a pool without MFA needs no second request.
    const mfa =
      output.UserPool?.MfaConfiguration && output.UserPool.MfaConfiguration !== 'OFF'
        ? await this.gateway
            .send<GetUserPoolMfaConfigCommandOutput>(new GetUserPoolMfaConfigCommand({ UserPoolId: this.gateway.userPoolId }), { maxAttempts: 2 })
            .catch(() => undefined)
        : undefined
    return toPoolInfo(output, mfa)
  }
}

function missingAttributesError(missing: string[], poolName: string): AppError {
  const list = missing.join(', ')
  const bare = missing.map(bareAttributeName).join(', ')
  const fields = Object.fromEntries(missing.map((name) => [`attributes.${name}`, `The pool has no attribute ${name}`]))
  return new AppError(
    'ATTRIBUTE_NOT_IN_SCHEMA',
    `The pool "${poolName}" has no attribute ${list}. Add it (${addCustomAttributeSteps(bare)}) or remove it from this form.`,
    fields
  )
}

export function toPoolInfo(output: DescribeUserPoolCommandOutput, mfaConfig?: GetUserPoolMfaConfigCommandOutput): PoolInfo {
  const pool = output.UserPool ?? {}
  const attributeNames = (pool.SchemaAttributes ?? []).map((attribute) => attribute.Name ?? '').filter(Boolean)
  const customAttributes = attributeNames.filter(isCustomName).map(bareAttributeName)
  return {
    poolName: pool.Name ?? pool.Id ?? 'unnamed pool',
    customAttributes,
    attributeNames,
    passwordPolicy: toPasswordPolicy(pool.Policies?.PasswordPolicy),
    aliasAttributes: pool.AliasAttributes ?? [],
    usernameAttributes: pool.UsernameAttributes ?? [],
    hasTierAttribute: attributeNames.includes(TIER_ATTRIBUTE),
    ...(pool.EstimatedNumberOfUsers !== undefined ? { estimatedUsers: pool.EstimatedNumberOfUsers } : {}),
    schema: (pool.SchemaAttributes ?? []).filter((attribute) => attribute.Name).map(toAttributeSchema),
    security: toPoolSecurity(pool, mfaConfig)
  }
}

function toPasswordPolicy(policy: NonNullable<NonNullable<DescribeUserPoolCommandOutput['UserPool']>['Policies']>['PasswordPolicy']): PasswordPolicy {
  return {
    minimumLength: policy?.MinimumLength ?? 8,
    requireUppercase: policy?.RequireUppercase ?? false,
    requireLowercase: policy?.RequireLowercase ?? false,
    requireNumbers: policy?.RequireNumbers ?? false,
    requireSymbols: policy?.RequireSymbols ?? false
  }
}

type DescribedPool = NonNullable<DescribeUserPoolCommandOutput['UserPool']>

function toAttributeSchema(attribute: SchemaAttributeType): AttributeSchema {
  const name = attribute.Name!
  const numeric = attribute.NumberAttributeConstraints
  const text = attribute.StringAttributeConstraints
  const number = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value))
  return {
    name,
    type: (attribute.AttributeDataType ?? 'String') as AttributeSchema['type'],
    custom: isCustomName(name),
    // Cognito omits Mutable for some standard attributes; they are mutable unless it says otherwise.
    mutable: attribute.Mutable !== false,
    required: attribute.Required === true,
    ...defined({
      minLength: number(text?.MinLength),
      maxLength: number(text?.MaxLength),
      minValue: number(numeric?.MinValue),
      maxValue: number(numeric?.MaxValue)
    })
  }
}

const defined = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>

/** The settings of the pool that decide how its users sign in, with Cognito's defaults where it says nothing. */
function toPoolSecurity(pool: DescribedPool, mfaConfig?: GetUserPoolMfaConfigCommandOutput): PoolSecurity {
  const device = pool.DeviceConfiguration
  return {
    mfaConfiguration: (pool.MfaConfiguration ?? 'OFF') as PoolSecurity['mfaConfiguration'],
    mfaMethods: mfaConfig ? methodsOf(mfaConfig) : guessedMethods(pool),
    threatProtection: (pool.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF') as PoolSecurity['threatProtection'],
    temporaryPasswordValidityDays: pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays ?? 7,
    autoVerifiedAttributes: pool.AutoVerifiedAttributes ?? [],
    keepOriginalUntilVerified: pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [],
    deviceTracking: !device ? 'off' : device.DeviceOnlyRememberedOnUserPrompt ? 'user-opt-in' : 'always'
  }
}

function methodsOf(config: GetUserPoolMfaConfigCommandOutput): MfaMethod[] {
  return [
    // Text messages go out through the pool's SNS role: without one there is no SMS MFA, whatever else is set.
    ...(config.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn ? (['SMS'] as const) : []),
    ...(config.SoftwareTokenMfaConfiguration?.Enabled ? (['TOTP'] as const) : []),
    ...(config.EmailMfaConfiguration ? (['EMAIL'] as const) : [])
  ]
}

/** Where GetUserPoolMfaConfig could not be read: SMS where the pool can send texts, and TOTP, which every MFA pool can offer. */
function guessedMethods(pool: DescribedPool): MfaMethod[] {
  if (!pool.MfaConfiguration || pool.MfaConfiguration === 'OFF') return []
  return [...(pool.SmsConfiguration ? (['SMS'] as const) : []), 'TOTP']
}
