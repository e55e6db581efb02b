/**
 * The pool as the support desk reads it: its schema, password policy and security settings, asked
 * again when older than a minute, so a setting changed in the console (MFA, threat protection)
 * reaches the verdict and the messages without reconnecting, while a busy desk asks at most once a
 * minute against DescribeUserPool's low quota.
 */
import type { PoolInfo } from '../../shared/domain'
import type { PoolSchemaService } from '../cognito/poolSchema'

export const POOL_SETTINGS_MAX_AGE_MS = 60_000

export function supportPool(schema: PoolSchemaService): Promise<PoolInfo> {
  return schema.describe({ maxAgeMs: POOL_SETTINGS_MAX_AGE_MS })
}
