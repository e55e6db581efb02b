import { DescribeUserPoolCommand, type DescribeUserPoolCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import type { PasswordPolicy, PoolInfo } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { addCustomAttributeSteps } from '../../shared/attributeAdvice'
import { bareAttributeName, isCustomName } from '../../shared/attributeNames'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { CognitoGateway } from './gateway'

/** Describes the pool once per connection (DescribeUserPool's quota is only 15/s) and answers from the cache. */
export class PoolSchemaService {
  private cached: Promise<PoolInfo> | null = null

  constructor(private readonly gateway: CognitoGateway) {}

  /** The pool as last described; `refresh` asks Cognito again (after the operator changed the pool). */
  describe({ refresh = false }: { refresh?: boolean } = {}): Promise<PoolInfo> {
    if (refresh) this.cached = null
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
    return toPoolInfo(output)
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

export function toPoolInfo(output: DescribeUserPoolCommandOutput): PoolInfo {
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
    ...(pool.EstimatedNumberOfUsers !== undefined ? { estimatedUsers: pool.EstimatedNumberOfUsers } : {})
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
