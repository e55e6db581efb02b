/**
 * Tiers over time on the sandbox: a scan, tier changes (one on a user's page, others through main's own
 * handlers), a second scan, then the trend of the two kept scans and the changes per day with who made
 * them, the figures' CSV carrying both series, and screenshots at both sizes in both modes.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, screenshotAtSizes, testWithOwnApp, WINDOW_SIZES } from './fixtures'

const test = testWithOwnApp()
const today = new Date().toISOString().slice(0, 10)

async function scan(page: Page, users: number): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }).click()
  await page.getByRole('button', { name: 'Scan pool' }).click()
  await expect(page.getByRole('heading', { name: new RegExp(`^${users} users — scan of`) })).toBeVisible({ timeout: 60_000 })
}

test('two scans and the tier changes between them show as a trend and as changes per day', async ({ harness, folders }) => {
  const { page, handlers } = harness
  // The app's first looks at the pool answered (among them the one for cut registrations, which a
  // registration in flight would take for one), before any write.
  await page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }).click()
  await expect(page.getByText(/No scan of this pool has finished yet/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Tiers over time' }).getByText('Each finished scan adds its counts here.')).toBeVisible()
  for (const username of ['ada_trend', 'bo_trend', 'cy_trend', 'di_trend']) {
    await handlers.register({ username, email: `${username}@example.com`, password: 'Secure#Pass123', tier: 'standard' })
  }
  await scan(page, 4)
  const section = page.getByRole('region', { name: 'Tiers over time' })
  await expect(section.getByText('Users per tier, 1 kept scan')).toBeVisible()

  // One change where an operator makes it, on the user's page; the rest through main's handlers.
  await page.getByRole('navigation').getByRole('button', { name: 'Users', exact: true }).click()
  await page.getByRole('searchbox').fill('ada_trend')
  await page.getByRole('button', { name: 'Find', exact: true }).click()
  await page.getByLabel('Tier', { exact: true }).selectOption('premium')
  await page.getByRole('button', { name: 'Save tier' }).click()
  await expect(page.getByRole('main')).toContainText("Saved: ada_trend's tier is now premium")
  await handlers.setTier({ username: 'bo_trend', tier: 'premium' })
  await handlers.setTier({ username: 'cy_trend', tier: 'premium' })
  await handlers.setTier({ username: 'cy_trend', tier: 'standard' })

  await scan(page, 4)
  await expect(section.getByText('Users per tier, 2 kept scans')).toBeVisible()
  await expect(section.getByRole('img', { name: 'Users per tier over the kept scans chart' })).toBeVisible()
  await expect(section.getByRole('img', { name: 'Tier changes per day chart' })).toBeVisible()
  const byWho = section.getByRole('table', { name: 'Tier changes by person' })
  await expect(byWho.getByRole('row').filter({ hasText: /^sandbox/ })).toHaveText(/sandbox.*\s*3\s*1\s*0$/)
  await expect(page.getByRole('alert', { name: 'Unfinished registrations' })).toHaveCount(0)
  // The section's top at the window's top: at 1024×640 the trend chart fills the view, at 1280×820 both charts and the table.
  await section.evaluate((element) => element.scrollIntoView({ block: 'start' }))
  await screenshotAtSizes(page, 'statistics-trend')
  // In the small window the charts stack: the changes per day and the table below, scrolled to.
  await page.setViewportSize(WINDOW_SIZES[0])
  await section.getByRole('table', { name: 'Tier changes by person' }).evaluate((element) => element.scrollIntoView({ block: 'end' }))
  await screenshotAtSizes(page, 'statistics-trend-changes', { sizes: [WINDOW_SIZES[0]] })

  // Another range asks again; the figures' CSV carries the kept scans and the changes over it.
  await section.getByLabel('Range of the tier changes').selectOption('90')
  await expect(section.getByText(/^Tier changes per day, \d{4}-\d{2}-\d{2} to /)).toBeVisible()
  await page.getByRole('button', { name: 'Export' }).click()
  await page.getByRole('group', { name: 'Exports' }).getByRole('button', { name: 'Figures of the last scan (CSV)' }).click()
  const saved = page.getByRole('status').filter({ hasText: 'Saved' })
  await expect(saved).toContainText(folders.saveDir)
  const rows = readFileSync((await saved.getAttribute('title'))!, 'utf8')
    .trimEnd()
    .split('\r\n')
  expect(rows.filter((row) => row.startsWith('scan_premium,')).map((row) => row.split(',')[2])).toEqual(['0', '2'])
  expect(rows).toContain(`tier_upgrades,${today},3`)
  expect(rows).toContain(`tier_downgrades,${today},1`)
  expect(rows.filter((row) => row.startsWith('tier_upgrades,'))).toHaveLength(90)
})
