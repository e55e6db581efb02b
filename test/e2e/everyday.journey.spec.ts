/**
 * An operator's day on the sandbox pool, in the real built renderer in Chromium with the real
 * main-process handlers and a real cognito-local (test/harness). Saves a screenshot of every screen.
 */
import type { Page } from '@playwright/test'
import { getUser } from '../../src/main/users/users'
import { expect, screenshot, testWithOwnApp } from './fixtures'

const test = testWithOwnApp()

test.describe.configure({ mode: 'serial' })

const strong = 'Secure#Pass123'

async function go(page: Page, screen: 'Register' | 'Confirm' | 'Users' | 'Statistics'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: screen, exact: true }).click()
}

async function fillRegistration(page: Page, user: { username: string; email: string; password: string; tier?: string }): Promise<void> {
  await go(page, 'Register')
  await page.getByLabel('Username', { exact: true }).fill(user.username)
  await page.getByLabel('Email', { exact: true }).fill(user.email)
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  if (user.tier) await page.getByLabel('Tier', { exact: true }).selectOption(user.tier)
}

async function addAttribute(page: Page, index: number, name: string, value: string): Promise<void> {
  await page.getByRole('button', { name: 'Add attribute' }).click()
  await page.getByLabel(`Attribute name ${index}`, { exact: true }).fill(name)
  await page.getByLabel(`Attribute value ${index}`, { exact: true }).fill(value)
}

async function expectAlert(page: Page, text: RegExp | string): Promise<void> {
  await expect(page.getByRole('alert').filter({ hasText: text }).first()).toBeVisible()
}

test('shows which pool it is connected to, labelled as the sandbox', async ({ harness }) => {
  const { page } = harness
  await expect(page.getByRole('banner')).toContainText(/sandbox/i)
  const status = harness.app.status
  expect(status.state).toBe('connected')
  if (status.state === 'connected') await expect(page.getByRole('banner')).toContainText(status.info.userPoolId)
  await screenshot(page, '01-register-empty')
})

test('registers jane_premium with a tier and extra attributes', async ({ harness }) => {
  const { page } = harness
  await fillRegistration(page, { username: 'jane_premium', email: 'jane@example.com', password: strong, tier: 'premium' })
  await addAttribute(page, 1, 'company', 'TechCorp')
  await addAttribute(page, 2, 'department', 'Engineering')
  await addAttribute(page, 3, 'role', 'Developer')
  await screenshot(page, '02-register-filled')
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByText('jane@example.com').first()).toBeVisible()
  await expect(page.getByRole('main')).toContainText(/registered/i)
  await screenshot(page, '03-register-success')
  const stored = await getUser(harness.app.services().connection.gateway, 'jane_premium')
  expect(stored.tier).toEqual({ kind: 'tier', tier: 'premium' })
  expect(stored.attributes).toContainEqual({ name: 'custom:company', value: 'TechCorp' })
})

test('confirms her with the code from the sandbox outbox', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Confirm')
  const outbox = page.getByRole('region', { name: 'Sandbox outbox' })
  const code = harness.app.services().connection.sandbox!.outbox.latestCodeFor('jane_premium')!
  await expect(outbox).toContainText(code)
  await page.getByLabel('Username', { exact: true }).fill('jane_premium')
  await page.getByLabel('Confirmation code', { exact: true }).fill(code === '000000' ? '111111' : '000000')
  await page.getByRole('main').getByRole('button', { name: 'Confirm', exact: true }).click()
  await expectAlert(page, /code is wrong/i)
  await page.getByRole('button', { name: 'Resend code' }).click()
  const janesCodes = outbox.getByRole('row').filter({ hasText: 'jane_premium' })
  await expect(janesCodes).toHaveCount(2)
  const resent = harness.app.services().connection.sandbox!.outbox.latestCodeFor('jane_premium')!
  await janesCodes.first().getByRole('button', { name: 'Use this code' }).click()
  await expect(page.getByLabel('Confirmation code', { exact: true })).toHaveValue(resent)
  await page.getByRole('main').getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByText(/confirmed/i).first()).toBeVisible()
  await screenshot(page, '04-confirm')
  expect((await getUser(harness.app.services().connection.gateway, 'jane_premium')).status).toBe('CONFIRMED')
})

