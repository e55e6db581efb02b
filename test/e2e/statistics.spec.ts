/**
 * The Statistics screen on a sandbox pool seeded with 3,000 users of every kind of tier value, its
 * ListUsers rate turned down so the scan runs long enough to watch: progress, pause, cancel, resume, the
 * charts and the exact counts. (cognito-local answers in one page and never throttles; paging and
 * throttling are covered against the simulator in test/main/stats.)
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { openConnection } from '../../src/main/cognito/connection'
import { launchHarness, type Harness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { seedSandboxUsers } from '../support/seedSandbox'
import { makeTempDir } from '../support/tempDir'
import { focused } from './desktopHelpers'
import { expect, screenshot, screenshotAtSizes } from './fixtures'

const test = base.extend<object, { seeded: { harness: Harness; expected: ReturnType<typeof seedSandboxUsers>; saveDir: string } }>({
  seeded: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const temp = makeTempDir('tier-admin-e2e-stats-')
      const provisioned = await openConnection({ pool: { kind: 'sandbox' }, dataDir: temp.dir, listUsersRate: 30 })
      const userPoolId = provisioned.info.userPoolId
      await provisioned.close()
      const expected = seedSandboxUsers(join(temp.dir, 'sandbox'), userPoolId, 3000)
      // Two requests a second: slow enough that the running scan outlasts its screenshots in both modes and sizes.
      const saveDir = join(temp.dir, 'saved')
      mkdirSync(saveDir)
      const harness = await launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir, TIER_ADMIN_LIST_USERS_RPS: '2' }), saveDir })
      await use({ harness, expected, saveDir })
      await harness.close()
      temp.remove()
    },
    { scope: 'worker' }
  ]
})

test.describe.configure({ mode: 'serial' })

test('scans with progress, pauses, cancels, resumes, and shows exact counts with charts', async ({ seeded }) => {
  const { page } = seeded.harness
  const { expected } = seeded
  await page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }).click()
  await expect(page.getByText(/No scan of this pool has finished yet/)).toBeVisible()
  await page.getByRole('button', { name: 'Scan pool' }).click()

  const progress = page.getByRole('progressbar', { name: 'Scan progress' })
  await expect(progress).toBeVisible()
  // The button pressed is gone; focus is on the scan's panel, not the page body.
  const panel = page.getByRole('region', { name: /Scanning the pool/ })
  await expect(panel).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: /partitions [1-9]\d*\// })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('table', { name: 'Estimated shares' })).toBeVisible()
  await screenshot(page, '10-statistics-running')
  await screenshotAtSizes(page, 'statistics-running')

  // A pause keeps the finished partitions; resuming carries on from them.
  await page.getByRole('button', { name: 'Pause scan' }).click()
  await expect(page.getByRole('region', { name: /Scan paused/ })).toBeFocused()
  await expect(page.getByText('The partitions it finished are kept')).toBeVisible()
  await expect(page.getByRole('button', { name: /Pause scan|Cancel scan/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Resume scan' }).click()
  await expect(page.getByRole('region', { name: /Scanning the pool/ })).toBeFocused()

  await page.getByRole('button', { name: 'Cancel scan' }).click()
  await expect(page.getByRole('heading', { name: /Scan cancelled/ })).toBeVisible()
  await expect(page.getByRole('region', { name: /Scan cancelled/ })).toBeFocused()
  await screenshotAtSizes(page, 'statistics-cancelled')
  await page.getByRole('button', { name: 'Resume scan' }).click()
  await expect(page.getByRole('region', { name: /Scanning the pool/ })).toBeFocused()
  await expect(page.getByRole('heading', { name: /3,000 users — scan of/ })).toBeVisible({ timeout: 90_000 })
  // The panel went with the finished scan: focus is on its figures' heading.
  expect(await focused(page)).toMatchObject({ tag: 'H2', text: expect.stringContaining('3,000 users') })

  const tiers = page.getByRole('table', { name: 'Users per tier' })
  await expect(tiers.getByRole('row', { name: /^standard/ })).toContainText(expected.tiers.standard.toLocaleString('en-US'))
  await expect(tiers.getByRole('row', { name: /^premium/ })).toContainText(expected.tiers.premium.toLocaleString('en-US'))
  await expect(tiers.getByRole('row', { name: /^no tier/ })).toContainText(expected.tiers.none.toLocaleString('en-US'))
  for (const [value, count] of Object.entries(expected.tiers.invalid)) {
    await expect(tiers.getByRole('row', { name: `invalid: ${value}` })).toContainText(String(count))
  }
  await expect(page.getByRole('img', { name: 'Tier doughnut chart' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Weekly sign-ups chart' })).toBeVisible()
  await screenshot(page, '11-statistics-done')
  await screenshotAtSizes(page, 'statistics-done')

  await page.getByRole('button', { name: 'Export figures (CSV)' }).click()
  // Main wrote the file where the save dialog pointed; said beside the export buttons, once; the export button keeps focus.
  const saved = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /^Saved \d+ rows to / })
  await expect(saved).toBeVisible()
  const path = /to (.*tier-stats-\d{4}-\d{2}-\d{2}\.csv)$/.exec((await saved.textContent()) ?? '')?.[1]
  expect(path?.startsWith(seeded.saveDir)).toBe(true)
  expect(readFileSync(path!, 'utf8')).toContain(`total,,${expected.total}\r\n`)
  await expect(page.getByRole('button', { name: 'Export figures (CSV)' })).toBeFocused()
  await expect(page.getByRole('contentinfo', { name: 'Notices' })).not.toContainText('Saved')
  await screenshotAtSizes(page, 'statistics-exported')
})

test('lists the users of a tier from the scan on the Users screen', async ({ seeded }) => {
  const { page } = seeded.harness
  await page.getByRole('navigation').getByRole('button', { name: 'Users', exact: true }).click()
  await page.getByRole('button', { name: 'More' }).click()
  await page.getByRole('menuitem', { name: 'List users with an invalid tier value' }).click()
  const invalidTotal = Object.values(seeded.expected.tiers.invalid).reduce((a, b) => a + b, 0)
  await expect(page.getByText(`${invalidTotal.toLocaleString('en-US')} users (invalid value)`)).toBeVisible()
  await page.getByRole('table', { name: 'Users of the tier' }).getByRole('row').nth(1).click()
  await expect(page.getByRole('region', { name: /^seed_/ })).toBeVisible()
  await expect(page.getByText(/is not a tier/)).toBeVisible()
  await screenshot(page, '12-users-tier-list')
})
