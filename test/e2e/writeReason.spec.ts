/**
 * A ticket or reason as an operator gives it: typed once in the window's header, it goes with each
 * write (a registration, a tier change) and stays for the next; the tier change says when it takes
 * effect and offers "Sign out everywhere"; the Audit screen shows the reason, finds writes by it, and
 * opens a row whole, from which the user opens on the Users screen.
 */
import type { Page } from '@playwright/test'
import { expect, screenshotAtSizes, testWithOwnApp } from './fixtures'
import { find } from './users.fixtures'

const test = testWithOwnApp()
test.describe.configure({ mode: 'serial' })

const REASON = 'TICKET-812 upgrade after payment'
const reasonField = (page: Page) => page.getByRole('banner').getByRole('textbox', { name: /Ticket or reason/ })
const auditRows = (page: Page) => page.getByRole('table', { name: 'Audit trail' }).locator('tbody tr:not(.audit-spacer)')

async function register(page: Page, username: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Register', exact: true }).click()
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`)
  await page.getByLabel('Password', { exact: true }).fill('Secure#Pass123')
  await page.getByLabel('Tier', { exact: true }).selectOption('standard')
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByRole('main')).toContainText(/registered/i)
}

test('the reason typed in the header goes with every write, and the tier change says when it takes effect', async ({ harness }) => {
  const { page } = harness
  await reasonField(page).fill(REASON)
  await expect(page.getByRole('banner')).toContainText('Kept for every write until you clear it.')
  await screenshotAtSizes(page, 'reason-field')

  await register(page, 'rae_reason')
  await page.getByRole('navigation').getByRole('button', { name: 'Users', exact: true }).click()
  await find(page, 'rae_reason')
  const panel = page.getByRole('region', { name: 'rae_reason', exact: true })
  await expect(panel).toBeVisible()
  await panel.getByLabel('Tier', { exact: true }).selectOption('premium')
  await panel.getByRole('button', { name: 'Save tier' }).click()
  const note = panel.getByRole('note', { name: 'When the change takes effect' })
  await expect(note).toContainText("The customer's apps see the new tier at their next token refresh, within 1 hour")
  await expect(note).toContainText('tokens already issued stay valid until they expire')
  await expect(note.getByRole('button', { name: 'Sign out everywhere' })).toBeVisible()
  await note.scrollIntoViewIfNeeded()
  await screenshotAtSizes(page, 'tier-takes-effect')
  await note.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(panel.getByText(/rae_reason is signed out on every device/).first()).toBeVisible()
  // Still there for the next write of the same ticket.
  await expect(reasonField(page)).toHaveValue(REASON)
})

test('the Audit screen shows the reason, finds writes by it, and opens a row whole', async ({ harness }) => {
  const { page } = harness
  await reasonField(page).fill('')
  await page.keyboard.press('Control+5')
  await expect(page.getByRole('heading', { name: 'Audit', exact: true })).toBeVisible()
  const table = page.getByRole('table', { name: 'Audit trail' })
  await expect(table.getByRole('columnheader', { name: 'Ticket or reason' })).toBeVisible()
  // One pool, one OS user, one identity: said once, not in a column each.
  await expect(table.getByRole('columnheader', { name: 'Pool' })).toHaveCount(0)
  await expect(page.getByText(/^Every row shown: OS user .* · AWS identity sandbox · Pool /)).toBeVisible()
  await expect(auditRows(page).filter({ hasText: 'Tier standard → premium' })).toContainText(REASON)

  await page.getByRole('form', { name: 'Filter the audit trail' }).getByLabel('Ticket or reason').fill('ticket-812')
  await page.getByLabel('Action').selectOption('attributes')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByText('1 writes match · 1 shown')).toBeVisible()
  await auditRows(page).first().click()
  const detail = page.getByRole('dialog', { name: 'Tier standard → premium' })
  for (const text of ['tier: standard', 'tier: premium', REASON, 'AdminUpdateUserAttributes', 'sandbox']) await expect(detail).toContainText(text)
  await expect(detail).toContainText('done — Cognito applied it.')
  await screenshotAtSizes(page, 'audit-detail')

  await detail.getByRole('button', { name: 'rae_reason' }).click()
  await expect(page.getByRole('region', { name: 'rae_reason', exact: true })).toBeVisible()
})
