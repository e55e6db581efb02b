/**
 * Premium until a date, from the window, on the sandbox with the real main handlers (the sandbox keeps
 * its own schedule store): the tier editor's "Until … then …", the pending return on the user's page
 * with Extend and Cancel return, the return beside the user in nothing but the app's words, and the
 * Statistics screen's list of pending returns, shot at both window sizes in both colour modes.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { screenshotAtSizes, setColorScheme, testWithOwnApp, THEMES, WINDOW_SIZES } from './fixtures'
import { detailPanel, expect, openUser, openUsersScreen, seededApp } from './users.fixtures'

const test = testWithOwnApp(seededApp)

test.describe.configure({ mode: 'serial' })

const USER = 'seed_00002'

/** Shots at each window size with `bottom` scrolled into view in the user's pane (the page scrolls there, never the window). */
async function shootWithInView(page: Page, bottom: Locator, name: string): Promise<void> {
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await bottom.scrollIntoViewIfNeeded()
    expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0)
    await screenshotAtSizes(page, name, { sizes: [size] })
  }
  await noBlockingAxeFinding(page)
}

/** As the accessibility spec holds every screen: no serious or critical axe finding, in either colour mode. */
async function noBlockingAxeFinding(page: Page): Promise<void> {
  for (const theme of THEMES) {
    await setColorScheme(page, theme)
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    const blocking = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    expect(blocking.map((violation) => `${theme}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
  }
  await setColorScheme(page, 'light')
}

test('grants premium until a date, then extends and cancels the return from the user page', async ({ harness }) => {
  const { page } = harness
  await page.setViewportSize({ width: 1280, height: 820 })
  await openUsersScreen(page)
  await openUser(page, USER)
  const panel = detailPanel(page, USER)
  await panel.getByLabel('Tier', { exact: true }).selectOption('premium')
  await panel.getByLabel(/Until/).fill('2027-01-15T09:00')
  await expect(panel.getByText(/does not cancel a pending return/)).toBeVisible()
  const give = panel.getByRole('button', { name: 'Give premium until 15 Jan 2027, 09:00, then standard' })
  await expect(give).toBeVisible()
  await shootWithInView(page, panel.getByText(/does not cancel a pending return/), 'returns-until')

  await give.click()
  await expect(panel.getByRole('status').filter({ hasText: /Scheduled: premium until 15 Jan 2027, 09:00 UTC, then standard\./ })).toBeVisible()
  const line = panel.getByRole('group', { name: 'Pending return' })
  await expect(line).toContainText('premium until 15 Jan 2027, 09:00 UTC, then standard')
  await shootWithInView(page, panel.getByRole('status').filter({ hasText: /Scheduled:/ }), 'returns-pending')

  await line.getByRole('button', { name: 'Extend…' }).click()
  const extend = page.getByRole('dialog')
  await extend.getByLabel(/Until/).fill('2027-02-01T10:30')
  await screenshotAtSizes(page, 'returns-extend-dialog')
  await noBlockingAxeFinding(page)
  await extend.getByRole('button', { name: 'Move to 1 Feb 2027, 10:30' }).click()
  await expect(line).toContainText('premium until 1 Feb 2027, 10:30 UTC, then standard')

  await line.getByRole('button', { name: 'Cancel return…' }).click()
  const cancel = page.getByRole('dialog')
  await expect(cancel).toContainText(`${USER} keeps premium, with no end date`)
  await cancel.getByRole('button', { name: 'Cancel the return' }).click()
  await expect(line).toBeHidden()
})

test('lists every pending return on Statistics, and opens the user from it', async ({ harness }) => {
  const { page } = harness
  await openUsersScreen(page)
  await openUser(page, 'seed_00003')
  const panel = detailPanel(page, 'seed_00003')
  await panel.getByLabel('Tier', { exact: true }).selectOption('premium')
  await panel.getByLabel(/Until/).fill('2027-03-01T12:00')
  await panel.getByRole('button', { name: /^Give premium until/ }).click()
  await expect(panel.getByRole('group', { name: 'Pending return' })).toBeVisible()

  await page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }).click()
  const table = page.getByRole('table', { name: 'Pending tier returns' })
  await expect(table.getByRole('row').filter({ hasText: 'seed_00003' })).toContainText('premium → standard1 Mar 2027, 12:00 UTC')
  await page.getByRole('heading', { name: 'Pending returns' }).scrollIntoViewIfNeeded()
  await screenshotAtSizes(page, 'returns-statistics-list')
  await noBlockingAxeFinding(page)

  await table.getByRole('button', { name: 'seed_00003' }).click()
  await expect(detailPanel(page, 'seed_00003')).toBeVisible()
})
