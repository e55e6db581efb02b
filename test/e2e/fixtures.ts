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
  // Transitions finished, so a hover or a change of colour mode is shot as it ends, not half-way.
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' })
}

/** The window sizes an operator's laptop gives the app: a small one and the usual one. */
export const WINDOW_SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 820 }
] as const

/** The operating system's colour settings the app follows (Bootstrap's light and dark modes). */
export type Theme = 'light' | 'dark'
export const THEMES: readonly Theme[] = ['light', 'dark']

export interface ScreenshotOptions {
  /** Window sizes to shoot at; every one of WINDOW_SIZES by default. */
  sizes?: readonly { width: number; height: number }[]
  /** Colour modes to shoot in; both by default. */
  themes?: readonly Theme[]
}

/** Sets the page's prefers-color-scheme and waits until the app has switched Bootstrap's mode to it. */
export async function setColorScheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveAttribute('data-bs-theme', theme)
}

/**
 * Screenshots of the page as it is, at each window size and in each colour mode, named
 * `<name>-<width>x<height>-<theme>.png` (so `name` is `<screen>-<state>`, e.g. `register-filled`).
 * Puts the window size and colour mode back as they were.
 */
export async function screenshotAtSizes(page: Page, name: string, options: ScreenshotOptions = {}): Promise<void> {
  const original = page.viewportSize()
  const originalTheme: Theme = (await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) ? 'dark' : 'light'
  for (const size of options.sizes ?? WINDOW_SIZES) {
    await page.setViewportSize(size)
    for (const theme of options.themes ?? THEMES) {
      await setColorScheme(page, theme)
      await screenshot(page, `${name}-${size.width}x${size.height}-${theme}`)
    }
  }
  if (original) await page.setViewportSize(original)
  await setColorScheme(page, originalTheme)
}
