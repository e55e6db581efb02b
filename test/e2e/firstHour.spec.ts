/**
 * What a new operator meets in the first hour on the screens other than Users, on a small seeded
 * sandbox: Register keeps its button in view with every message showing and says the tier's meaning
 * whole; the import names its methods for what people receive; Statistics opens with the numbers, its
 * exports in one menu, and every save offers "Show in folder", which main answers by the id it gave.
 * Screenshots of each at both window sizes in both colour modes.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { openConnection } from '../../src/main/cognito/connection'
import { invokeOperation } from '../../src/main/operations/invoke'
import { TIER_DESCRIPTIONS } from '../../src/shared/tiers'
import { launchHarness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { seedSandboxUsers } from '../support/seedSandbox'
import { expect, screenshotAtSizes, setColorScheme, testWithOwnApp, THEMES, WINDOW_SIZES } from './fixtures'
import { expectInViewport } from './users.fixtures'

const EVERY_PROBLEM = join(__dirname, '../fixtures/import/every-problem.csv')
const SMALL_POOL = 24

const test = testWithOwnApp(async ({ dataDir, saveDir }) => {
  const provisioned = await openConnection({ pool: { kind: 'sandbox' }, dataDir, listUsersRate: 30 })
  const userPoolId = provisioned.info.userPoolId
  await provisioned.close()
  seedSandboxUsers(join(dataDir, 'sandbox'), userPoolId, SMALL_POOL)
  return launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir }), saveDir, openFile: EVERY_PROBLEM })
})

// Each test shoots its screens at two sizes in two modes, some several times.
test.describe.configure({ mode: 'serial', timeout: 240_000 })

async function go(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: screen, exact: true }).click()
}

/** Runs `check` at every window size in every colour mode; leaves the page at 1280×820, light. */
async function atEverySize(page: Page, check: () => Promise<void>): Promise<void> {
  for (const theme of THEMES) {
    await setColorScheme(page, theme)
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size)
      await check()
    }
  }
  await setColorScheme(page, 'light')
}

test('Register keeps its button in view with every message showing, and says the tier whole', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Register')
  await page.getByLabel('Tier', { exact: true }).selectOption('premium')
  await expect(page.getByText(TIER_DESCRIPTIONS.premium, { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Add attribute' }).click()
  await page.getByLabel('Attribute value 1', { exact: true }).fill('Engineering')
  await page.getByLabel('Username', { exact: true }).fill('a b')
  await page.getByLabel('Email', { exact: true }).fill('not-an-email')
  await page.getByLabel('Password', { exact: true }).fill('short')
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Not registered yet.')
  await atEverySize(page, async () => {
    // Focus went to the first field to fix; the button is in the window all the same.
    await expectInViewport(page, page.getByRole('button', { name: 'Register user' }))
    const description = page.getByText(TIER_DESCRIPTIONS.premium, { exact: true })
    expect(await description.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
  })
  await screenshotAtSizes(page, 'register-errors')
  await page.getByRole('button', { name: 'Clear form' }).click()
})

test('the import names its methods for what people receive, and its reasons whole', async ({ harness }) => {
  const { page } = harness
  await page.getByText('From a CSV file', { exact: true }).click()
  await page.getByRole('button', { name: 'Choose CSV file…' }).click()
  const preview = page.getByRole('table', { name: 'Preview by row' })
  await expect(preview).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Send each person a sign-up code' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Invite with a temporary password' })).toBeVisible()
  // Cognito's names are only in the detail lines.
  await expect(page.getByText('Cognito: SignUp')).toBeVisible()
  await expect(page.getByText('Cognito: AdminCreateUser')).toBeVisible()
  await expect(page.getByRole('radio', { name: /SignUp|AdminCreateUser/ })).toHaveCount(0)
  await page.getByRole('radio', { name: 'Send each person a sign-up code' }).check()
  await atEverySize(page, async () => {
    const cut = await preview.locator('td.import-reason').evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length)
    expect(cut).toBe(0)
  })
  await screenshotAtSizes(page, 'import-methods')
  await page.getByText('One user', { exact: true }).click()
})

test('Statistics opens with the numbers, its exports in one menu, and shows a saved file in its folder', async ({ harness, folders }) => {
  const { page } = harness
  await go(page, 'Statistics')
  await page.getByRole('button', { name: 'Scan pool' }).click()
  await expect(page.getByRole('heading', { name: `${SMALL_POOL} users — scan of`, exact: false })).toBeVisible({ timeout: 60_000 })
  const tiers = page.getByRole('list', { name: 'Users per tier' })
  // The numbers are the first thing in view, at the small window too.
  await page.setViewportSize(WINDOW_SIZES[0])
  await expectInViewport(page, tiers)
  await screenshotAtSizes(page, 'statistics-numbers-first')

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const menu = page.getByRole('group', { name: 'Exports' })
  await expect(menu.getByRole('button', { name: 'Figures of the last scan (CSV)' })).toBeFocused()
  await screenshotAtSizes(page, 'statistics-export-menu')
  await menu.getByLabel('Tier to export').selectOption('standard')
  await menu.getByRole('button', { name: 'Users of this tier (CSV)' }).click()
  const saved = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /^Saved \d+ rows to / })
  await expect(saved).toBeVisible()
  const path = /to (.*)$/.exec((await saved.textContent())!)![1]!
  expect(path.startsWith(folders.saveDir)).toBe(true)
  await page.getByRole('button', { name: 'Show in folder' }).click()
  await expect.poll(() => harness.shownInFolder).toEqual([path])
  // The page asked by main's id; no path crossed the bridge.
  const asked = harness.calls.filter((call) => call.operation === 'showSavedFile')
  expect(asked).toEqual([{ operation: 'showSavedFile', payload: { fileId: expect.stringMatching(/^[0-9a-f-]{36}$/) } }])

  // A tier's count opens its users on the Users screen.
  await tiers.getByRole('button', { name: /^premium \d/ }).click()
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Users of the tier' })).toBeVisible()
})

test('the audit CSV offers its folder too', async ({ harness }) => {
  const { page } = harness
  // One write for the trail to hold, sent as the Users screen would.
  const changed = await invokeOperation(harness.handlers, 'setTier', { username: 'seed_00000', tier: 'premium' })
  expect(changed.ok).toBe(true)
  await go(page, 'Audit')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const saved = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /^Saved \d+ rows to / })
  await expect(saved).toBeVisible()
  await page.getByRole('button', { name: 'Show in folder' }).click()
  await expect.poll(() => harness.shownInFolder.at(-1)).toBe(/to (.*)$/.exec((await saved.textContent())!)![1])
})
