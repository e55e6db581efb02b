/**
 * The Users workspace with 400 users, at 1024×640 and 1280×820: the split that keeps the selected
 * user in view, every column of the widest row visible without a sideways scroll, a windowed list,
 * sorting and filtering in the page, the exact lookup by username, sub and email, and the keyboard
 * path from a row to the tier editor. Real built renderer, main-process handlers and cognito-local.
 */
import type { Page } from '@playwright/test'
import { testWithOwnApp, WINDOW_SIZES } from './fixtures'
import {
  detailPanel,
  expect,
  expectInViewport,
  openUsersScreen,
  resultRow,
  resultsTable,
  search,
  SEEDED_USERS,
  seededApp,
  shootStates,
  stored
} from './users.fixtures'

/** This file's own app and seeded sandbox, for all its tests in turn. */
const test = testWithOwnApp(seededApp)

test.describe.configure({ mode: 'serial' })

const CAPTION = `${SEEDED_USERS} users whose username starts with "seed_"`
const scroller = (page: Page) => page.getByTestId('users-table-scroll')

/** What seedSandboxUsers wrote for user i. */
const seed = (i: number) => ({
  username: `seed_${String(i).padStart(5, '0')}`,
  status: ['CONFIRMED', 'CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD'][i % 4],
  enabled: i % 10 !== 0,
  tier: ['standard', 'premium', 'standard', undefined, 'gold', 'Premium', 'premium', 'standard'][i % 8]
})
const seeded = Array.from({ length: SEEDED_USERS }, (_, i) => seed(i))

/** Scrolls the windowed list until the user's row is drawn, as a mouse wheel would. */
async function scrollToUser(page: Page, index: number): Promise<void> {
  await scroller(page).evaluate((element, top) => element.scrollTo({ top }), Math.max(0, index * 32 - 120))
  await expect(resultRow(page, seed(index).username)).toBeVisible()
}

test('searches every field from one box and says what it searched', async ({ harness }) => {
  const { page } = harness
  await openUsersScreen(page)
  await shootStates(page, 'empty')
  await page.getByLabel('Search by').selectOption('email')
  await expect(page.getByText(/Cognito matches email case-sensitively/)).toBeVisible()
  await page.getByLabel('Search by').selectOption('sub')
  await expect(page.getByLabel('How it matches')).toBeDisabled()
  await expect(page.getByLabel('How it matches')).toHaveValue('exact')
  await page.getByLabel('Search by').selectOption('cognito:user_status')
  await expect(page.getByText(/ignores upper and lower case/)).toBeVisible()
  await search(page, 'force_change_password', 'cognito:user_status', 'exact')
  await expect(page.getByText(`100 users whose account status is exactly "force_change_password"`)).toBeVisible()
  await search(page, 'seed_', 'username')
  await expect(page.getByText(CAPTION)).toBeVisible()
  await shootStates(page, 'results')
})

test('"Load more" adds the next page under the rows already shown', async ({ harness }) => {
  const { page, handlers } = harness
  const real = handlers.searchUsers
  // cognito-local answers in one page; Cognito gives at most 60 users a page, as this stand-in does.
  handlers.searchUsers = async (request) => {
    const all = await real({ ...request, nextToken: undefined })
    const start = Number(request.nextToken ?? 0)
    const users = all.users.slice(start, start + 60)
    return start + 60 < all.users.length ? { users, nextToken: String(start + 60) } : { users }
  }
  try {
    await search(page, 'seed_', 'username')
    await expect(page.getByText('60+ users whose username starts with "seed_"')).toBeVisible()
    const first = resultsTable(page).getByRole('row').nth(1)
    await expect(first).toContainText('seed_00000')
    const before = await first.boundingBox()
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect(page.getByText('120+ users whose username starts with "seed_"')).toBeVisible()
    expect(await first.boundingBox()).toEqual(before)
    await shootStates(page, 'load-more')
    while (await page.getByRole('button', { name: 'Load more' }).isVisible()) await page.getByRole('button', { name: 'Load more' }).click()
    await expect(page.getByText(CAPTION)).toBeVisible()
    await expect(resultsTable(page)).toHaveAttribute('aria-rowcount', String(SEEDED_USERS + 1))
  } finally {
    handlers.searchUsers = real
  }
})

