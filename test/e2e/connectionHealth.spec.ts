/**
 * The connection bar tells the truth: a sandbox whose emulator stops is shown as not answering (at the
 * next check) and restarted from the bar; a damaged sandbox file is named and its last good copy put
 * back from the bar; a configured pool that stops answering is checked at once when an operation fails
 * and shown as answering again once it does. Each test opens the app on its own fresh data folder.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { openAppContext } from '../../src/main/app/appContext'
import { SANDBOX_REGION } from '../../src/main/sandbox/constants'
import { registerUser } from '../../src/main/registration/registration'
import { HEALTH_INTERVAL_MS } from '../../src/renderer/src/stores/connectionStore'
import { launchHarness, type Harness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { openEmulatorEndpoint } from '../support/credentialProxy'
import { openTestSandbox } from '../support/sandboxConnection'
import { makeTempDir } from '../support/tempDir'
import { expect, screenshotAtSizes, WINDOW_SIZES } from './fixtures'

/** A fresh data folder per test, and the apps opened on it, closed and removed afterwards. */
const test = base.extend<{ dataDir: string; openApp: (env?: Record<string, string>) => Promise<Harness> }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const temp = makeTempDir('tier-admin-e2e-health-')
    await use(temp.dir)
    temp.remove()
  },
  openApp: async ({ dataDir }, use) => {
    const opened: Harness[] = []
    await use(async (env = {}) => {
      const harness = await launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir, ...env }) })
      opened.push(harness)
      return harness
    })
    for (const harness of opened) await harness.close()
  }
})

async function searchUsers(page: Page, prefix: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Users', exact: true }).click()
  await page.getByRole('searchbox').fill(prefix)
  await page.getByRole('button', { name: 'Find', exact: true }).click()
}

/** Nothing on the bar pushes the screens' controls out of a small window. */
async function expectControlsInView(page: Page, button: string): Promise<void> {
  await page.setViewportSize(WINDOW_SIZES[0])
  await expect(page.getByRole('banner').getByRole('button', { name: button })).toBeInViewport()
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true })).toBeInViewport()
}

function endpointOf(harness: Harness): string {
  const status = harness.app.status
  if (status.state !== 'connected' || !status.info.endpoint) throw new Error(`not connected: ${JSON.stringify(status)}`)
  return status.info.endpoint
}

test('says when the sandbox stops answering, and restarts it from the bar', async ({ openApp }) => {
  const harness = await openApp()
  const { page } = harness
  // The page's timers run on a clock the test can move, so the 15-second check comes at once.
  await page.clock.install()
  await page.reload()
  const banner = page.getByRole('banner')
  const before = endpointOf(harness)
  await expect(banner).toContainText(before)
  await registerUser(harness.app.services().connection, harness.app.services().schema, {
    username: 'kept_user',
    email: 'kept@example.com',
    password: 'Secure#Pass123',
    tier: 'premium'
  })

  await harness.app.services().connection.sandbox!.stop()
  await page.clock.fastForward(HEALTH_INTERVAL_MS.sandbox)
  const alert = banner.getByRole('alert', { name: 'Connection check' })
  await expect(alert).toContainText(/The sandbox stopped answering.*code: SANDBOX_UNAVAILABLE/)
  await expectControlsInView(page, 'Restart sandbox')
  await screenshotAtSizes(page, 'connection-not-answering')

  await alert.getByRole('button', { name: 'Restart sandbox' }).click()
  await expect(alert).toBeHidden()
  const after = endpointOf(harness)
  expect(after).not.toBe(before)
  await expect(banner).toContainText(after)
  await expect(page.getByRole('status').filter({ hasText: 'Sandbox restarted' })).toBeVisible()
  await screenshotAtSizes(page, 'connection-restarted')
  await searchUsers(page, 'kept')
  await expect(page.getByRole('heading', { name: 'kept_user', exact: true })).toBeVisible()
})

