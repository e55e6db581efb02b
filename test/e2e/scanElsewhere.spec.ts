/**
 * A statistics scan that runs in another process of the app (here the real `tier-admin stats` CLI, its
 * ListUsers rate turned down so it runs for a while): the app refuses to start a second one, shows the
 * other one's progress without Pause, Cancel or Resume, and shows its figures once it finishes there.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { openConnection } from '../../src/main/cognito/connection'
import { launchHarness, type Harness } from '../harness/rendererHarness'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { seedSandboxUsers } from '../support/seedSandbox'
import { makeTempDir } from '../support/tempDir'
import { expect, screenshotAtSizes } from './fixtures'

const USERS = 300

const test = base.extend<{ seeded: { harness: Harness; dataDir: string; userPoolId: string } }>({
  // eslint-disable-next-line no-empty-pattern
  seeded: async ({}, use) => {
    const temp = makeTempDir('tier-admin-e2e-elsewhere-')
    const provisioned = await openConnection({ pool: { kind: 'sandbox' }, dataDir: temp.dir, listUsersRate: 30 })
    const userPoolId = provisioned.info.userPoolId
    await provisioned.close()
    seedSandboxUsers(join(temp.dir, 'sandbox'), userPoolId, USERS)
    const harness = await launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }) })
    await use({ harness, dataDir: temp.dir, userPoolId })
    await harness.close()
    temp.remove()
  }
})

test('shows a scan running in the CLI, refuses a second one, and shows its figures when it finishes', async ({ seeded }) => {
  const { page } = seeded.harness
  await page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }).click()
  await expect(page.getByText(/No scan of this pool has finished yet/)).toBeVisible()

  // One ListUsers request a second: the CLI's 16 partitions take about 20 seconds.
  const cli = runTierAdmin(['stats'], { env: cleanEnv({ TIER_ADMIN_DATA_DIR: seeded.dataDir, TIER_ADMIN_LIST_USERS_RPS: '1' }), cwd: seeded.dataDir })
  const scanLock = join(seeded.dataDir, 'stats', seeded.userPoolId, 'scan.lock')
  await expect.poll(() => existsSync(scanLock)).toBe(true)

  await page.getByRole('button', { name: 'Scan pool' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText(/already running in the tier-admin CLI \(stats\).*code: LOCKED_BY_OTHER_PROCESS/s)
  const heading = page.getByRole('heading', { name: /^Running in the tier-admin CLI \(stats\), process \d+/ })
  await expect(heading).toBeVisible()
  await expect(page.getByText('This window cannot pause, cancel or resume it')).toBeVisible()
  await expect(page.getByRole('button', { name: /Pause scan|Cancel scan|Scan pool|Resume scan/ })).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: /partitions [1-9]\d*\/16/ })).toBeVisible({ timeout: 30_000 })
  await screenshotAtSizes(page, 'statistics-running-elsewhere')

  const finished = await cli
  expect(finished.code, finished.stderr).toBe(0)
  await expect(page.getByRole('heading', { name: new RegExp(`^${USERS} users — scan of`) })).toBeVisible()
  await expect(heading).toBeHidden()
  await expect(page.getByRole('button', { name: 'Scan pool' })).toBeVisible()
})
