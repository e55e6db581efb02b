/**
 * Ticket links and the ticket summary in the window: a link by username, email or sub (handed to
 * main's own inbox and check, then sent as the app sends it) opens that user's page on the Users
 * screen; a malformed link, or one for a profile that does not exist, shows why and changes nothing
 * (no call reaches main); "Copy link" copies a link that opens the same user; "Copy summary" shows
 * what it copies and puts it on the clipboard. Real built renderer, main-process handlers and cognito-local.
 */
import { AdminCreateUserCommand, AdminGetUserCommand, type AdminGetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import type { Page } from '@playwright/test'
import { APP_ORIGIN, type Harness } from '../harness/rendererHarness'
import { screenshotAtSizes, testWithOwnApp } from './fixtures'
import { detailPanel, expect } from './users.fixtures'

const test = testWithOwnApp()
test.describe.configure({ mode: 'serial' })

const heading = (page: Page, username: string) => detailPanel(page, username).getByRole('heading', { name: username, exact: true })
const notices = (page: Page) => page.getByRole('contentinfo', { name: 'Notices' })

async function createUser(harness: Harness, username: string, email: string): Promise<string> {
  const gateway = harness.app.services().connection.gateway
  const attributes = [
    { Name: 'email', Value: email },
    { Name: 'custom:user_tier', Value: 'premium' }
  ]
  await gateway.send(new AdminCreateUserCommand({ UserPoolId: gateway.userPoolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes: attributes }))
  const read = await gateway.send<AdminGetUserCommandOutput>(new AdminGetUserCommand({ UserPoolId: gateway.userPoolId, Username: username }))
  return read.UserAttributes!.find((attribute) => attribute.Name === 'sub')!.Value!
}

let subs: Record<string, string> = {}

/** Waits until the page has asked main nothing for a while: the user page's panels have all loaded. */
async function settled(harness: Harness): Promise<void> {
  for (let seen = -1; seen !== harness.calls.length;) {
    seen = harness.calls.length
    await new Promise((resolve) => setTimeout(resolve, 400))
  }
}

test.beforeAll(async ({ harness }) => {
  subs = {
    'link.user': await createUser(harness, 'link.user', 'link.user@acme.test'),
    'mail.user': await createUser(harness, 'mail.user', 'mail.user@acme.test'),
    'sub.user': await createUser(harness, 'sub.user', 'sub.user@acme.test')
  }
})

test('a link by username, by email and by sub each opens that user on the Users screen', async ({ harness }) => {
  const { page } = harness
  // The operator is elsewhere in the app when the ticket's link is clicked.
  await expect(page.getByRole('heading', { name: 'Register a user' })).toBeVisible()
  await harness.openLink('tier-admin://open?username=link.user&pool=sandbox')
  await expect(heading(page, 'link.user')).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Users', exact: true })).toHaveAttribute('aria-current', 'page')

  await harness.openLink('tier-admin://open?email=mail.user%40acme.test')
  await expect(heading(page, 'mail.user')).toBeVisible()

  await harness.openLink(`tier-admin://open?sub=${subs['sub.user']}`)
  await expect(heading(page, 'sub.user')).toBeVisible()
})

test('a link whose email nobody has says so', async ({ harness }) => {
  const { page } = harness
  await harness.openLink('tier-admin://open?email=nobody%40acme.test')
  await expect(page.getByText('No user whose email is "nobody@acme.test".')).toBeVisible()
  await harness.openLink('tier-admin://open?username=sub.user')
  await expect(heading(page, 'sub.user')).toBeVisible()
})

test('a malformed link, or one for a profile there is not, shows why and changes nothing', async ({ harness }) => {
  const { page } = harness
  for (const [link, reason] of [
    ['tier-admin://open?username=link.user&tier=standard', 'unknown key "tier"'],
    ['tier-admin://open?username=link.user&username=mail.user', 'gives username twice'],
    [`tier-admin://open?username=${'x'.repeat(129)}`, 'longer than 128 characters'],
    ['tier-admin://open?username=link.user&pool=prod-eu', 'no profile with that id']
  ] as const) {
    await settled(harness)
    const calls = harness.calls.length
    await harness.openLink(link)
    await expect(notices(page).getByText(reason)).toBeVisible()
    await expect(notices(page)).toContainText('This link was not opened')
    // Still the same user's page, and nothing asked of main.
    await expect(heading(page, 'sub.user')).toBeVisible()
    await settled(harness)
    expect(harness.calls.slice(calls)).toEqual([])
  }
  await screenshotAtSizes(page, 'ticket-link-refused')
})

test('Copy link copies a link that opens the same user', async ({ harness }) => {
  const { page, context } = harness
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN })
  await detailPanel(page, 'sub.user').getByRole('button', { name: 'More' }).click()
  await page.getByRole('menuitem', { name: 'Copy link' }).click()
  const link = 'tier-admin://open?username=sub.user&pool=sandbox'
  await expect(notices(page)).toContainText(`Link copied — ${link}`)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
  await harness.openLink('tier-admin://open?username=link.user')
  await expect(heading(page, 'link.user')).toBeVisible()
  await harness.openLink(link)
  await expect(heading(page, 'sub.user')).toBeVisible()
})

test('Copy summary shows what it copies, in plain text or Markdown, and copies it', async ({ harness }) => {
  const { page } = harness
  // A change with its reason, made as the window makes it, so the summary has a history to show.
  const set = await page.evaluate(() =>
    (window as unknown as { api: { setTier: (request: object) => Promise<{ ok: boolean }> } }).api.setTier({
      username: 'sub.user',
      tier: 'standard',
      expected: 'premium',
      reason: 'TICKET-42 goodwill after outage'
    })
  )
  expect(set.ok).toBe(true)
  // The page shows the user as they were: opened afresh, it reads the change.
  await harness.openLink('tier-admin://open?username=sub.user')
  await detailPanel(page, 'sub.user').getByRole('button', { name: 'More' }).click()
  await page.getByRole('menuitem', { name: 'Copy summary…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Summary of sub.user for the ticket' })
  const text = dialog.getByRole('textbox', { name: 'The summary as it will be pasted' })
  await expect(text).toHaveValue(/Username: sub\.user/)
  await expect(text).toHaveValue(/Pool:\s+Sandbox \(us-east-1 \/ /)
  await expect(text).toHaveValue(/Tier:\s+standard/)
  await expect(text).toHaveValue(/Email:\s+sub\.user@acme\.test \(not verified\)/)
  await expect(text).toHaveValue(/Tier premium → standard \(done\)\s+Reason: TICKET-42 goodwill after outage/)
  await dialog.getByRole('button', { name: 'Copy plain text' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Copied the plain text summary to the clipboard.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text.inputValue())
  await screenshotAtSizes(page, 'ticket-summary-copied')

  await dialog.getByRole('radio', { name: 'Markdown' }).check()
  await expect(text).toHaveValue(/- \*\*Username:\*\* sub\.user/)
  await dialog.getByRole('button', { name: 'Copy Markdown' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('**Tier Admin summary**')
  await screenshotAtSizes(page, 'ticket-summary-markdown')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
})