test('clicking the 150th of 400 results shows its detail inside the window', async ({ harness }) => {
  const { page } = harness
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await scrollToUser(page, 149)
    await resultRow(page, 'seed_00149').click()
    const panel = detailPanel(page, 'seed_00149')
    await expect(panel).toBeVisible()
    await expectInViewport(page, panel.getByRole('heading', { name: 'seed_00149' }))
    await expectInViewport(page, page.getByLabel('Tier', { exact: true }))
    await expectInViewport(page, page.getByRole('button', { name: 'Save tier' }))
    await expectInViewport(page, page.getByTestId('users-detail-scroll'))
    await expectInViewport(page, resultRow(page, 'seed_00149'))
    // The bar and the navigation stay put, and the window itself never scrolls.
    await expectInViewport(page, page.getByRole('banner'))
    await expectInViewport(page, page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }))
    const overflow = await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement
      return { page: document.documentElement.scrollHeight - innerHeight, main: main.scrollHeight - main.clientHeight }
    })
    expect(overflow.page).toBeLessThanOrEqual(0)
    expect(overflow.main).toBeLessThanOrEqual(0)
  }
  await shootStates(page, 'row-150-selected')
})

test('every column of a FORCE_CHANGE_PASSWORD row is visible, with no sideways scroll', async ({ harness }) => {
  const { page } = harness
  const row = resultRow(page, 'seed_00003')
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await scrollToUser(page, 3)
    const table = await resultsTable(page).boundingBox()
    const cells = row.getByRole('cell')
    await expect(cells).toHaveCount(5)
    await expect(cells.nth(2)).toHaveAttribute('title', /^FORCE_CHANGE_PASSWORD/)
    for (let column = 0; column < 5; column++) {
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
  }
})

test('draws only the rows in view, and sorts and filters without asking Cognito', async ({ harness }) => {
  const { page } = harness
  const drawn = await resultsTable(page).locator('tbody tr:not([aria-hidden])').count()
  expect(drawn).toBeLessThan(60)
  const searchesBefore = harness.calls.filter((call) => call.operation === 'searchUsers').length

  await resultsTable(page).getByRole('button', { name: 'Username' }).click()
  await scroller(page).evaluate((element) => element.scrollTo({ top: 0 }))
  await expect(resultsTable(page).getByRole('row').nth(1)).toContainText('seed_00399')
  await resultsTable(page).getByRole('button', { name: 'Username' }).click()
  await expect(resultsTable(page).getByRole('row').nth(1)).toContainText('seed_00000')

  await page.getByLabel('Filter by status').selectOption('UNCONFIRMED')
  await page.getByLabel('Filter by tier').selectOption('premium')
  const unconfirmedPremium = seeded.filter((user) => user.status === 'UNCONFIRMED' && user.tier === 'premium')
  await expect(page.getByText(`${unconfirmedPremium.length} shown of ${CAPTION}`)).toBeVisible()
  await page.getByLabel('Filter by enabled').selectOption('enabled')
  const enabledToo = unconfirmedPremium.filter((user) => user.enabled)
  await expect(page.getByText(`${enabledToo.length} shown of ${CAPTION}`)).toBeVisible()
  await expect(resultsTable(page)).toHaveAttribute('aria-rowcount', String(enabledToo.length + 1))
  await shootStates(page, 'filtered')

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await resultsTable(page).getByRole('button', { name: 'Tier' }).click()
  await expect(resultsTable(page).getByRole('row').nth(1)).toContainText('invalid: gold')
  await resultsTable(page).getByRole('button', { name: 'Username' }).click()
  expect(harness.calls.filter((call) => call.operation === 'searchUsers').length).toBe(searchesBefore)
})

