/**
 * The Users workspace with 400 users, at 1024×640 and 1280×820: the list with the whole width and the
 * user's page in its place, the list one key away and where it was left; every column of the widest
 * row visible without a sideways scroll, a windowed list, sorting and filtering in the page, a user
 * found by sub and by email, the keyboard path from the box to a row and into the page, and a tier's
 * users from the last scan. Real built renderer, main-process handlers and cognito-local.
 */
import type { Page } from '@playwright/test'
import { testWithOwnApp, WINDOW_SIZES } from './fixtures'
import {
  backToResults,
  detailPanel,
  expect,
  expectInViewport,
  find,
  openUsersScreen,
  resultRow,
  resultsTable,
  SEEDED_USERS,
  seededApp,
  shootStates,
  stored
} from './users.fixtures'

/** This file's own app and seeded sandbox, for all its tests in turn. */
const test = testWithOwnApp(seededApp)

test.describe.configure({ mode: 'serial' })

const CAPTION = `${SEEDED_USERS} users whose username starts with "seed_".`
const scroller = (page: Page) => page.getByTestId('users-table-scroll')

/** What seedSandboxUsers wrote for user i, in the list's words. */
const seed = (i: number) => ({
  username: `seed_${String(i).padStart(5, '0')}`,
  status: i % 10 === 0 ? 'Disabled' : ['Confirmed', 'Confirmed', 'Unconfirmed', 'Invited'][i % 4],
  tier: ['standard', 'premium', 'standard', undefined, 'gold', 'Premium', 'premium', 'standard'][i % 8]
})
const seeded = Array.from({ length: SEEDED_USERS }, (_, i) => seed(i))

/** Scrolls the windowed list until the user's row is drawn, as a mouse wheel would. */
async function scrollToUser(page: Page, index: number): Promise<void> {
  await scroller(page).evaluate((element, top) => element.scrollTo({ top }), Math.max(0, index * 32 - 120))
  await expect(resultRow(page, seed(index).username)).toBeVisible()
}

test('one box lists the users whose username starts with what was typed', async ({ harness }) => {
  const { page } = harness
  await openUsersScreen(page)
  await expect(page.getByText(/Type what the ticket quotes/)).toBeVisible()
  await shootStates(page, 'empty')
  await find(page, 'seed_')
  await expect(page.getByText(CAPTION)).toBeVisible()
  await shootStates(page, 'results')
})

test('"Load more" adds the next page under the rows already shown', async ({ harness }) => {
  const { page, handlers } = harness
  const real = handlers.findUsers
  // cognito-local answers in one page; Cognito gives at most 60 users a page, as this stand-in does.
  handlers.findUsers = async (request) => {
    const all = await real({ ...request, nextToken: undefined })
    const start = Number(request.nextToken ?? 0)
    const users = all.users.slice(start, start + 60)
    return start + 60 < all.users.length ? { ...all, users, nextToken: String(start + 60) } : { ...all, users, nextToken: undefined }
  }
  try {
    await find(page, 'seed_')
    await expect(page.getByText('60+ users whose username starts with "seed_".')).toBeVisible()
    const first = resultsTable(page).getByRole('row').nth(1)
    await expect(first).toContainText('seed_00000')
    const before = await first.boundingBox()
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect(page.getByText('120+ users whose username starts with "seed_".')).toBeVisible()
    expect(await first.boundingBox()).toEqual(before)
    await shootStates(page, 'load-more')
    while (await page.getByRole('button', { name: 'Load more' }).isVisible()) await page.getByRole('button', { name: 'Load more' }).click()
    await expect(page.getByText(CAPTION)).toBeVisible()
    await expect(resultsTable(page)).toHaveAttribute('aria-rowcount', String(SEEDED_USERS + 1))
  } finally {
    handlers.findUsers = real
  }
})

