/**
 * An operator who never touches the mouse: every screen and form is reached and submitted with the
 * keyboard (Ctrl+1…4 between screens, Tab between fields, Enter to submit, Escape to back out of the
 * confirmation prompt). Real built renderer, real main-process handlers, real cognito-local.
 */
import type { Page } from '@playwright/test'
import { test as base } from '@playwright/test'
import { getUser } from '../../src/main/users/users'
import { launchHarness, type Harness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'
import { expect } from './fixtures'

const test = base.extend<{ harness: Harness }>({
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const temp = makeTempDir('tier-admin-e2e-keyboard-')
    const harness = await launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }) })
    await use(harness)
    await harness.close()
    temp.remove()
  }
})

/** What the operator sees of the focused element. */
interface Focused {
  tag: string
  id: string
  label: string
  text: string
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement
    const label = element.id ? (document.querySelector(`label[for="${element.id}"]`)?.textContent ?? '') : ''
    return { tag: element.tagName, id: element.id, label: label.trim(), text: (element.textContent ?? '').trim() }
  })

/** Presses Tab until the focused element is the one described, failing if it is not reached soon. */
async function tabTo(page: Page, describe: string, isTarget: (element: Focused) => boolean, maxPresses = 12): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab')
    if (isTarget(await focused(page))) return
  }
  throw new Error(`Tab did not reach ${describe} within ${maxPresses} presses`)
}

const labelled = (label: string) => (element: Focused) => element.label === label
const buttonNamed = (name: string) => (element: Focused) => element.tag === 'BUTTON' && element.text === name

test('registers, re-tiers and admin-confirms a user with the keyboard alone', async ({ harness }) => {
  const { page } = harness
  const gateway = () => harness.app.services().connection.gateway
  await expect(page.getByRole('heading', { name: 'Register a user' })).toBeVisible()

  await tabTo(page, 'the Username field', labelled('Username'))
  await page.keyboard.type('keys_only')
  await page.keyboard.press('Tab')
  await page.keyboard.type('keys@example.com')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Secure#Pass123')
  await tabTo(page, 'the Tier dropdown', (e) => e.id === 'register-tier')
  await page.keyboard.type('p')
  await expect(page.getByLabel('Tier', { exact: true })).toHaveValue('premium')
  await tabTo(page, 'the Register button', buttonNamed('Register user'))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Registered keys_only' })).toBeVisible()
  expect((await getUser(gateway(), 'keys_only')).tier).toEqual({ kind: 'tier', tier: 'premium' })

  await page.keyboard.press('Control+3')
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible()
  await tabTo(page, 'the find box', (e) => e.id === 'user-find', 3)
  await page.keyboard.type('keys')
  // The only match opens by itself, its name focused.
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'keys_only', exact: true })).toBeFocused()
  await tabTo(page, 'the tier editor', (e) => e.id === 'detail-tier')
  await page.keyboard.type('s')
  await tabTo(page, 'the Save tier button', buttonNamed('Save tier'), 2)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toContainText("Saved: keys_only's tier is now standard")
  expect((await getUser(gateway(), 'keys_only')).tier).toEqual({ kind: 'tier', tier: 'standard' })

  await page.keyboard.press('Control+2')
  await tabTo(page, 'the Username field', labelled('Username'), 3)
  await page.keyboard.type('keys_only')
  await tabTo(page, 'Confirm without a code', buttonNamed('Confirm without a code'))
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Confirm without a code' })).toBeFocused()
  expect((await getUser(gateway(), 'keys_only')).status).toBe('UNCONFIRMED')

  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('main').getByRole('status')).toContainText('confirmed')
  expect((await getUser(gateway(), 'keys_only')).status).toBe('CONFIRMED')
})
