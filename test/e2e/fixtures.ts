import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { launchHarness, type Harness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

export const SCREENSHOT_DIR = join(__dirname, '../../test-output/screenshots')

/** A spec file's own folders: the app's data folder and the folder its save dialog puts files in. */
export interface AppFolders {
  dataDir: string
  saveDir: string
}

/** Opens the app a spec file drives, on that file's folders. */
export type LaunchApp = (folders: AppFolders) => Promise<Harness>

/** The app on an empty data folder, like a first start on a new machine; what it saves goes to saveDir. */
export const freshApp: LaunchApp = ({ dataDir, saveDir }) => launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir }), saveDir })

/**
 * The `test` of a spec file that drives one app: call it once, at the top of the file. Its `harness`
 * (browser page and main-process handlers) is launched before the file's first test, on `folders` made
 * for the file, and closed after its last, so a file passes alone and in any order.
 *
 * Each call defines worker fixtures of its own, so each file's app is its own instance: two files never
 * share a page, an app or a data folder, whatever order they run in. And as Playwright reuses a worker
 * only for tests with the same worker fixtures, each file runs in its own worker, whose end closes the app.
 */
export function testWithOwnApp(launch: LaunchApp = freshApp) {
  return base.extend<object, { folders: AppFolders; harness: Harness }>({
    folders: [
      // Playwright requires the fixture's first argument to be a destructuring pattern.
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const temp = makeTempDir('tier-admin-e2e-')
        const folders = { dataDir: join(temp.dir, 'data'), saveDir: join(temp.dir, 'saved') }
        mkdirSync(folders.dataDir)
        mkdirSync(folders.saveDir)
        await use(folders)
        temp.remove()
      },
      { scope: 'worker' }
    ],
    harness: [
      async ({ folders }, use) => {
        const harness = await launch(folders)
        await use(harness)
        await harness.close()
      },
      { scope: 'worker' }
    ]
  })
}

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
  // Each size starts in the mode the last one ended in, the first in the page's own: a change of colour
  // mode restyles the whole page, and this way a call makes two instead of four.
  const wanted = options.themes ?? THEMES
  let themes = wanted.includes(originalTheme) ? [originalTheme, ...wanted.filter((theme) => theme !== originalTheme)] : [...wanted]
  const sizes = options.sizes ?? WINDOW_SIZES
  for (const size of sizes) {
    await page.setViewportSize(size)
    for (const theme of themes) {
      await setColorScheme(page, theme)
      await screenshot(page, `${name}-${size.width}x${size.height}-${theme}`)
    }
    themes = themes.toReversed()
  }
  const last = sizes.at(-1)
  if (original && (original.width !== last?.width || original.height !== last?.height)) await page.setViewportSize(original)
  await setColorScheme(page, originalTheme)
}