test('the 150th of 400 opens at its header, and the list comes back where it was', async ({ harness }) => {
  const { page } = harness
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await scrollToUser(page, 149)
    await resultRow(page, 'seed_00149').click()
    const panel = detailPanel(page, 'seed_00149')
    await expect(panel).toBeVisible()
    await expectInViewport(page, panel.getByRole('heading', { name: 'seed_00149' }))
    // The bar and the navigation stay put, and the window itself never scrolls.
    await expectInViewport(page, page.getByRole('banner'))
    await expectInViewport(page, page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }))
    const overflow = await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement
      return { page: document.documentElement.scrollHeight - innerHeight, main: main.scrollHeight - main.clientHeight }
    })
    expect(overflow.page).toBeLessThanOrEqual(0)
    expect(overflow.main).toBeLessThanOrEqual(0)
    if (size === WINDOW_SIZES[1]) await shootStates(page, 'row-150-opened')
    await page.keyboard.press('Escape')
    await expect(resultRow(page, 'seed_00149')).toBeFocused()
    await expectInViewport(page, resultRow(page, 'seed_00149'))
  }
})

test('every column of a FORCE_CHANGE_PASSWORD row is visible, with no sideways scroll', async ({ harness }) => {
  const { page } = harness
  const row = resultRow(page, 'seed_00003')
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await scrollToUser(page, 3)
    const table = await resultsTable(page).boundingBox()
    const cells = row.getByRole('cell')
    await expect(cells).toHaveCount(4)
    await expect(cells.nth(2)).toHaveAttribute('title', /^FORCE_CHANGE_PASSWORD/)
    for (let column = 0; column < 4; column++) {
      const cell = await cells.nth(column).boundingBox()
      expect(cell && table).toBeTruthy()
      if (!cell || !table) continue
      expect(cell.x).toBeGreaterThanOrEqual(table.x - 1)
      expect(cell.x + cell.width).toBeLessThanOrEqual(table.x + table.width + 1)
      await expectInViewport(page, cells.nth(column))
    }
    // Every cell's text fits or ends in an ellipsis inside its own column; nothing widens the table.
    const widths = await scroller(page).evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }))
    expect(widths.scroll).toBeLessThanOrEqual(widths.client)
    await expect(cells.nth(1)).toHaveAttribute('title', 'seed_00003@example.com')
    // The badge of an invalid tier value is whole, not cut to "invalid: …".
    await scrollToUser(page, 5)
    const badge = resultRow(page, 'seed_00005').locator('.badge')
    expect(await badge.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
  }
})

test('draws only the rows in view, and sorts and filters without asking Cognito', async ({ harness }) => {
  const { page } = harness
  await scroller(page).evaluate((element) => element.scrollTo({ top: 0 }))
  const drawn = await resultsTable(page).locator('tbody tr:not([aria-hidden])').count()
  expect(drawn).toBeLessThan(60)
  const findsBefore = harness.calls.filter((call) => call.operation === 'findUsers').length

  await resultsTable(page).getByRole('button', { name: 'Username' }).click()
  await scroller(page).evaluate((element) => element.scrollTo({ top: 0 }))
  await expect(resultsTable(page).getByRole('row').nth(1)).toContainText('seed_00399')
  await resultsTable(page).getByRole('button', { name: 'Username' }).click()
  await expect(resultsTable(page).getByRole('row').nth(1)).toContainText('seed_00000')

  await page.getByLabel('Filter by status').selectOption('Unconfirmed')
  await page.getByLabel('Filter by tier').selectOption('premium')
  const unconfirmedPremium = seeded.filter((user) => user.status === 'Unconfirmed' && user.tier === 'premium')
  await expect(page.getByText(`${unconfirmedPremium.length} shown of ${CAPTION}`)).toBeVisible()
  await expect(resultsTable(page)).toHaveAttribute('aria-rowcount', String(unconfirmedPremium.length + 1))
  await shootStates(page, 'filtered')
  await page.getByLabel('Filter by status').selectOption('Disabled')
  const disabledPremium = seeded.filter((user) => user.status === 'Disabled' && user.tier === 'premium')
  await expect(page.getByText(`${disabledPremium.length} shown of ${CAPTION}`)).toBeVisible()

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await resultsTable(page).getByRole('button', { name: 'Tier' }).click()
  await expect(resultsTable(page).getByRole('row').nth(1)).toContainText('invalid: gold')
  await resultsTable(page).getByRole('button', { name: 'Username' }).click()
  expect(harness.calls.filter((call) => call.operation === 'findUsers').length).toBe(findsBefore)
})

