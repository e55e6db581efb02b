/**
 * The full export from the Statistics screen's Export menu on the seeded sandbox: "All users, every
 * attribute…" asks where to save (the harness's stand-in dialog), main streams every user there, and
 * the screen says where the file went, with "Show in folder". The file is read back: one row per user.
 */
import { readFileSync } from 'node:fs'
import { screenshot, testWithOwnApp } from './fixtures'
import { expect, SEEDED_USERS, seededApp } from './users.fixtures'

const test = testWithOwnApp(seededApp)

test('exports every user to the chosen file and says where it went', async ({ harness, folders }) => {
  const page = harness.page
  await page.getByRole('navigation').getByRole('button', { name: 'Statistics', exact: true }).click()
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByRole('group', { name: 'Exports' }).getByRole('button', { name: 'All users, every attribute…' }).click()
  const section = page.getByRole('region', { name: 'Export all users' })
  const status = section.getByRole('status')
  await expect(status).toHaveText(new RegExp(`^Saved ${SEEDED_USERS} users to .*tier-admin-users-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
  await screenshot(page, '12-statistics-full-export-done')
  const path = /to (.*\.csv)$/.exec((await status.textContent()) ?? '')![1]!
  expect(path.startsWith(folders.saveDir)).toBe(true)
  await section.getByRole('button', { name: 'Show in folder' }).click()
  await expect.poll(() => harness.shownInFolder).toEqual([path])
  const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n')
  expect(lines[0]).toMatch(/^username,sub,email,email_verified,status,enabled,created,modified,tier,/)
  expect(lines).toHaveLength(SEEDED_USERS + 1)
  expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(SEEDED_USERS)
})
