/**
 * The window's side of the canary proof (the main process's side is test/main/security/canaries.test.ts):
 * with canary secrets in the configuration of a pool reached through COGNITO_ENDPOINT, a journey through
 * every screen leaves none of them in the page: not in its DOM or form values, its localStorage,
 * sessionStorage or cookies, its console, nor in what it sent over the bridge.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, type Page } from '@playwright/test'
import { SANDBOX_REGION } from '../../src/main/sandbox/constants'
import { launchHarness } from '../harness/rendererHarness'
import { CANARIES, CANARY_ACCESS_KEY_ID, findCanaries, type Place } from '../support/canaryScan'
import { cleanEnv } from '../support/cliRunner'
import { openEmulatorEndpoint } from '../support/credentialProxy'
import { openTestSandbox } from '../support/sandboxConnection'
import { makeTempDir } from '../support/tempDir'
import { expect } from './fixtures'

const AWS_CANARIES = {
  AWS_ACCESS_KEY_ID: CANARY_ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY: CANARIES['AWS secret access key'],
  AWS_SESSION_TOKEN: CANARIES['AWS session token']
}

/** A password the operator types on a user's page: sent to main once, then in nothing the page keeps. */
const TYPED_PASSWORD = 'Canary#Pw-5e1d7b3a'

/** What the page holds now: its markup, what it shows, its form values and its storage. */
async function pagePlaces(page: Page, moment: string): Promise<Place[]> {
  const held = await page.evaluate(() => ({
    text: document.body.innerText,
    values: [...document.querySelectorAll('input, textarea, select')].map((field) => (field as HTMLInputElement).value).join('\n'),
    storage: JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })
  }))
  return [
    { name: `DOM ${moment}`, text: await page.content() },
    { name: `text ${moment}`, text: held.text },
    { name: `form values ${moment}`, text: held.values },
    { name: `storage ${moment}`, text: held.storage }
  ]
}

test('no canary secret reaches the window', async () => {
  const temp = makeTempDir('tier-admin-e2e-canary-')
  const saveDir = join(temp.dir, 'saved')
  mkdirSync(saveDir)
  const csvFile = join(temp.dir, 'import.csv')
  writeFileSync(csvFile, 'username,email,tier\ncanary_erin,erin@example.com,premium\n')
  const sandbox = await openTestSandbox()
  const emulator = sandbox.connection.sandbox!
  const endpoint = await openEmulatorEndpoint(() => ({ endpoint: emulator.endpoint(), credential: emulator.credential() }))
  const saved = Object.fromEntries(Object.keys(AWS_CANARIES).map((name) => [name, process.env[name]]))
  // The harness runs the main process's code here: the SDK's credential chain reads this environment.
  Object.assign(process.env, AWS_CANARIES)
  const env = cleanEnv({
    TIER_ADMIN_DATA_DIR: join(temp.dir, 'data'),
    COGNITO_USER_POOL_ID: emulator.userPoolId,
    COGNITO_CLIENT_ID: emulator.clientId,
    COGNITO_CLIENT_SECRET: CANARIES['client secret'],
    COGNITO_REGION: SANDBOX_REGION,
    COGNITO_ENDPOINT: endpoint.endpoint,
    ...AWS_CANARIES
  })
  const harness = await launchHarness({ env, saveDir, openFile: csvFile })
  const places: Place[] = []
  const { page } = harness
  page.on('console', (message) => places.push({ name: 'page console', text: message.text() }))
  try {
    const nav = page.getByRole('navigation')
    await expect(page.getByRole('banner')).toContainText('Custom endpoint')
    await nav.getByRole('button', { name: 'Register', exact: true }).click()
    await page.getByLabel('Username', { exact: true }).fill('canary_frank')
    await page.getByLabel('Email', { exact: true }).fill('frank@example.com')
    await page.getByLabel('Password', { exact: true }).fill('Secure#Pass123')
    await page.getByRole('button', { name: 'Register user' }).click()
    await expect(page.getByRole('main')).toContainText(/registered/i)
    places.push(...(await pagePlaces(page, 'after registering')))

    await nav.getByRole('button', { name: 'Users', exact: true }).click()
    // The only user whose name starts so: the find opens their page by itself.
    await page.getByRole('searchbox').fill('canary')
    await page.getByRole('button', { name: 'Find', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'canary_frank', exact: true })).toBeVisible()
    places.push(...(await pagePlaces(page, 'on a user')))

    // A password typed on the user's page leaves nothing behind once set: not in the fields, the page or the bridge's replies.
    await page.getByRole('tab', { name: 'Security' }).click()
    await page.getByLabel('New password', { exact: true }).fill(TYPED_PASSWORD)
    await page.getByLabel('Type it again').fill(TYPED_PASSWORD)
    await page.getByRole('button', { name: 'Set temporary password' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Set password', exact: true }).click()
    await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('canary_frank')
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue('')
    places.push(...(await pagePlaces(page, 'after setting a password')))

    // Every other screen, as the operator opens it.
    const screens = (await nav.getByRole('button').allTextContents()).map((name) => name.trim()).filter(Boolean)
    for (const screen of screens) {
      await nav.getByRole('button', { name: screen, exact: true }).click()
      await page.waitForTimeout(500)
      places.push(...(await pagePlaces(page, `on ${screen}`)))
    }
    // The one request that carries the typed password on its way to main is the only place it may be.
    places.push({ name: 'bridge calls', text: JSON.stringify(harness.calls.filter((call) => call.operation !== 'setPassword')) })
    expect(harness.calls.filter((call) => JSON.stringify(call).includes(TYPED_PASSWORD)).map((call) => call.operation)).toEqual(['setPassword'])

    const findings = findCanaries(places, { ...CANARIES, 'typed password': TYPED_PASSWORD })
    console.log(
      `canaries in the window: ${places.length} places over ${screens.length} screens, ${harness.calls.length} bridge calls; found ${findings.length}`
    )
    expect(findings).toEqual([])
  } finally {
    await harness.close()
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    await endpoint.close()
    await sandbox.close()
    temp.remove()
  }
})