test('finds her by the email the ticket quotes, in any case, and changes her tier to standard', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Users')
  await page.getByRole('searchbox').fill('Jane@Example.com')
  await page.getByRole('button', { name: 'Find', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'jane_premium', exact: true })).toBeVisible()
  const tierSelect = page.getByLabel('Tier', { exact: true })
  await tierSelect.selectOption('standard')
  await page.getByRole('button', { name: 'Save tier' }).click()
  await expect(page.getByRole('main')).toContainText("Saved: jane_premium's tier is now standard")
  await screenshot(page, '05-users-detail')
  const stored = await getUser(harness.app.services().connection.gateway, 'jane_premium')
  expect(stored.tier).toEqual({ kind: 'tier', tier: 'standard' })
})

test('admin-confirms a second user after an explicit prompt', async ({ harness }) => {
  const { page } = harness
  await fillRegistration(page, { username: 'walk_in', email: 'walkin@example.com', password: strong })
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByText('walkin@example.com').first()).toBeVisible()
  await go(page, 'Confirm')
  await page.getByLabel('Username', { exact: true }).fill('walk_in')
  await page.getByRole('button', { name: 'Confirm without a code' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(/verified/i)
  await screenshot(page, '06-admin-confirm-dialog')
  await dialog
    .getByRole('button', { name: /confirm/i })
    .last()
    .click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/confirmed/i).first()).toBeVisible()
  expect((await getUser(harness.app.services().connection.gateway, 'walk_in')).status).toBe('CONFIRMED')
})

test('explains each bad input on screen', async ({ harness }) => {
  const { page } = harness
  await fillRegistration(page, { username: 'weakling', email: 'weak@example.com', password: 'password' })
  await page.getByRole('button', { name: 'Register user' }).click()
  await expectAlert(page, /password/i)

  await fillRegistration(page, { username: 'jane_premium', email: 'other@example.com', password: strong })
  await page.getByRole('button', { name: 'Register user' }).click()
  await expectAlert(page, /already taken/i)

  await fillRegistration(page, { username: 'shoe_fan', email: 'shoes@example.com', password: strong })
  await addAttribute(page, 1, 'shoe_size', '42')
  await page.getByRole('button', { name: 'Register user' }).click()
  await expectAlert(page, /custom:shoe_size/)
  await screenshot(page, '07-register-error')
  // The form keeps its rows until registered or cleared: the refused one is taken out by hand.
  await page.getByRole('button', { name: 'Remove attribute 1' }).click()

  // A tier the dropdown does not offer (a tampered page, a stale build) is refused by the main process.
  await fillRegistration(page, { username: 'goldie', email: 'gold@example.com', password: strong })
  await page.getByLabel('Tier', { exact: true }).evaluate((select: HTMLSelectElement) => {
    select.add(new Option('gold', 'gold'))
  })
  await page.getByLabel('Tier', { exact: true }).selectOption('gold')
  await page.getByRole('button', { name: 'Register user' }).click()
  await expectAlert(page, /not a tier/i)
  await expect(async () =>
    expect((await getUser(harness.app.services().connection.gateway, 'goldie').catch((e: Error) => e)) instanceof Error).toBe(true)
  ).toPass()
})

test('shows tier statistics for the pool', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Statistics')
  await page.getByRole('button', { name: /Scan pool|Resume scan/ }).click()
  await expect(page.getByRole('table').filter({ hasText: 'premium' }).first()).toBeVisible()
  await expect(page.locator('canvas').first()).toBeVisible()
  await screenshot(page, '08-statistics')
})

test('carries on when the sandbox emulator stops: the next request starts it again', async ({ harness }) => {
  const { page } = harness
  // A stopped emulator refuses the connection, so the request was never delivered and is safely resent
  // once the sandbox is found again. (A pool that stays unreachable: connectionHealth.spec.ts.)
  await harness.app.services().connection.sandbox!.stop()
  await go(page, 'Users')
  await page.getByRole('searchbox').fill('jane')
  await page.getByRole('button', { name: 'Find', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'jane_premium', exact: true })).toBeVisible()
  await expect(page.getByRole('main').getByRole('alert')).toBeHidden()
})
