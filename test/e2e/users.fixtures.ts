/**
 * The Users workspace's e2e setting: the app on a sandbox pool seeded with 400 users of every status
 * and tier value (test/support/seedSandbox.ts: every fourth is FORCE_CHANGE_PASSWORD, every tenth is
 * disabled), and the helpers its specs share.
 */
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { openConnection } from '../../src/main/cognito/connection'
import { getUser } from '../../src/main/users/users'
import type { UserDetail } from '../../src/shared/domain'
import { launchHarness, type Harness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { seedSandboxUsers } from '../support/seedSandbox'
import { expect, screenshot, setColorScheme, THEMES, WINDOW_SIZES, type LaunchApp } from './fixtures'

export const SEEDED_USERS = 400

/**
 * The app on a data folder whose sandbox holds the 400 seeded users. Each spec file opens its own
 * (`testWithOwnApp(seededApp)`), so one file's deletions never meet another's counts.
 */
export const seededApp: LaunchApp = async ({ dataDir, saveDir }) => {
  const provisioned = await openConnection({ pool: { kind: 'sandbox' }, dataDir, listUsersRate: 30 })
  const userPoolId = provisioned.info.userPoolId
  await provisioned.close()
  seedSandboxUsers(join(dataDir, 'sandbox'), userPoolId, SEEDED_USERS)
  return launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir }), saveDir })
}

export { expect }

/** The user as the emulator has them now, read past the app's screen. */
export function stored(harness: Harness, username: string): Promise<UserDetail> {
  return getUser(harness.app.services().connection.gateway, username)
}

export async function openUsersScreen(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Users', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible()
}

/** Types into the Users screen's one find box and presses Find, as an operator with a ticket would. */
export async function find(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Email, username, phone number or sub' }).fill(query)
  await page.getByRole('button', { name: 'Find', exact: true }).click()
}

export const resultsTable = (page: Page): Locator => page.getByRole('table', { name: 'Users found' })
export const resultRow = (page: Page, username: string): Locator => resultsTable(page).getByRole('row').filter({ hasText: username })
export const detailPanel = (page: Page, username: string): Locator => page.getByRole('region', { name: username, exact: true })

/** Opens one user by the find box, which opens exactly one match by itself. */
export async function openUser(page: Page, username: string): Promise<void> {
  await find(page, username)
  await expect(detailPanel(page, username)).toBeVisible()
}

/** From a user's page back to the list they were opened from. */
export async function backToResults(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← Back to the results' }).click()
}

/** Fails unless the element's box lies wholly inside the window. */
export async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox()
  const size = page.viewportSize()
  expect(box, 'the element has a box').not.toBeNull()
  if (!box || !size) return
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(size.width)
  expect(box.y + box.height).toBeLessThanOrEqual(size.height)
}

/**
 * Screenshots named users-<state>-<width>x<height>-<theme>.png at both window sizes in both colour
 * modes, each checked first for a window that scrolls as a whole. Leaves the page at 1280×820, light.
 */
export async function shootStates(page: Page, state: string): Promise<void> {
  for (const theme of THEMES) {
    await setColorScheme(page, theme)
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size)
      // A smaller window leaves the panes' scroll where it was; the operator would be looking at the
      // element they just used, as they were when it took focus.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.scrollIntoView({ block: 'nearest' }))
      // The window itself never scrolls: everything long scrolls inside its own pane.
      expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0)
      await screenshot(page, `users-${state}-${size.width}x${size.height}-${theme}`)
    }
  }
  await setColorScheme(page, 'light')
}
