/**
 * A bulk tier change from the Users screen, on the seeded sandbox: the shown results open the bulk
 * panel, the preview marks who is skipped, Apply changes the rest (checked in the emulator), the
 * results download as CSV with the ticket or reason typed in the panel, and the panel says when the
 * changes take effect; a paused job is offered for resume; and a change until a date says so before Apply.
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
  await dialog.getByRole('textbox', { name: /Ticket or reason/ }).fill('TICKET-4410 spring promotion')
  await shootStates(page, 'bulk-preview')

  await dialog.getByRole('button', { name: 'Apply 8 changes' }).click()
  await expect(dialog.getByRole('heading', { name: 'Finished' })).toBeVisible()
  await expect(dialog.getByRole('status')).toContainText('10/10 rows · 8 changed · 2 skipped · 0 conflicts · 0 failed')
  await expect(dialog.getByRole('row').filter({ hasText: 'seed_00012' })).toContainText('changed')
  for (let i = 10; i < 20; i++) expect((await stored(harness, `seed_000${i}`)).tier).toEqual({ kind: 'tier', tier: 'premium' })
  await expect(dialog.getByRole('note', { name: 'When the change takes effect' })).toContainText(
    "The customer's apps see the new tier at their next token refresh"
  )
  await shootStates(page, 'bulk-done')

  await dialog.getByRole('button', { name: 'Download results CSV' }).click()
  const saved = dialog.getByText(/^Saved \d+ rows to /)
  await expect(saved).toBeVisible()
  const path = /^Saved \d+ rows to (.*)$/.exec((await saved.textContent())!)![1]!
  await dialog.getByRole('button', { name: 'Show in folder' }).click()
  await expect.poll(() => harness.shownInFolder).toEqual([path])
  const lines = readFileSync(path, 'utf8').trim().split('\r\n')
  expect(lines).toHaveLength(11)
  expect(lines.some((line) => /^\d+,seed_00012,gold,premium,changed,,,TICKET-4410 spring promotion$/.test(line))).toBe(true)
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

test('grants the shown users premium until a date: the panel says it before Apply, and each row gets its return', async ({ harness }) => {
  const page = harness.page
  // The resumed job's panel of the test before stays open.
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
  await openUsersScreen(page)
  await find(page, 'seed_0002')
  await page.getByRole('button', { name: 'More' }).click()
  await page.getByRole('menuitem', { name: 'Change tier of 10 shown…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Change tier of 10 users' })
  await dialog.getByLabel('Target tier').selectOption('premium')
  await dialog.getByLabel(/Until/).fill('2027-01-15T09:00')
  await expect(dialog.getByText(/does not cancel a pending return/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Preview' }).click()
  // With an end date, the users already premium (seed_00022, seed_00025) are not skipped: they get their return.
  await expect(dialog.getByRole('status')).toContainText('10 will change; 0 skipped')
  await expect(dialog.getByTestId('bulk-return-note')).toContainText('Until 15 Jan 2027, 09:00, then standard')
  await dialog.getByRole('textbox', { name: /Ticket or reason/ }).fill('TICKET-4420 trial month')
  await shootStates(page, 'bulk-until')

  await dialog.getByRole('button', { name: 'Apply 10 changes' }).click()
  await expect(dialog.getByRole('heading', { name: 'Finished' })).toBeVisible({ timeout: 30_000 })
  await expect(dialog.getByRole('status')).toContainText('10 changed')
  await dialog.getByRole('button', { name: 'Download results CSV' }).click()
  const saved = dialog.getByText(/^Saved \d+ rows to /)
  await expect(saved).toBeVisible()
  const lines = readFileSync(/^Saved \d+ rows to (.*)$/.exec((await saved.textContent())!)![1]!, 'utf8')
    .trim()
    .split('\r\n')
  expect(lines[0]).toBe('row,username,from,to,outcome,reason,return,ticket_or_reason')
  expect(lines.slice(1).every((line) => /,\d{4}-\d{2}-\d{2}T[\d:.]+Z → standard,TICKET-4420 trial month$/.test(line))).toBe(true)
  expect(lines.some((line) => line.includes('seed_00022,premium,premium,changed,already at target; return scheduled'))).toBe(true)
})
