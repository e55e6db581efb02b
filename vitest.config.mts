import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/main/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/build/**/*.test.ts', 'test/renderer/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: files that start emulators run one after another to keep them from starving each other.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest-results.json' },
    setupFiles: ['test/support/silenceSdkWarnings.ts'],
    globalSetup: ['test/support/buildFirst.ts']
  }
})
