/**
 * The full export from the Statistics screen on the seeded sandbox: "Export all users…" asks where to
 * save (the harness's stand-in dialog), main streams every user there, and the screen says where the
 * file went. The file is read back: one row per user, formula cells neutralised.
 */
import { readFileSync } from 'node:fs'
import { test as base } from '@playwright/test'
import type { Harness } from '../harness/rendererHarness'
import { makeTempDir } from '../support/tempDir'
import { screenshot } from './fixtures'
import { expect, openSeededApp, SEEDED_USERS } from './users.fixtures'

const saves = makeTempDir('tier-admin-e2e-export-saves-')

const test = base.extend<object, { harness: Harness }>({
  harness: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const app = await openSeededApp({ saveDir: saves.dir })
      await use(app.harness)
      await app.close()
      saves.remove()
    },
    { scope: 'worker' }
  ]
})

test('exports every user to the chosen file and says where it went', async ({ harness }) => {
  const page = harness.page
  await page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }).click()
  const section = page.getByRole('region', { name: 'Export all users' })
  await section.getByRole('button', { name: 'Export all users…' }).click()
  const status = section.getByRole('status')
  await expect(status).toHaveText(new RegExp(`^Saved ${SEEDED_USERS} users to .*tier-admin-users-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
  await screenshot(page, '12-statistics-full-export-done')
  const path = /to (.*\.csv)$/.exec((await status.textContent()) ?? '')![1]!
  expect(path.startsWith(saves.dir)).toBe(true)
  const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n')
  expect(lines[0]).toMatch(/^username,sub,email,email_verified,status,enabled,created,modified,tier,/)
  expect(lines).toHaveLength(SEEDED_USERS + 1)
  expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(SEEDED_USERS)
})
