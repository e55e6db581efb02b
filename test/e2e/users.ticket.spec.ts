/**
 * Ticket journeys on the user's page, one per sign-in verdict, each fixed from the page and seen in the
 * emulator afterwards: disabled → enabled; unconfirmed → confirmed with the code from the sandbox's
 * outbox; an expired temporary password → a new one; a reset with no verified address → the email
 * marked verified; MFA required with no method that reaches them → MFA reset; a federated user →
 * unlinked. Then the attribute edits, with and without "mark as verified", and each bad input said
 * beside its field with nothing written. Screenshots of every state at both sizes, light and dark.
 */
import type { Page } from '@playwright/test'
import { screenshotAtSizes, testWithOwnApp } from './fixtures'
import { detailPanel, expect, expectInViewport, openUsersScreen, stored } from './users.fixtures'
import { openTicket, ticketApp, verdict } from './users.ticket.fixtures'

const test = testWithOwnApp(ticketApp)
test.describe.configure({ mode: 'serial' })

const SMALL = { width: 1024, height: 640 }
const headerNote = (page: Page) => page.getByTestId('user-page').locator('header').getByRole('status')
const tab = (page: Page, name: string) => page.getByTestId('user-page').getByRole('tab', { name })
const fix = (page: Page, name: string) => verdict(page).getByRole('button', { name })

async function confirmDialog(page: Page, says: RegExp, confirm: string): Promise<void> {
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(says)
  await dialog.getByRole('button', { name: confirm, exact: true }).click()
  await expect(dialog).toBeHidden()
}

test('a disabled account: the verdict says so above the fold, and Enable beside it fixes it', async ({ harness }) => {
  const { page } = harness
  await openUsersScreen(page)
  await page.setViewportSize(SMALL)
  await openTicket(page, 'tk_disabled')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'disabled')
  await expect(verdict(page)).toContainText('Cannot sign in: the account is disabled')
  // The whole header, the verdict and its fix included, is in view at 1024×640 without scrolling.
  await expectInViewport(page, page.getByRole('heading', { name: 'tk_disabled' }))
  await expectInViewport(page, fix(page, 'Enable'))
  await screenshotAtSizes(page, 'user-verdict-disabled')
  await fix(page, 'Enable').click()
  await expect(headerNote(page)).toContainText('enabled')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'ok')
  expect((await stored(harness, 'tk_disabled')).enabled).toBe(true)
})

test('an unconfirmed sign-up: a new code is sent and they are confirmed with it from the page', async ({ harness }) => {
  const { page } = harness
  await openTicket(page, 'tk_unconfirmed')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'unconfirmed')
  await screenshotAtSizes(page, 'user-verdict-unconfirmed')
  await fix(page, 'Resend code').click()
  await expect(headerNote(page)).toContainText('new confirmation code was sent')
  await fix(page, 'Confirm with code…').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Use this code' }).click()
  await screenshotAtSizes(page, 'user-confirm-code-dialog')
  await dialog.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(headerNote(page)).toContainText('confirmed with their code')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'ok')
  expect((await stored(harness, 'tk_unconfirmed')).status).toBe('CONFIRMED')
})

test('an expired temporary password: a new one set from the page, below-policy refused first', async ({ harness }) => {
  const { page } = harness
  await openTicket(page, 'tk_expired')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'temporary-password-expired')
  await expect(verdict(page)).toContainText('the temporary password expired on')
  await screenshotAtSizes(page, 'user-verdict-expired-temporary-password')
  await fix(page, 'Set a temporary password').click()
  await expect(tab(page, 'Security')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByLabel('Temporary (must change at next sign-in)')).toBeChecked()

  await page.getByLabel('New password', { exact: true }).fill('weakpass')
  await page.getByLabel('Type it again').fill('weakpass')
  await page.getByRole('button', { name: 'Set temporary password' }).click()
  await expect(page.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(/Below this pool’s rules/)
  await expect(page.getByRole('dialog')).toBeHidden()
  await screenshotAtSizes(page, 'user-security-password-below-policy')

  await page.getByLabel('New password', { exact: true }).fill('Fresh#Temp2026')
  await page.getByLabel('Type it again').fill('Fresh#Temp2026')
  await page.getByRole('button', { name: 'Set temporary password' }).click()
  await confirmDialog(page, /must choose their own/, 'Set password')
  await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('tk_expired')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'temporary-password')
  await expect(verdict(page)).toContainText('until')
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue('')
  await screenshotAtSizes(page, 'user-security-tab')
  expect((await stored(harness, 'tk_expired')).status).toBe('FORCE_CHANGE_PASSWORD')
})

test('a reset with no verified address: the email marked verified, the verdict moves on', async ({ harness }) => {
  const { page } = harness
  await openTicket(page, 'tk_reset')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'reset-required-no-contact')
  await screenshotAtSizes(page, 'user-verdict-reset-no-contact')
  await fix(page, 'Mark email verified…').click()
  await confirmDialog(page, /checked another way/, 'Mark verified')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'reset-required')
  expect((await stored(harness, 'tk_reset')).emailVerified).toBe(true)
})

