/**
 * The user page's e2e setting: a sandbox pool that requires MFA (offering text messages and an
 * authenticator app), holding one person per sign-in verdict, written straight into the stopped
 * sandbox's cognito-local file as test/support/seedSandbox.ts does, so each ticket starts as it would arrive.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { openConnection } from '../../src/main/cognito/connection'
import { launchHarness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { expect, type LaunchApp } from './fixtures'
import { openUser } from './users.fixtures'

interface Seed {
  username: string
  status: string
  enabled?: boolean
  /** Days before now the account was created. */
  ageDays?: number
  attributes?: Record<string, string>
  mfa?: string[]
}

/** One person per verdict of the user page, named after it. */
export const TICKET_USERS: Seed[] = [
  { username: 'tk_disabled', status: 'CONFIRMED', enabled: false, attributes: { email_verified: 'true' } },
  { username: 'tk_unconfirmed', status: 'UNCONFIRMED' },
  { username: 'tk_expired', status: 'FORCE_CHANGE_PASSWORD', ageDays: 30 },
  { username: 'tk_reset', status: 'RESET_REQUIRED' },
  // Text messages turned on, but no phone number for them to reach.
  { username: 'tk_mfa', status: 'CONFIRMED', attributes: { email_verified: 'true' }, mfa: ['SMS_MFA'] },
  { username: 'tk_plain', status: 'CONFIRMED', attributes: { email_verified: 'true', 'custom:company': 'Acme' } },
  { username: 'tk_other', status: 'CONFIRMED', attributes: { email_verified: 'true' } },
  {
    username: 'Google_1098',
    status: 'EXTERNAL_PROVIDER',
    attributes: {
      identities: JSON.stringify([
        { userId: '1098', providerName: 'Google', providerType: 'Google', issuer: null, primary: true, dateCreated: Date.UTC(2026, 10, 1) }
      ])
    }
  }
]

function seedTickets(dataDir: string, userPoolId: string): void {
  const file = join(dataDir, 'sandbox', 'db', `${userPoolId}.json`)
  const db = JSON.parse(readFileSync(file, 'utf8')) as { Options: Record<string, unknown>; Users: Record<string, unknown> }
  db.Options.MfaConfiguration = 'ON'
  db.Options.SoftwareTokenMfaConfiguration = { Enabled: true }
  for (const seed of TICKET_USERS) {
    const created = new Date(Date.now() - (seed.ageDays ?? 1) * 86_400_000).toISOString()
    const attributes = { sub: randomUUID(), email: `${seed.username.toLowerCase()}@example.com`, ...seed.attributes }
    db.Users[seed.username] = {
      Attributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      Enabled: seed.enabled ?? true,
      Password: 'Secure#Pass123',
      RefreshTokens: [],
      UserCreateDate: created,
      UserLastModifiedDate: created,
      Username: seed.username,
      UserStatus: seed.status,
      ...(seed.mfa ? { UserMFASettingList: seed.mfa, PreferredMfaSetting: seed.mfa[0] } : {})
    }
  }
  writeFileSync(file, JSON.stringify(db))
}

export const ticketApp: LaunchApp = async ({ dataDir, saveDir }) => {
  const provisioned = await openConnection({ pool: { kind: 'sandbox' }, dataDir, listUsersRate: 30 })
  const userPoolId = provisioned.info.userPoolId
  await provisioned.close()
  seedTickets(dataDir, userPoolId)
  return launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir }), saveDir })
}

/** Opens a person by username from the find box, as from a ticket, and waits for their verdict. */
export async function openTicket(page: Page, username: string): Promise<void> {
  await openUser(page, username)
  await expect(verdict(page)).toBeVisible()
}

export const verdict = (page: Page) => page.getByTestId('sign-in-verdict')
