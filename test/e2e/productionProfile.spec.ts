/**
 * A profile marked production, as the operator sees it: the connection bar turns red and names the
 * pool, and a write (registering a user) asks first, naming the pool; Cancel sends nothing. The pool is
 * a test sandbox's emulator reached through an open endpoint, saved as an emulator profile.
 */
import { test as base } from '@playwright/test'
import { ProfileStore } from '../../src/main/config/profileStore'
import { SANDBOX_REGION } from '../../src/main/sandbox/constants'
import { profileSchemas } from '../../src/shared/profiles'
import { launchHarness, type Harness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { openEmulatorEndpoint } from '../support/credentialProxy'
import { openTestSandbox } from '../support/sandboxConnection'
import { makeTempDir } from '../support/tempDir'
import { expect, screenshotAtSizes, WINDOW_SIZES } from './fixtures'

const test = base.extend<{ harness: Harness }>({
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const sandbox = await openTestSandbox()
    const emulator = sandbox.connection.sandbox!
    const endpoint = await openEmulatorEndpoint(() => ({ endpoint: emulator.endpoint(), credential: emulator.credential() }))
    const temp = makeTempDir('tier-admin-e2e-prod-')
    const store = new ProfileStore(temp.dir)
    await store.save(
      profileSchemas.save.parse({
        name: 'Customers prod',
        region: SANDBOX_REGION,
        userPoolId: emulator.userPoolId,
        clientId: emulator.clientId,
        endpoint: endpoint.endpoint,
        emulator: true,
        production: true
      })
    )
    await store.setActive('customers-prod')
    const harness = await launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }) })
    await use(harness)
    await harness.close()
    await endpoint.close()
    await sandbox.close()
    temp.remove()
  }
})

test('a production profile turns the bar red and asks, naming the pool, before a write', async ({ harness }) => {
  const { page } = harness
  const banner = page.getByRole('banner')
  await expect(banner).toHaveClass(/bg-danger/)
  const status = harness.app.status
  const poolId = status.state === 'connected' ? status.info.userPoolId : ''
  await expect(banner).toContainText(`PRODUCTION — `)
  await expect(banner.getByRole('combobox')).toHaveValue('customers-prod')
  await page.setViewportSize(WINDOW_SIZES[0])
  await expect(banner.getByRole('button', { name: 'Profiles…' })).toBeInViewport()
  await screenshotAtSizes(page, 'connection-production')

  await banner.getByRole('button', { name: 'Profiles…' }).click()
  const editor = page.getByRole('dialog', { name: 'Connection profiles' })
  await expect(editor).toBeVisible()
  await editor.getByLabel('Edit').selectOption({ label: 'Customers prod' })
  await expect(editor.getByRole('checkbox', { name: 'Require a reason for writes' })).toBeChecked()
  await expect(editor.getByRole('textbox', { name: /Scheduler role ARN/ })).toHaveValue('')
  await screenshotAtSizes(page, 'connection-profiles')
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await expect(editor.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 })
  }
  await page.setViewportSize(WINDOW_SIZES[0])
  await editor.getByLabel('Edit').selectOption({ label: 'Customers prod' })
  await expect(editor.getByRole('checkbox', { name: /^Require a reason for writes/ })).toBeChecked()
  await editor.getByRole('button', { name: 'Cancel' }).click()
  await expect(editor).toBeHidden()

  await page.getByRole('navigation').getByRole('button', { name: 'Register', exact: true }).click()
  await page.getByLabel('Username', { exact: true }).fill('prod_jane')
  await page.getByLabel('Email', { exact: true }).fill('jane@example.com')
  await page.getByLabel('Password', { exact: true }).fill('Passw0rd!x')
  await page
    .getByRole('main')
    .getByRole('button', { name: /^Register/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Write to the production pool?' })
  await expect(dialog).toContainText(poolId)
  await expect(dialog).toContainText('Customers prod')
  // A production pool asks a ticket or reason of every write by default: the yes waits for one.
  const yes = dialog.getByRole('button', { name: /^Yes, register a new user in production/ })
  await expect(yes).toBeDisabled()
  await dialog.getByRole('textbox', { name: 'Ticket or reason (required)' }).fill('CHG-2041 onboarding')
  await expect(yes).toBeEnabled()
  await screenshotAtSizes(page, 'connection-production-confirm')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(harness.calls.filter((call) => call.operation === 'register')).toHaveLength(0)
})
