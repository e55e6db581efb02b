/**
 * Finding the person from a ticket with the Users screen's one box, over 400 seeded users and a few
 * named ones: "Alice" finds alice, a mixed-case email finds its user, part of an email is looked up in
 * the last scan (and says what to do before there is one), a lookup that finds nobody leaves no old
 * user on screen, 12 rows show at 1024×640, and a second user opens at their header. Real built
 * renderer, main-process handlers and cognito-local.
 */
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { Page } from '@playwright/test'
import { AppError } from '../../src/shared/errors'
import type { Harness } from '../harness/rendererHarness'
import { screenshotAtSizes, testWithOwnApp, WINDOW_SIZES } from './fixtures'
import { backToResults, detailPanel, expect, expectInViewport, find, openUsersScreen, resultRow, resultsTable, seededApp } from './users.fixtures'

const test = testWithOwnApp(seededApp)

test.describe.configure({ mode: 'serial' })

const box = (page: Page) => page.getByRole('searchbox', { name: 'Email, username, phone number or sub' })
const heading = (page: Page, username: string) => detailPanel(page, username).getByRole('heading', { name: username, exact: true })

async function createUser(harness: Harness, username: string, email: string): Promise<void> {
  const gateway = harness.app.services().connection.gateway
  await gateway.send(
    new AdminCreateUserCommand({
      UserPoolId: gateway.userPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'custom:user_tier', Value: 'standard' }
      ]
    })
  )
}

test('"Alice" opens alice, saying the lower-cased name found her, and the box is emptied', async ({ harness }) => {
  const { page } = harness
  await createUser(harness, 'alice', 'alice@acme.test')
  await createUser(harness, 'bob.standard', 'bob.standard@acme.test')
  await openUsersScreen(page)
  await find(page, 'Alice')
  await expect(heading(page, 'alice')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Nothing matched as typed; found by the lower-case "alice".' })).toBeVisible()
  await expect(box(page)).toHaveValue('')
  await expect(heading(page, 'alice')).toBeFocused()
  await screenshotAtSizes(page, 'users-find-lowered-case')
})

test('a mixed-case email opens its user at the header, even after scrolling the last one', async ({ harness }) => {
  const { page } = harness
  await page.setViewportSize(WINDOW_SIZES[0])
  // The operator read alice's page to its end before the next ticket.
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('.users-page *').forEach((element) => element.scrollTo?.({ top: 99_999 })))
  await find(page, 'bob.STANDARD@acme.test')
  await expect(heading(page, 'bob.standard')).toBeVisible()
  await expect(detailPanel(page, 'alice')).toHaveCount(0)
  await expectInViewport(page, heading(page, 'bob.standard'))
  await expect(page.getByRole('status').filter({ hasText: 'found by the lower-case "bob.standard@acme.test"' })).toBeVisible()
  await screenshotAtSizes(page, 'users-find-single-match')
})

test('a lookup that finds nobody clears the page: no earlier user under its message', async ({ harness }) => {
  const { page } = harness
  await find(page, 'nobody@acme.test')
  await expect(page.getByText('No user whose email is "nobody@acme.test".')).toBeVisible()
  await expect(detailPanel(page, 'bob.standard')).toHaveCount(0)
  // The words stay in the box, to correct a typo.
  await expect(box(page)).toHaveValue('nobody@acme.test')
  await screenshotAtSizes(page, 'users-find-nobody')

  await find(page, 'bob.standard')
  await expect(heading(page, 'bob.standard')).toBeVisible()
  // The network drops while the next ticket's user is looked up.
  const real = harness.handlers.findUsers
  harness.handlers.findUsers = async () => {
    throw new AppError('NETWORK_UNREACHABLE', 'Cognito could not be reached. Check the network connection and try again.')
  }
  try {
    await find(page, 'carol@acme.test')
    await expect(page.getByRole('alert')).toContainText('Cognito could not be reached')
    await expect(detailPanel(page, 'bob.standard')).toHaveCount(0)
    await screenshotAtSizes(page, 'users-find-failed')
  } finally {
    harness.handlers.findUsers = real
  }
})

test('a list shows 12 rows at 1024×640 with whole emails, and Esc goes back to it from a page', async ({ harness }) => {
  const { page } = harness
  await find(page, 'seed_')
  await expect(page.getByText('400 users whose username starts with "seed_".')).toBeVisible()
  await page.setViewportSize(WINDOW_SIZES[0])
  const rows = resultsTable(page).locator('tbody tr:not([aria-hidden])')
  const inView = await rows.evaluateAll(
    (all) =>
      all.filter((row) => {
        const box = row.getBoundingClientRect()
        return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight
      }).length
  )
  expect(inView).toBeGreaterThanOrEqual(12)
  const email = resultRow(page, 'seed_00003').getByRole('cell').nth(1)
  await expect(email).toHaveText('seed_00003@example.com')
  expect(await email.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true)
  await expect(resultRow(page, 'seed_00000').getByRole('cell').nth(2)).toHaveText('Disabled')
  await screenshotAtSizes(page, 'users-find-results')

  await resultRow(page, 'seed_00005').click()
  await expect(heading(page, 'seed_00005')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(resultRow(page, 'seed_00005')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(heading(page, 'seed_00006')).toBeVisible()
  await backToResults(page)
  await expect(resultRow(page, 'seed_00006')).toBeFocused()
})

test('part of an email: what to do before a scan, then the scan’s matches with its date', async ({ harness }) => {
  const { page } = harness
  await find(page, '@acme.test')
  await expect(page.getByText(/no scan has finished on this pool yet/)).toBeVisible()
  await screenshotAtSizes(page, 'users-find-domain-no-scan')
  await page.getByRole('button', { name: 'Statistics', exact: true }).first().click()
  await page.getByRole('button', { name: /Scan pool|Resume scan/ }).click()
  await expect(page.getByRole('heading', { name: /users — scan of/ })).toBeVisible({ timeout: 60_000 })
  await openUsersScreen(page)
  await find(page, '@acme.test')
  const matches = page.getByRole('table', { name: 'Users found in the last scan' })
  await expect(page.getByText(/^2 users whose email contains "@acme.test" from the scan of /)).toBeVisible()
  await expect(matches.getByRole('row')).toHaveCount(3)
  await screenshotAtSizes(page, 'users-find-domain')
  await matches.getByRole('row').filter({ hasText: 'alice@acme.test' }).click()
  await expect(heading(page, 'alice')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(matches.getByRole('row').filter({ hasText: 'alice@acme.test' })).toBeFocused()
})
