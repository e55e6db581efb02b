/**
 * The Register and Confirm screens as a desktop app should behave: forms that keep what was typed
 * across screens, focus that lands on the result of each action (never the page body), bad input
 * refused with its message on the field, the outbox offering only codes that still work, the menu's
 * screen items, the OS colour mode. Screenshots of every state at both window sizes in both modes.
 */
import type { Page } from '@playwright/test'
import { getUser } from '../../src/main/users/users'
import { correctionRequest } from '../../src/shared/wording'
import { expect, screenshotAtSizes, setColorScheme, testWithOwnApp, WINDOW_SIZES } from './fixtures'
import { expectNoRawSchemaText, focused, go } from './desktopHelpers'

const test = testWithOwnApp()

test.describe.configure({ mode: 'serial' })

const strong = 'Secure#Pass123'
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })

async function fillRegistration(page: Page, user: { username: string; email: string; password: string }): Promise<void> {
  await field(page, 'Username').fill(user.username)
  await field(page, 'Email').fill(user.email)
  await field(page, 'Password').fill(user.password)
}

test('follows the operating system into dark mode and back, and starts dark on a dark desktop', async ({ harness }) => {
  const { page } = harness
  await expect(page.locator('html')).toHaveAttribute('data-bs-theme', 'light')
  await setColorScheme(page, 'dark')
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const [r, g, b] = background.match(/\d+/g)!.map(Number)
  expect(r + g + b, background).toBeLessThan(3 * 80)
  await setColorScheme(page, 'light')

  // A start on a dark desktop: the window loaded afresh while the system is dark (the same page, which
  // saves opening a second app: the load is the start the renderer sees).
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-bs-theme', 'dark')
  await setColorScheme(page, 'light')
})

test('switches screen when the application menu asks, and ignores a screen it does not know', async ({ harness }) => {
  const { page } = harness
  await harness.emit('navigate', 'statistics')
  await expect(page.getByRole('heading', { name: 'Tier statistics' })).toBeVisible()
  await harness.emit('navigate', 'nowhere' as never)
  await expect(page.getByRole('heading', { name: 'Tier statistics' })).toBeVisible()
  await screenshotAtSizes(page, 'statistics-empty')
  await harness.emit('navigate', 'register')
  await expect(page.getByRole('heading', { name: 'Register a user' })).toBeVisible()
  await screenshotAtSizes(page, 'register-empty')
})

test('keeps a half-filled Register form across screen switches', async ({ harness }) => {
  const { page } = harness
  await fillRegistration(page, { username: 'desk_jane', email: 'desk.jane@example.com', password: strong })
  await field(page, 'Tier').selectOption('premium')
  await page.getByRole('button', { name: 'Add attribute' }).click()
  await field(page, 'Attribute name 1').fill('company')
  await field(page, 'Attribute value 1').fill('TechCorp')
  await go(page, 'Users')
  await go(page, 'Confirm')
  await page.keyboard.press('Control+1')
  await expect(field(page, 'Username')).toHaveValue('desk_jane')
  await expect(field(page, 'Email')).toHaveValue('desk.jane@example.com')
  await expect(field(page, 'Password')).toHaveValue(strong)
  await expect(field(page, 'Tier')).toHaveValue('premium')
  await expect(field(page, 'Attribute name 1')).toHaveValue('company')
  await expect(field(page, 'Attribute value 1')).toHaveValue('TechCorp')
  await screenshotAtSizes(page, 'register-filled')
})

test('refuses a value without a name, a password with spaces around it, and a 10,000-character email, writing nothing', async ({ harness }) => {
  const { page } = harness
  await page.getByRole('button', { name: 'Add attribute' }).click()
  await field(page, 'Attribute value 2').fill('Engineering')
  await field(page, 'Password').fill(` ${strong} `)
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByText('Type the attribute name for this value, or remove the row')).toBeVisible()
  await expect(page.getByText('A password cannot begin or end with a space')).toBeVisible()
  await expect(page.getByRole('main').getByRole('alert')).toContainText(`Not registered yet. ${correctionRequest(['Password', 'extra attribute 2'], 'app')}`)
  // Focus goes to the first field to fix, not to the page body.
  expect(await focused(page)).toMatchObject({ tag: 'INPUT', label: 'Password' })
  await screenshotAtSizes(page, 'register-invalid')

  await field(page, 'Username').fill('desk\u200bjane')
  await expect(page.getByText('A username cannot contain invisible or control characters')).toBeVisible()
  await field(page, 'Username').fill('desk_jane')
  await field(page, 'Email').fill(`${'x'.repeat(10_000)}@example.com`)
  await expect(page.getByText('An email address has at most 254 characters')).toBeVisible()
  const main = await page.getByRole('main').boundingBox()
  const message = await page.getByText('An email address has at most 254 characters').boundingBox()
  expect(message!.height).toBeLessThan(60)
  expect(main!.height).toBeLessThanOrEqual(WINDOW_SIZES[1].height)
  await expectNoRawSchemaText(page)
  await screenshotAtSizes(page, 'register-long-value')
  await expect(getUser(harness.app.services().connection.gateway, 'desk_jane')).rejects.toThrow()
})