test('MFA required with no method that reaches them: MFA reset, saying what they are asked next', async ({ harness }) => {
  const { page } = harness
  await openTicket(page, 'tk_mfa')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'mfa-required-no-method')
  await screenshotAtSizes(page, 'user-verdict-mfa-no-method')
  await fix(page, 'Reset MFA…').click()
  await confirmDialog(page, /This pool requires MFA, so at their next sign-in Cognito asks them to set up/, 'Reset MFA')
  await expect(headerNote(page)).toContainText('MFA is reset')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'ok')
  expect((await stored(harness, 'tk_mfa')).mfa?.enabled).toEqual([])
})

test('a federated user: their provider shown, and unlinked after saying what they lose', async ({ harness }) => {
  const { page } = harness
  await openTicket(page, 'Google_1098')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'external-provider')
  await expect(verdict(page)).toContainText('Signs in through Google')
  await screenshotAtSizes(page, 'user-verdict-federated')
  await tab(page, 'Linked identities').click()
  await screenshotAtSizes(page, 'user-identities-tab')
  await page.getByRole('button', { name: 'Unlink Google' }).click()
  await confirmDialog(page, /only way Google_1098 signs in/, 'Unlink')
  await expect(page.getByRole('status').filter({ hasText: 'Google_1098' })).toContainText('can no longer sign in')
  await expect(stored(harness, 'Google_1098')).rejects.toThrow()
})

test('an email changed without and then with "mark as verified", each seen in the emulator', async ({ harness }) => {
  const { page } = harness
  await openUsersScreen(page)
  await openTicket(page, 'tk_plain')
  await expect(verdict(page)).toHaveAttribute('data-reason', 'ok')
  await screenshotAtSizes(page, 'user-verdict-ok')
  await tab(page, 'Attributes').click()
  for (const [address, markVerified] of [
    ['tk_plain.new@example.com', false],
    ['tk_plain@example.com', true]
  ] as const) {
    await page.getByRole('button', { name: 'Edit email', exact: true }).click()
    await page.getByLabel('New value of email').fill(address)
    await page.getByLabel('New value of email').press('Enter')
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByTestId('attribute-change')).toContainText(`→ ${address}`)
    if (markVerified) await dialog.getByLabel(/Mark as verified/).check()
    await screenshotAtSizes(page, `user-attribute-email-change${markVerified ? '-verified' : ''}`)
    await dialog.getByRole('button', { name: 'Change', exact: true }).click()
    await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('tk_plain')
    const user = await stored(harness, 'tk_plain')
    expect(user).toMatchObject({ email: address, emailVerified: markVerified })
  }
  await screenshotAtSizes(page, 'user-attributes-tab')
})

test('each bad input is said beside its field and nothing is written', async ({ harness }) => {
  const { page } = harness
  await openUsersScreen(page)
  await openTicket(page, 'tk_plain')
  const before = await stored(harness, 'tk_plain')
  await tab(page, 'Attributes').click()
  // A phone number without +.
  await page.getByLabel('Attribute to add').selectOption('phone_number')
  await page.getByRole('button', { name: 'Add attribute' }).click()
  await page.getByLabel('New value of phone_number').fill('07700900123')
  await page.getByLabel('New value of phone_number').press('Enter')
  await expect(page.getByLabel('New value of phone_number')).toHaveAccessibleDescription(/\+, country code/)
  await expect(page.getByRole('dialog')).toBeHidden()
  await screenshotAtSizes(page, 'user-attribute-bad-phone')
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()

  // An email another user holds.
  await page.getByRole('button', { name: 'Edit email', exact: true }).click()
  await page.getByLabel('New value of email').fill('tk_other@example.com')
  await page.getByLabel('New value of email').press('Enter')
  await page.getByRole('dialog').getByRole('button', { name: 'Change', exact: true }).click()
  await expect(page.getByLabel('New value of email')).toHaveAccessibleDescription(/Another user already signs in with this email/)
  await screenshotAtSizes(page, 'user-attribute-email-taken')
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()

  // An attribute the pool never lets change: said in its row, with nothing to edit it by.
  await expect(page.getByTestId('user-page')).toContainText('it never changes')
  await expect(page.getByRole('button', { name: 'Edit sub' })).toHaveCount(0)

  const after = await stored(harness, 'tk_plain')
  expect(after.attributes).toEqual(before.attributes)
})

test('the other tabs, and a second user opening at their header', async ({ harness }) => {
  const { page } = harness
  await openUsersScreen(page)
  await openTicket(page, 'tk_plain')
  await tab(page, 'Sign-in events').click()
  await expect(page.getByRole('note')).toContainText('threat protection')
  await screenshotAtSizes(page, 'user-events-tab')
  for (const name of ['Tier', 'Groups', 'History']) {
    await tab(page, name).click()
    await screenshotAtSizes(page, `user-${name.toLowerCase()}-tab`)
  }
  await tab(page, 'Security').click()
  await page.setViewportSize(SMALL)
  await page.getByTestId('users-detail-scroll').evaluate((pane) => pane.scrollTo({ top: pane.scrollHeight }))
  await page.getByTestId('user-page').getByRole('button', { name: 'More' }).click()
  await screenshotAtSizes(page, 'user-more-menu')
  await page.keyboard.press('Escape')
  await openTicket(page, 'tk_other')
  await expect(tab(page, 'Tier')).toHaveAttribute('aria-selected', 'true')
  expect(await page.getByTestId('users-detail-scroll').evaluate((pane) => pane.scrollTop)).toBe(0)
  await expectInViewport(page, detailPanel(page, 'tk_other').getByRole('heading', { name: 'tk_other' }))
  await expectInViewport(page, verdict(page))
})