test('the exact box opens a user by username, sub or email without touching the list', async ({ harness }) => {
  const { page } = harness
  const lookup = page.getByLabel('Username, sub or email')
  const open = page.getByRole('button', { name: 'Open user' })
  const rowsBefore = await scroller(page).evaluate((element) => element.scrollHeight)

  const bySub = await stored(harness, 'seed_00042')
  await lookup.fill(bySub.sub)
  await open.click()
  await expect(detailPanel(page, 'seed_00042')).toBeVisible()
  await expect(detailPanel(page, 'seed_00042')).toContainText(bySub.sub)

  await lookup.fill('seed_00043@example.com')
  await open.click()
  await expect(detailPanel(page, 'seed_00043')).toBeVisible()
  await shootStates(page, 'opened-by-email')

  await lookup.fill('seed_00044')
  await open.click()
  await expect(detailPanel(page, 'seed_00044')).toBeVisible()

  await lookup.fill('nobody@example.com')
  await open.click()
  await expect(page.getByRole('alert').filter({ hasText: 'No user has the email or the username "nobody@example.com"' })).toBeVisible()
  await expect(detailPanel(page, 'seed_00044')).toBeVisible()

  // The list and its caption are as they were: nothing was added above what the operator was reading.
  await expect(page.getByText(CAPTION)).toBeVisible()
  expect(await scroller(page).evaluate((element) => element.scrollHeight)).toBe(rowsBefore)
  expect(harness.calls.filter((call) => call.operation === 'searchUsers').map((call) => (call.payload as { by: string }).by)).toEqual(
    expect.arrayContaining(['sub', 'email'])
  )
})

test('the keyboard walks the list and reaches the tier editor in two Tabs', async ({ harness }) => {
  const { page } = harness
  await page.getByRole('searchbox').focus()
  // Search, the three filters, the five column headers, then the list: one stop for all its rows.
  let presses = 0
  while (!(await page.evaluate(() => document.activeElement?.tagName === 'TR')) && presses < 12) {
    await page.keyboard.press('Tab')
    presses++
  }
  expect(presses).toBeLessThanOrEqual(10)
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
  const opened = (await heading.textContent()) ?? ''
  expect(opened).toMatch(/^seed_003\d\d$/)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Tier', { exact: true })).toBeFocused()
})

test("a tier's users open without moving the list under the pointer", async ({ harness }) => {
  const { page } = harness
  await page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }).click()
  await page.getByRole('button', { name: /Scan pool|Resume scan/ }).click()
  await expect(page.getByRole('heading', { name: new RegExp(`${SEEDED_USERS} users — scan of`) })).toBeVisible({ timeout: 60_000 })
  await openUsersScreen(page)
  await page.getByLabel('Tier bucket').selectOption('premium')
  await page.getByRole('button', { name: 'List users' }).click()
  const members = page.getByRole('table', { name: 'Users of the tier' })
  const premium = seeded.filter((user) => user.tier === 'premium')
  await expect(page.getByText(`${premium.length} users (premium) in the scan`)).toBeVisible()
  const second = members.getByRole('row').nth(2)
  const secondName = ((await second.getByRole('cell').first().textContent()) ?? '').trim()
  const before = await second.boundingBox()
  await members.getByRole('row').nth(1).click()
  await expect(page.getByRole('region', { name: /^seed_/ })).toBeVisible()
  expect(await second.boundingBox()).toEqual(before)
  await second.click()
  await expect(detailPanel(page, secondName)).toBeVisible()
  await shootStates(page, 'tier-list')
  await page.getByRole('button', { name: 'Back to search results' }).click()
  await expect(page.getByText(CAPTION)).toBeVisible()
})