test('registers with the tier it says it set, clears the form, and puts focus on the result', async ({ harness }) => {
  const { page } = harness
  await field(page, 'Email').fill('desk.jane@example.com')
  await field(page, 'Password').fill(strong)
  await page.getByRole('button', { name: 'Remove attribute 2' }).click()
  // The removed row's button is gone: focus goes to the row that is left, not to the page body.
  expect(await focused(page)).toMatchObject({ tag: 'INPUT', label: 'Attribute name 1' })
  // A standard attribute typed bare is sent as itself, not as custom:given_name.
  await page.getByRole('button', { name: 'Add attribute' }).click()
  expect(await focused(page)).toMatchObject({ tag: 'INPUT', label: 'Attribute name 2' })
  await page.keyboard.type('given_name')
  await field(page, 'Attribute value 2').fill('Jane')
  await expect(page.getByText('custom:given_name')).toHaveCount(0)
  await page.getByRole('button', { name: 'Register user' }).click()
  const card = page.getByRole('region', { name: 'Registered desk_jane' })
  await expect(card).toContainText(/Tier\s*premium/)
  expect(await focused(page)).toMatchObject({ tag: 'H2', text: 'Registered desk_jane' })
  await expect(field(page, 'Username')).toHaveValue('')
  await expect(page.getByRole('contentinfo', { name: 'Notices' })).not.toContainText('desk_jane')
  await screenshotAtSizes(page, 'register-success')
  const stored = await getUser(harness.app.services().connection.gateway, 'desk_jane')
  expect(stored.tier).toEqual({ kind: 'tier', tier: 'premium' })
  expect(stored.attributes).toContainEqual({ name: 'given_name', value: 'Jane' })
  expect(stored.attributes).toContainEqual({ name: 'custom:company', value: 'TechCorp' })

  await fillRegistration(page, { username: 'desk_jane', email: 'other@example.com', password: strong })
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText('already taken')
  expect(await focused(page)).toMatchObject({ tag: 'DIV', role: 'alert' })
  await screenshotAtSizes(page, 'register-refused')
  await page.getByRole('button', { name: 'Clear form' }).click()
  expect(await focused(page)).toMatchObject({ label: 'Username' })
})

