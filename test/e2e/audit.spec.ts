/**
 * The Audit screen as an operator uses it: writes made through the app (a registration, a tier change,
 * a refused account action) appear with who, the sandbox identity and the outcome; the filters narrow
 * them; the export goes to the file the save dialog (here its stand-in) names.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { writeLargeTrail } from '../support/largeAuditTrail'
import { expect, screenshotAtSizes, testWithOwnApp } from './fixtures'

const test = testWithOwnApp()
test.describe.configure({ mode: 'serial' })

async function register(page: Page, username: string, tier: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Register', exact: true }).click()
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`)
  await page.getByLabel('Password', { exact: true }).fill('Secure#Pass123')
  await page.getByLabel('Tier', { exact: true }).selectOption(tier)
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByRole('main')).toContainText(/registered/i)
}

const auditRows = (page: Page) => page.getByRole('table', { name: 'Audit trail' }).locator('tbody tr:not(.audit-spacer)')

test('writes made through the app show on the Audit screen, filtered and exported', async ({ harness, folders }) => {
  const { page } = harness
  await register(page, 'ada_audit', 'premium')
  await register(page, 'bo_audit', 'standard')
  await page.getByRole('navigation').getByRole('button', { name: 'Users', exact: true }).click()
  // One match opens by itself.
  await page.getByRole('searchbox').fill('ada_audit')
  await page.getByRole('button', { name: 'Find', exact: true }).click()
  await page.getByLabel('Tier', { exact: true }).selectOption('standard')
  await page.getByRole('button', { name: 'Save tier' }).click()
  await expect(page.getByRole('main')).toContainText("Saved: ada_audit's tier is now standard")
  // A write Cognito refuses, through main's own handler: the pool has no such user.
  expect(await harness.handlers.disableUser({ username: 'ghost_user' }).catch((error: Error) => error.name)).toBe('UserNotFoundException')

  await page.keyboard.press('Control+5')
  await expect(page.getByRole('heading', { name: 'Audit', exact: true })).toBeVisible()
  await expect(page.getByText('4 writes match · 4 shown')).toBeVisible()
  await expect(auditRows(page).first()).toContainText('ghost_user')
  await expect(auditRows(page).first()).toContainText('failed')
  const tierRow = auditRows(page).filter({ hasText: 'Tier premium → standard' })
  await expect(tierRow).toContainText('sandbox')
  await expect(tierRow).toContainText('tier: premium → tier: standard')
  await screenshotAtSizes(page, 'audit-all')

  await page.getByLabel('User').fill('ADA')
  await page.getByLabel('Outcome').selectOption('ok')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByText('2 writes match · 2 shown')).toBeVisible()
  await expect(auditRows(page)).toHaveCount(2)
  await expect(auditRows(page).nth(1)).toContainText('Registered with tier premium')

  await page.getByRole('button', { name: 'Export CSV' }).click()
  const saved = page.getByRole('status').filter({ hasText: 'Saved 2 rows to' })
  await expect(saved).toContainText(folders.saveDir)
  const path = (await saved.getAttribute('title'))!
  const csv = readFileSync(path, 'utf8').trimEnd().split('\r\n')
  expect(csv[0]).toBe('time,os_user,aws_identity,user_pool,username,operation,action,before,after,outcome,error,reason')
  expect(csv.slice(1).map((line) => line.split(',')[4])).toEqual(['ada_audit', 'ada_audit'])
  await screenshotAtSizes(page, 'audit-filtered')

  await page.getByLabel('User').fill('nobody_at_all')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByText('No write matches.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
  await screenshotAtSizes(page, 'audit-empty')
})

test('a 100,000-line trail is read while the window keeps answering, and pages on with Load more', async ({ harness }) => {
  const { page } = harness
  const { connection } = harness.app.services()
  const { writes } = writeLargeTrail(connection.audit.location, 100_000, connection.info.userPoolId)
  const total = (writes + 4).toLocaleString('en-US')
  const started = Date.now()
  await page.getByRole('button', { name: 'Clear' }).click()
  // Main reads the trail; meanwhile the page takes typing as usual.
  await page.getByLabel('User').fill('user_4')
  await expect(page.getByLabel('User')).toHaveValue('user_4')
  await expect(page.getByText(`${total} writes match · 200 shown`)).toBeVisible({ timeout: 60_000 })
  console.log(`Audit screen: first page of a 100,000-line trail shown after ${Date.now() - started} ms`)

  const moreStarted = Date.now()
  await page.getByRole('button', { name: 'Load more' }).click()
  await expect(page.getByText(`${total} writes match · 400 shown`)).toBeVisible()
  console.log(`Audit screen: the next page after ${Date.now() - moreStarted} ms`)
  const scroller = page.getByRole('region', { name: 'Audit trail rows' })
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight))
  await expect(auditRows(page).last()).toContainText('user_')
  // Only the rows in view are drawn, however many are loaded.
  expect(await auditRows(page).count()).toBeLessThan(60)
  await screenshotAtSizes(page, 'audit-large')
})
