// Adds up the Vitest and Playwright results into one closing line: "tests: N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs'

const totals = { passed: 0, failed: 0, skipped: 0 }

const vitestFile = 'test-output/vitest-results.json'
if (existsSync(vitestFile)) {
  const vitest = JSON.parse(readFileSync(vitestFile, 'utf8'))
  totals.passed += vitest.numPassedTests ?? 0
  totals.failed += vitest.numFailedTests ?? 0
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
}

const playwrightFile = 'test-output/playwright-results.json'
if (existsSync(playwrightFile)) {
  const stats = JSON.parse(readFileSync(playwrightFile, 'utf8')).stats ?? {}
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0)
  totals.failed += stats.unexpected ?? 0
  totals.skipped += stats.skipped ?? 0
}

console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
