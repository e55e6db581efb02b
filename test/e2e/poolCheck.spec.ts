/**
 * The pool check on the connection bar, for a pool configured by the operator (COGNITO_* variables)
 * and served by a real cognito-local: a pool ID that does not exist, and a pool that lacks the tier
 * attribute until the operator adds it. The built renderer runs with the real main-process handlers.
 */
import {
  AddCustomAttributesCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand
} from '@aws-sdk/client-cognito-identity-provider'
import { test as base } from '@playwright/test'
import { SANDBOX_REGION } from '../../src/main/sandbox/constants'
import { provisioningClient } from '../../src/main/sandbox/sandboxPool'
import { launchHarness, type Harness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { openEmulatorEndpoint } from '../support/credentialProxy'
import { openTestSandbox } from '../support/sandboxConnection'
import { makeTempDir } from '../support/tempDir'
import { expect, screenshotAtSizes } from './fixtures'

interface Emulator {
  endpoint: string
  client: CognitoIdentityProviderClient
  /** Opens the app on a pool of this emulator, as an operator's COGNITO_* variables would. */
  openApp(pool: { userPoolId: string; clientId: string }): Promise<Harness>
}

const test = base.extend<object, { emulator: Emulator }>({
  emulator: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sandbox = await openTestSandbox()
      const emulator = sandbox.connection.sandbox!
      const open = await openEmulatorEndpoint(() => ({ endpoint: emulator.endpoint(), credential: emulator.credential() }))
      const endpoint = open.endpoint
      const client = provisioningClient(emulator.endpoint(), emulator.credential())
      const opened: { harness: Harness; remove: () => void }[] = []
      await use({
        endpoint,
        client,
        openApp: async ({ userPoolId, clientId }) => {
          const temp = makeTempDir('tier-admin-e2e-pool-')
          const env = cleanEnv({
            TIER_ADMIN_DATA_DIR: temp.dir,
            COGNITO_USER_POOL_ID: userPoolId,
            COGNITO_CLIENT_ID: clientId,
            COGNITO_REGION: SANDBOX_REGION,
            COGNITO_ENDPOINT: endpoint,
            COGNITO_ENDPOINT_IS_EMULATOR: 'true'
          })
          const harness = await launchHarness({ env })
          opened.push({ harness, remove: temp.remove })
          return harness
        }
      })
      for (const { harness, remove } of opened) {
        await harness.close()
        remove()
      }
      client.destroy()
      await open.close()
      await sandbox.close()
    },
    { scope: 'worker' }
  ]
})

test('says on the connection bar that the configured pool does not exist', async ({ emulator }) => {
  const harness = await emulator.openApp({ userPoolId: 'us-east-1_NoSuchPool', clientId: 'no-such-client' })
  const { page } = harness
  const check = page.getByRole('alert', { name: 'Pool check' })
  await expect(check).toContainText('The pool could not be read.')
  await expect(check).toContainText(/user pool does not exist.*COGNITO_USER_POOL_ID/)
  await expect(check).toContainText('code: POOL_NOT_FOUND')
  await expect(page.getByRole('banner')).toContainText('Custom endpoint')
  await screenshotAtSizes(page, 'connection-pool-not-found')
  await check.getByRole('button', { name: 'Check again' }).click()
  await expect.poll(() => harness.calls.filter((call) => call.operation === 'describePool').map((call) => call.payload)).toEqual([undefined, { refresh: true }])
  await expect(check).toContainText('code: POOL_NOT_FOUND')
})

test('warns about a pool without custom:user_tier, refuses to register there, and clears once the attribute is added', async ({ emulator }) => {
  const { UserPool } = await emulator.client.send(
    new CreateUserPoolCommand({ PoolName: 'legacy-users', Schema: [{ Name: 'company', AttributeDataType: 'String', Mutable: true }] })
  )
  const userPoolId = UserPool!.Id!
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'legacy' }))
  const { page } = await emulator.openApp({ userPoolId, clientId: UserPoolClient!.ClientId! })

  const check = page.getByRole('alert', { name: 'Pool check' })
  await expect(check).toContainText('This pool has no custom:user_tier attribute')
  await expect(page.getByRole('banner')).toContainText('legacy-users')
  await screenshotAtSizes(page, 'connection-pool-without-tier')

  await page.getByLabel('Username', { exact: true }).fill('early_bird')
  await page.getByLabel('Email', { exact: true }).fill('early@example.com')
  await page.getByLabel('Password', { exact: true }).fill('Secure#Pass123')
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText(/has no attribute custom:user_tier.*code: ATTRIBUTE_NOT_IN_SCHEMA/s)

  await emulator.client.send(
    new AddCustomAttributesCommand({ UserPoolId: userPoolId, CustomAttributes: [{ Name: 'user_tier', AttributeDataType: 'String', Mutable: true }] })
  )
  await check.getByRole('button', { name: 'Check again' }).click()
  await expect(check).toBeHidden()
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByRole('region', { name: /Registered early_bird/ })).toBeVisible()
})