test('names a damaged sandbox file and puts back its last good copy', async ({ dataDir, openApp }) => {
  // A first run writes the pool's database twice (two users), so its last good copy holds the first user.
  const first = await openAppContext({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir }), processLabel: 'the Tier Admin app' })
  const userPoolId = first.services().connection.info.userPoolId
  for (const username of ['kept_user', 'later_user']) {
    await registerUser(first.services().connection, first.services().schema, {
      username,
      email: `${username}@example.com`,
      password: 'Secure#Pass123',
      tier: 'standard'
    })
  }
  await first.close()
  const dbDir = join(dataDir, 'sandbox', 'db')
  const database = join(dbDir, `${userPoolId}.json`)
  expect(existsSync(`${database}.bak`)).toBe(true)
  const whole = readFileSync(database)
  writeFileSync(database, whole.subarray(0, Math.floor(whole.length / 2)))

  const harness = await openApp()
  const { page } = harness
  const banner = page.getByRole('banner')
  const alert = banner.getByRole('alert', { name: 'Connection' })
  await expect(alert).toContainText(`db/${userPoolId}.json is damaged`)
  await expect(alert).toContainText('code: SANDBOX_DAMAGED')
  await expectControlsInView(page, 'Restore last good copy')
  await screenshotAtSizes(page, 'connection-damaged')

  await alert.getByRole('button', { name: 'Restore last good copy' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Last good copy restored' })).toContainText(`db/${userPoolId}.json`)
  await expect(alert).toBeHidden()
  await expect(banner).toContainText(userPoolId)
  await expect(banner).toContainText('SANDBOX')
  await screenshotAtSizes(page, 'connection-restored')
  // The damaged file is kept beside the restored one, for whoever wants to look at it.
  expect(readdirSync(dbDir).some((name) => name.startsWith(`${userPoolId}.json.damaged-`))).toBe(true)
  await searchUsers(page, 'kept')
  await expect(page.getByRole('heading', { name: 'kept_user', exact: true })).toBeVisible()
})

test('checks a configured pool at once when an operation cannot reach it, and clears when it answers again', async ({ openApp }) => {
  const sandbox = await openTestSandbox()
  const emulator = sandbox.connection.sandbox!
  const target = () => ({ endpoint: emulator.endpoint(), credential: emulator.credential() })
  let endpoint = await openEmulatorEndpoint(target)
  try {
    const harness = await openApp({
      COGNITO_USER_POOL_ID: emulator.userPoolId,
      COGNITO_CLIENT_ID: emulator.clientId,
      COGNITO_CLIENT_SECRET: emulator.clientSecret,
      COGNITO_REGION: SANDBOX_REGION,
      COGNITO_ENDPOINT: endpoint.endpoint,
      COGNITO_ENDPOINT_IS_EMULATOR: 'true'
    })
    const { page } = harness
    const banner = page.getByRole('banner')
    await expect(banner).toContainText('Custom endpoint')
    const checks = () => harness.calls.filter((call) => call.operation === 'checkConnection').length
    expect(checks()).toBe(0)

    const port = Number(new URL(endpoint.endpoint).port)
    await endpoint.close()
    await searchUsers(page, 'jane')
    await expect(page.getByRole('main').getByRole('alert')).toContainText(/Cannot reach Cognito.*code: NETWORK_UNREACHABLE/s)
    const alert = banner.getByRole('alert', { name: 'Connection check' })
    await expect(alert).toContainText('The pool stopped answering.')
    await expect(alert).toContainText('code: NETWORK_UNREACHABLE')
    expect(checks()).toBe(1)
    await expectControlsInView(page, 'Check again')
    await screenshotAtSizes(page, 'connection-unreachable')

    endpoint = await openEmulatorEndpoint(target, port)
    await alert.getByRole('button', { name: 'Check again' }).click()
    await expect(alert).toBeHidden()
    await page.getByRole('button', { name: 'Find', exact: true }).click()
    await expect(page.getByRole('main').getByText(/No user whose username starts with/)).toBeVisible()
    await expect(page.getByRole('main').getByRole('alert')).toBeHidden()
  } finally {
    await endpoint.close()
    await sandbox.close()
  }
})
