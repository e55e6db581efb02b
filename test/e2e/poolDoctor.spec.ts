/**
 * The pool doctor in the built app on the sandbox: it runs on connect and the bar shows its verdict;
 * the panel lists every check (IAM and STS skipped on the sandbox), runs again on demand, keeps its
 * buttons in view at both window sizes (the list scrolls), and Escape closes it. An app client that
 * lets its users write the tier is named, and made read-only after a confirmation with its write list.
 */
import { CreateUserPoolClientCommand, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider'
import { provisioningClient } from '../../src/main/sandbox/sandboxPool'
import { expect, screenshotAtSizes, testWithOwnApp, WINDOW_SIZES } from './fixtures'

const test = testWithOwnApp()

test('the pool doctor passes on the sandbox and its panel fits the window', async ({ harness }) => {
  const { page } = harness
  // The verdict of the run on connect: this file's app is on a sandbox of its own, which nothing else stops.
  const button = page.getByRole('banner').getByRole('button', { name: 'Pool doctor ✓' })
  await expect(button).toBeVisible()
  await button.click()
  const dialog = page.getByRole('dialog', { name: 'Pool doctor' })
  const checks = dialog.getByRole('list', { name: 'Checks' }).getByRole('listitem')
  await expect(checks.filter({ hasText: 'custom:user_tier is a mutable String' })).toContainText('Pass')
  await expect(checks.filter({ hasText: /May call cognito-idp:AdminDeleteUser(?!Attributes)/ })).toContainText('Skipped (sandbox)')
  await dialog.getByRole('button', { name: 'Run again' }).click()
  await expect(dialog.getByRole('button', { name: 'Run again' })).toBeEnabled()
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 })
    await expect(dialog.getByRole('heading', { name: 'Pool doctor' })).toBeInViewport({ ratio: 1 })
  }
  await screenshotAtSizes(page, 'pool-doctor')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(button).toBeFocused()
  await page.setViewportSize(WINDOW_SIZES[0])
  await screenshotAtSizes(page, 'pool-doctor-bar', { sizes: [WINDOW_SIZES[0]] })
})

test('the pool doctor names an app client through which customers could make themselves premium, and makes the tier read-only for it', async ({ harness }) => {
  const { page } = harness
  const { connection } = harness.app.services()
  // A second client in the sandbox's pool, as a web shop's might be set up: no secret, the tier in its write list.
  const admin = provisioningClient(connection.sandbox!.endpoint(), connection.sandbox!.credential())
  const created = await admin.send(
    new CreateUserPoolClientCommand({
      UserPoolId: connection.info.userPoolId,
      ClientName: 'public web',
      WriteAttributes: ['email', 'name', 'custom:user_tier']
    })
  )
  const clientId = created.UserPoolClient!.ClientId!
  const dialog = page.getByRole('dialog', { name: 'Pool doctor' })
  if (!(await dialog.isVisible()))
    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Pool doctor/ })
      .click()
  await dialog.getByRole('button', { name: 'Run again' }).click()
  const line = dialog.getByRole('listitem').filter({ hasText: 'app client "public web"' })
  await expect(line).toContainText('Warning')
  await expect(line).toContainText('Anyone signed in through "public web" can make themselves premium')
  await expect(line).toContainText("Anyone can register as premium with this client's id")
  await line.scrollIntoViewIfNeeded()
  await screenshotAtSizes(page, 'pool-doctor-integrity')

  await line.getByRole('button', { name: 'Make the tier read-only for "public web"…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Make the tier read-only for "public web"?' })
  await expect(confirm.getByTestId('write-before')).toHaveText('email, name, custom:user_tier')
  await expect(confirm.getByTestId('write-after')).toHaveText('email, name')
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await expect(confirm.getByRole('button', { name: 'Make read-only' })).toBeInViewport({ ratio: 1 })
  }
  await screenshotAtSizes(page, 'pool-doctor-integrity-confirm')
  await confirm.getByRole('button', { name: 'Make read-only' }).click()
  await expect(line).toContainText('Pass')
  await expect(line).toContainText('leaves out custom:user_tier')
  const described = await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: connection.info.userPoolId, ClientId: clientId }))
  expect(described.UserPoolClient?.WriteAttributes).toEqual(['email', 'name'])
  await expect(page.getByRole('banner').getByRole('button', { name: 'Pool doctor ✓' })).toBeVisible()
  admin.destroy()
})