test('confirms from the outbox: only current codes offer "Use", the result shows once and takes focus', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Confirm')
  const outbox = page.getByRole('region', { name: 'Sandbox outbox' })
  await expect(outbox.getByRole('row').filter({ hasText: 'desk_jane' })).toHaveCount(1)
  await screenshotAtSizes(page, 'confirm-outbox')

  await field(page, 'Username').fill('desk_jane')
  await field(page, 'Confirmation code').fill('000000')
  await page.getByRole('main').getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText('code is wrong')
  expect(await focused(page)).toMatchObject({ role: 'alert' })
  await screenshotAtSizes(page, 'confirm-wrong-code')

  await page.getByRole('button', { name: 'Resend code' }).click()
  const rows = outbox.getByRole('row').filter({ hasText: 'desk_jane' })
  await expect(rows).toHaveCount(2)
  expect(await focused(page)).toMatchObject({ role: 'status' })
  // The first code was replaced by the resent one: it can no longer confirm, so it offers no "Use".
  await expect(rows.nth(1)).toContainText('replaced')
  await expect(rows.nth(1).getByRole('button', { name: 'Use this code' })).toHaveCount(0)
  await screenshotAtSizes(page, 'confirm-resent')

  // The form keeps the username across a screen switch.
  await go(page, 'Register')
  await go(page, 'Confirm')
  await expect(field(page, 'Username')).toHaveValue('desk_jane')

  await rows.first().getByRole('button', { name: 'Use this code' }).click()
  await expect(page.getByRole('main').getByRole('button', { name: 'Confirm', exact: true })).toBeFocused()
  await screenshotAtSizes(page, 'confirm-filled')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main').getByRole('status')).toContainText('desk_jane is confirmed')
  expect(await focused(page)).toMatchObject({ role: 'status' })
  // Said once, beside the form: the notices strip does not repeat it.
  await expect(page.getByRole('contentinfo', { name: 'Notices' })).not.toContainText('confirmed')
  await expect(rows.first()).toContainText('used')
  await expect(outbox.getByRole('button', { name: 'Use this code' })).toHaveCount(0)
  await screenshotAtSizes(page, 'confirm-success')

  const usedCode = (await rows.first().getByRole('cell').nth(1).innerText()).split('\n')[0]
  await field(page, 'Username').fill('desk_jane')
  await field(page, 'Confirmation code').fill(usedCode)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main').getByRole('alert')).toContainText('already confirmed')
  await page.getByRole('button', { name: 'Resend code' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText('already confirmed')
  await expectNoRawSchemaText(page)
  await screenshotAtSizes(page, 'confirm-already-confirmed')
})

test('asks before confirming without a code', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Register')
  await fillRegistration(page, { username: 'desk_walk_in', email: 'walk.in@example.com', password: strong })
  await page.getByRole('button', { name: 'Register user' }).click()
  await page.getByRole('button', { name: 'Confirm this user' }).click()
  await expect(field(page, 'Username')).toHaveValue('desk_walk_in')
  await page.getByRole('button', { name: 'Confirm without a code' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await screenshotAtSizes(page, 'confirm-dialog')
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, confirm without a code' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('confirmed without a code')
  expect(await focused(page)).toMatchObject({ role: 'status' })
})

test('keeps the outbox usable at 1024 px when an email is very long', async ({ harness }) => {
  const { page } = harness
  const longEmail = `${'a'.repeat(60)}@${'b'.repeat(170)}.example.com`
  await go(page, 'Register')
  await fillRegistration(page, { username: 'desk_long_email', email: longEmail, password: strong })
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByRole('region', { name: 'Registered desk_long_email' })).toBeVisible()
  await go(page, 'Confirm')
  await page.setViewportSize(WINDOW_SIZES[0])
  const outbox = page.getByRole('region', { name: 'Sandbox outbox' })
  const row = outbox.getByRole('row').filter({ hasText: 'desk_long_email' })
  const card = (await outbox.boundingBox())!
  const code = (await row.getByRole('cell').nth(1).boundingBox())!
  const use = row.getByRole('button', { name: 'Use this code' })
  await expect(use).toBeInViewport({ ratio: 1 })
  expect(code.x + code.width).toBeLessThanOrEqual(card.x + card.width)
  const button = (await use.boundingBox())!
  expect(button.x + button.width).toBeLessThanOrEqual(card.x + card.width)
  await screenshotAtSizes(page, 'confirm-long-email')
})

test('Scan pool hands focus to its result, not the page body', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Statistics')
  await page.getByRole('button', { name: 'Scan pool' }).click()
  await expect(page.getByRole('heading', { name: /users — scan of/ })).toBeVisible()
  await expect.poll(async () => (await focused(page)).tag).not.toBe('BODY')
  await screenshotAtSizes(page, 'statistics-done-small-pool')
})

test('says in plain words what is wrong with an oversized search or code, never the schema text', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Users')
  await page.getByRole('searchbox').fill('x'.repeat(3000))
  await page.keyboard.press('Enter')
  // However the Users screen takes it (cut at 2,048, or refused), it echoes at most 100 characters of it.
  await expect(page.getByRole('main')).toContainText(/users? whose|at most 2,048|code: [A-Z_]+/)
  expect(await page.getByRole('main').innerText()).not.toContain('x'.repeat(101))
  await expectNoRawSchemaText(page)

  await go(page, 'Confirm')
  await field(page, 'Username').fill('desk_jane')
  await field(page, 'Confirmation code').fill('1'.repeat(3000))
  await page.getByRole('main').getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Enter the confirmation code from the email')
  await expectNoRawSchemaText(page)
})