test('the box opens a user by sub and by email', async ({ harness }) => {
  const { page } = harness
  const bySub = await stored(harness, 'seed_00042')
  await find(page, bySub.sub)
  await expect(detailPanel(page, 'seed_00042')).toBeVisible()
  await expect(detailPanel(page, 'seed_00042')).toContainText(bySub.sub)
  await find(page, 'seed_00043@example.com')
  await expect(detailPanel(page, 'seed_00043')).toBeVisible()
  await shootStates(page, 'opened-by-email')
  expect(harness.calls.filter((call) => call.operation === 'findUsers').map((call) => (call.payload as { query: string }).query)).toEqual(
    expect.arrayContaining([bySub.sub, 'seed_00043@example.com'])
  )
})

test('the keyboard goes from the box to the list and into a page', async ({ harness }) => {
  const { page } = harness
  await find(page, 'seed_')
  await page.getByRole('searchbox').focus()
  // Find, More, the two filters, the four column headers, then the list: one stop for all its rows.
  let presses = 0
  while (!(await page.evaluate(() => document.activeElement?.tagName === 'TR')) && presses < 12) {
    await page.keyboard.press('Tab')
    presses++
  }
  expect(presses).toBeLessThanOrEqual(9)
  await page.keyboard.press('Home')
  await expect(page.locator('tr:focus')).toContainText('seed_00000')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('tr:focus')).toContainText('seed_00002')
  await page.keyboard.press('End')
  await expect(page.locator('tr:focus')).toContainText('seed_00399')
  await expectInViewport(page, page.locator('tr:focus'))
  await page.keyboard.press('PageUp')
  await page.keyboard.press('Enter')
  const heading = page.getByRole('heading', { level: 2 }).first()
  await expect(heading).toBeFocused()
  expect((await heading.textContent()) ?? '').toMatch(/^seed_003\d\d$/)
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page.locator('tr:focus')).toContainText(/seed_003\d\d/)
})

test("a tier's users come from the More menu and open without losing the list", async ({ harness }) => {
  const { page } = harness
  await page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }).click()
  await page.getByRole('button', { name: /Scan pool|Resume scan/ }).click()
  await expect(page.getByRole('heading', { name: new RegExp(`${SEEDED_USERS} users — scan of`) })).toBeVisible({ timeout: 60_000 })
  await openUsersScreen(page)
  await page.getByRole('button', { name: 'More' }).click()
  await shootStates(page, 'more-menu')
  await page.getByRole('menuitem', { name: 'List premium users' }).click()
  const members = page.getByRole('table', { name: 'Users of the tier' })
  const premium = seeded.filter((user) => user.tier === 'premium')
  await expect(page.getByText(`${premium.length} users (premium) in the scan`)).toBeVisible()
  const second = members.getByRole('row').nth(2)
  const secondName = ((await second.getByRole('cell').nth(1).textContent()) ?? '').trim()
  await second.click()
  await expect(detailPanel(page, secondName)).toBeVisible()
  await backToResults(page)
  await expect(members.getByRole('row').nth(2)).toBeFocused()
  await shootStates(page, 'tier-list')
  await page.getByRole('button', { name: 'Back to the results' }).click()
  await expect(page.getByText(CAPTION)).toBeVisible()
})
