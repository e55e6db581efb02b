import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: files that start emulators run one after another to keep them from starving each other.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest-results.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/main/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/build/**/*.test.ts', 'test/support/**/*.test.ts', 'test/shared/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/silenceSdkWarnings.ts'],
          globalSetup: ['test/support/buildFirst.ts']
        }
      },
      {
        // The renderer's stores and screens in a DOM, against a fake `window.api`: no build, no emulator.
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/support/setup.ts']
        }
      }
    ]
  }
})
