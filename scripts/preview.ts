/**
 * `npm run preview`: the app in a headed Chromium window on machines without an Electron binary.
 * The end-to-end tests' harness (test/harness); the configuration comes from the environment or .env, so with
 * nothing configured it opens the sandbox pool in the app's usual data folder.
 */
import { launchHarness } from '../test/harness/rendererHarness'

async function main(): Promise<void> {
  const harness = await launchHarness({ env: process.env, headless: false })
  const status = harness.app.status
  console.log(status.state === 'connected' ? `Connected to ${status.info.label}` : `Not connected: ${status.error.message}`)
  console.log('Close the browser window (or press Ctrl+C) to quit.')
  const shutdown = async (): Promise<void> => {
    await harness.close().catch(() => undefined)
    process.exit(0)
  }
  harness.browser.on('disconnected', () => void shutdown())
  process.on('SIGINT', () => void shutdown())
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
