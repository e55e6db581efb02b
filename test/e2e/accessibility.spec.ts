/**
 * Every screen and its main states checked by axe-core (WCAG 2.1 A and AA rules: contrast, labels,
 * roles) in the light and the dark mode at 1024×640, on a sandbox seeded with users of every kind. The
 * spec fails on any serious or critical finding; every finding's count is printed by state, so a run
 * says how far the app is from none.
 */
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { openConnection } from '../../src/main/cognito/connection'
import { launchHarness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { seedSandboxUsers } from '../support/seedSandbox'
import { expect, setColorScheme, testWithOwnApp, THEMES } from './fixtures'
import { find } from './users.fixtures'

const EVERY_PROBLEM = join(__dirname, '../fixtures/import/every-problem.csv')
const SMALL_WINDOW = { width: 1024, height: 640 }
const BLOCKING = new Set(['serious', 'critical'])

const test = testWithOwnApp(async ({ dataDir, saveDir }) => {
  const provisioned = await openConnection({ pool: { kind: 'sandbox' }, dataDir, listUsersRate: 30 })
  const userPoolId = provisioned.info.userPoolId
  await provisioned.close()
  seedSandboxUsers(join(dataDir, 'sandbox'), userPoolId, 120)
  return launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir }), saveDir, openFile: EVERY_PROBLEM, viewport: SMALL_WINDOW })
})

test.describe.configure({ mode: 'serial' })

/** One finding as the report prints it: the rule, how bad, and where. */
interface Finding {
  state: string
  theme: string
  rule: string
  impact: string
  targets: string[]
  summary: string
}

const findings: Finding[] = []

/** Runs axe over the page as it stands in each colour mode, and records what it found under `state`. */
async function check(page: Page, state: string): Promise<void> {
  for (const theme of THEMES) {
    await setColorScheme(page, theme)
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    for (const violation of result.violations) {
      findings.push({
        state,
        theme,
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        targets: violation.nodes.map((node) => node.target.join(' ')),
        summary: violation.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ') ?? ''
      })
    }
  }
  await setColorScheme(page, 'light')
}

async function go(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: screen, exact: true }).click()
}

test('Register: empty, with every field refused, and the CSV import preview', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Register')
  await expect(page.getByRole('heading', { name: 'Register a user' })).toBeVisible()
  await check(page, 'register-empty')
  await page.getByLabel('Username', { exact: true }).fill('a b')
  await page.getByLabel('Email', { exact: true }).fill('not-an-email')
  await page.getByLabel('Password', { exact: true }).fill('short')
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByRole('main').locator('.invalid-feedback').first()).toBeVisible()
  await check(page, 'register-errors')
  await page.getByText('From a CSV file', { exact: true }).click()
  await page.getByRole('button', { name: 'Choose CSV file…' }).click()
  await expect(page.getByRole('table', { name: 'Preview by row' })).toBeVisible()
  await check(page, 'import-preview')
})

test('Confirm', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Confirm')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await check(page, 'confirm')
})

test('Users: a list found, and a user opened', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Users')
  await find(page, 'seed_')
  const rows = page.getByRole('table', { name: 'Users found' }).getByRole('row')
  await expect(rows.nth(1)).toBeVisible()
  await check(page, 'users-list')
  await rows.nth(1).click()
  await expect(page.getByRole('region', { name: /^seed_\d+$/ }).first()).toBeVisible()
  await check(page, 'users-opened')
})

test('Statistics: before and after a scan', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Statistics')
  await expect(page.getByText(/No scan of this pool has finished yet/)).toBeVisible()
  await check(page, 'statistics-before-scan')
  await page.getByRole('button', { name: 'Scan pool' }).click()
  await expect(page.getByRole('heading', { name: /users — scan of/ })).toBeVisible({ timeout: 60_000 })
  await check(page, 'statistics-after-scan')
})

test('Audit', async ({ harness }) => {
  const { page } = harness
  await go(page, 'Audit')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await check(page, 'audit')
})

test('the connection: profile editor and pool doctor', async ({ harness }) => {
  const { page } = harness
  const banner = page.getByRole('banner')
  await check(page, 'connection-bar')
  await banner.getByRole('button', { name: 'Profiles…' }).click()
  const editor = page.getByRole('dialog', { name: 'Connection profiles' })
  await expect(editor).toBeVisible()
  await check(page, 'profile-editor')
  await editor.getByRole('button', { name: 'Cancel' }).click()
  await banner.getByRole('button', { name: /^Pool doctor/ }).click()
  const doctor = page.getByRole('dialog', { name: 'Pool doctor' })
  await expect(doctor.getByRole('list', { name: 'Checks' }).getByRole('listitem').first()).toBeVisible()
  await check(page, 'pool-doctor')
  await doctor.getByRole('button', { name: 'Close' }).click()
})

test('no serious or critical finding in any state or mode', () => {
  const byImpact = new Map<string, number>()
  for (const finding of findings) byImpact.set(finding.impact, (byImpact.get(finding.impact) ?? 0) + 1)
  console.log(`axe findings by impact: ${JSON.stringify(Object.fromEntries(byImpact))}`)
  for (const finding of findings) {
    console.log(
      `${finding.impact} ${finding.rule} [${finding.state}, ${finding.theme}] ${finding.targets.length} nodes: ${finding.targets.slice(0, 4).join(' | ')} — ${finding.summary}`
    )
  }
  expect(findings.filter((finding) => BLOCKING.has(finding.impact))).toEqual([])
})
