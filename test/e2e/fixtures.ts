import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { launchHarness, type Harness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

export const SCREENSHOT_DIR = join(__dirname, '../../test-output/screenshots')

/** One app per test file, on a fresh sandbox data folder, like a first start on a new machine. */
export const test = base.extend<object, { harness: Harness }>({
  harness: [
    // Playwright requires the fixture's first argument to be a destructuring pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const temp = makeTempDir('tier-admin-e2e-')
      const harness = await launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }) })
      await use(harness)
      await harness.close()
      temp.remove()
    },
    { scope: 'worker' }
  ]
})

export { expect }

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/** The window sizes an operator's laptop gives the app: a small one and the usual one. */
export const WINDOW_SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 820 }
] as const

/** Screenshots of the page at each window size, named `<name>-<width>`; leaves the page at the last size. */
export async function screenshotAtSizes(page: Page, name: string): Promise<void> {
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await screenshot(page, `${name}-${size.width}`)
  }
}
