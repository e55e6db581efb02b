/**
 * The pool doctor in the built app on the sandbox: it runs on connect and the bar shows its verdict;
 * the panel lists every check (IAM and STS skipped on the sandbox), runs again on demand, keeps its
 * buttons in view at both window sizes (the list scrolls), and Escape closes it.
 */
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
  await expect(checks.filter({ hasText: 'May call cognito-idp:AdminDeleteUser' })).toContainText('Skipped (sandbox)')
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
