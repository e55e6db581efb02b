/**
 * A bulk tier change from the Users screen, on the seeded sandbox: the shown results open the bulk
 * panel, the preview marks who is skipped, Apply changes the rest (checked in the emulator), the
 * results download as CSV; and a paused job is offered for resume.
 */
import { readFileSync } from 'node:fs'
import { testWithOwnApp } from './fixtures'
import { expect, find, openUsersScreen, seededApp, shootStates, stored } from './users.fixtures'

const test = testWithOwnApp(seededApp)

test.describe.configure({ mode: 'serial' })

test('changes the tier of the shown users, after a preview, and saves the results', async ({ harness }) => {
  const page = harness.page
  await openUsersScreen(page)
  await find(page, 'seed_0001')
  // A rarely used control: in the screen's "More" menu.
  await page.getByRole('button', { name: 'More' }).click()
  await expect(page.getByRole('menuitem', { name: 'Change tier of 10 shown…' })).toBeVisible()
  await shootStates(page, 'bulk-entry')
  await page.getByRole('menuitem', { name: 'Change tier of 10 shown…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Change tier of 10 users' })
  await dialog.getByLabel('Target tier').selectOption('premium')
  await dialog.getByRole('button', { name: 'Preview' }).click()
  // The seed makes seed_00014 and seed_00017 premium already, and seed_00012 "gold" (see seedSandbox).
  await expect(dialog.getByRole('status')).toContainText('8 will change; 2 skipped')
  await expect(dialog.getByRole('row').filter({ hasText: 'seed_00014' })).toContainText('already at target')
  await expect(dialog.getByRole('row').filter({ hasText: 'seed_00012' })).toContainText('gold → premium')
  await shootStates(page, 'bulk-preview')

  await dialog.getByRole('button', { name: 'Apply 8 changes' }).click()
  await expect(dialog.getByRole('heading', { name: 'Finished' })).toBeVisible()
  await expect(dialog.getByRole('status')).toContainText('10/10 rows · 8 changed · 2 skipped · 0 conflicts · 0 failed')
  await expect(dialog.getByRole('row').filter({ hasText: 'seed_00012' })).toContainText('changed')
  for (let i = 10; i < 20; i++) expect((await stored(harness, `seed_000${i}`)).tier).toEqual({ kind: 'tier', tier: 'premium' })
  await shootStates(page, 'bulk-done')

  await dialog.getByRole('button', { name: 'Download results CSV' }).click()
  await expect(dialog.getByText(/^Saved to /)).toBeVisible()
  const path = (await dialog.getByText(/^Saved to /).textContent())!.replace('Saved to ', '')
  const lines = readFileSync(path, 'utf8').trim().split('\r\n')
  expect(lines).toHaveLength(11)
  expect(lines.some((line) => /^\d+,seed_00012,gold,premium,changed,$/.test(line))).toBe(true)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
})

test('offers a paused bulk change for resume and finishes it', async ({ harness }) => {
  const page = harness.page
  const bulk = harness.app.services().bulk
  const rows = Array.from({ length: 100 }, (_, i) => ({ username: `seed_00${200 + i}`, tier: 'standard' }))
  const preview = await bulk.preview({ rows })
  await bulk.start(preview.jobId)
  await bulk.pause(preview.jobId)
  const notice = page.getByRole('status').filter({ hasText: 'A bulk tier change of' })
  await expect(notice).toContainText('is paused')
  await notice.getByRole('button', { name: 'Open to resume' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { name: 'Paused (can be resumed)' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Resume' }).click()
  await expect(dialog.getByRole('heading', { name: 'Finished' })).toBeVisible({ timeout: 30_000 })
  await expect(dialog.getByRole('status')).toContainText(`${preview.changes} changed`)
  await expect(notice).toBeHidden()
})
