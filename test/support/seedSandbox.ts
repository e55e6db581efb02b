import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StatsFigures } from '../../src/shared/domain'
import { isTier } from '../../src/shared/tiers'

/**
 * Writes users straight into a stopped sandbox's cognito-local data file: registering thousands through
 * the emulator would rewrite its whole JSON file once per user. Returns the exact counts expected.
 */
export function seedSandboxUsers(
  sandboxDir: string,
  userPoolId: string,
  count: number
): Pick<StatsFigures, 'total' | 'tiers' | 'enabled' | 'disabled' | 'statuses'> {
  const file = join(sandboxDir, 'db', `${userPoolId}.json`)
  const db = JSON.parse(readFileSync(file, 'utf8')) as { Users: Record<string, unknown> }
  const tiers = { standard: 0, premium: 0, none: 0, invalid: {} as Record<string, number> }
  const statuses: Record<string, number> = {}
  let enabled = 0
  const tierValues = ['standard', 'premium', 'standard', undefined, 'gold', 'Premium', 'premium', 'standard']
  const statusValues = ['CONFIRMED', 'CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD']
  for (let i = 0; i < count; i++) {
    const username = `seed_${String(i).padStart(5, '0')}`
    const tier = tierValues[i % tierValues.length]
    const status = statusValues[i % statusValues.length]
    const isEnabled = i % 10 !== 0
    const created = new Date(Date.UTC(2026, 0, 1) + (i % 70) * 86_400_000).toISOString()
    db.Users[username] = {
      Attributes: [
        { Name: 'sub', Value: randomUUID() },
        { Name: 'email', Value: `${username}@example.com` },
        ...(tier === undefined ? [] : [{ Name: 'custom:user_tier', Value: tier }])
      ],
      Enabled: isEnabled,
      Password: 'Secure#Pass123',
      RefreshTokens: [],
      UserCreateDate: created,
      UserLastModifiedDate: created,
      Username: username,
      UserStatus: status
    }
    if (tier === undefined) tiers.none++
    else if (isTier(tier)) tiers[tier]++
    else tiers.invalid[tier] = (tiers.invalid[tier] ?? 0) + 1
    statuses[status] = (statuses[status] ?? 0) + 1
    if (isEnabled) enabled++
  }
  writeFileSync(file, JSON.stringify(db))
  return { total: count, tiers, statuses, enabled, disabled: count - enabled }
}
