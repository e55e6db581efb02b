import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests: the real built renderer in Debian's Chromium with the real main-process handlers
 * (test/harness), and the real Electron app where an Electron binary exists.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-output/playwright',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-output/playwright-results.json' }]],
  use: { trace: 'retain-on-failure' }
})
