/**
 * The real Electron app, driven by Playwright's _electron. Runs wherever an Electron binary is
 * installed; where none is (machines that cannot download it), it is reported as skipped, with why.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from '@playwright/test'
import { _electron as electron } from 'playwright-core'
import { cleanEnv } from '../support/cliRunner'
import { expectedBridgeKeys } from '../support/expectedBridge'
import { makeTempDir } from '../support/tempDir'
import { expect, screenshot } from './fixtures'

const ROOT = join(__dirname, '../..')

/** The binary's path without require('electron'), which would try to download it. */
function electronBinary(): string | null {
  const override = process.env.TIER_ADMIN_ELECTRON_PATH
  if (override) return existsSync(override) ? override : null
  const pathFile = join(ROOT, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const NO_BINARY_REASON =
  'No Electron binary on this machine (it cannot be downloaded here; set TIER_ADMIN_ELECTRON_PATH to use one). The built app is covered by the Chromium harness and the main- and preload-bundle tests (test/build).'

test('the Electron app starts on its sandbox pool with a locked-down window', async () => {
  if (!binary) {
    // The list reporter does not print skip reasons; CI logs should say why this one did not run.
    console.log(`SKIPPED (no Electron binary): ${NO_BINARY_REASON}`)
    test.skip(true, NO_BINARY_REASON)
  }
  const temp = makeTempDir('tier-admin-electron-')
  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT, `--user-data-dir=${temp.dir}`],
    env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }) as Record<string, string>
  })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('banner')).toContainText(/sandbox/i)
    // Context isolation and the sandbox show in the page: no Node, only the bridge's named functions
    // (test/build/preloadBundle.test.ts holds the built preload to the same list where no binary is).
    const pageGlobals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys((globalThis as unknown as { api: object }).api).sort()
    }))
    expect(pageGlobals).toEqual({ require: 'undefined', process: 'undefined', api: expectedBridgeKeys() })
    await screenshot(page, 'electron-main-window')
  } finally {
    await app.close()
    temp.remove()
  }
})
