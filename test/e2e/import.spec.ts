/**
 * Registration from a CSV file on the Register screen, on a fresh sandbox with the real main-process
 * handlers: the preview of a file holding one row of every bad kind names each kind and marks the
 * rows, AdminCreateUser (invitation suppressed) creates the good rows, the results CSV is saved and
 * holds every row, and the same file chosen again is recognised as imported before; an import left
 * paused is offered at the next visit and finishes when resumed.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { launchHarness } from '../harness/rendererHarness'
import { cleanEnv } from '../support/cliRunner'
import { expect, screenshot, setColorScheme, testWithOwnApp, THEMES, WINDOW_SIZES } from './fixtures'
import { expectInViewport, stored } from './users.fixtures'

const EVERY_PROBLEM = join(__dirname, '../fixtures/import/every-problem.csv')

/** Every file the open dialog's stand-in is asked for is the one that holds every kind of bad row. */
const test = testWithOwnApp(({ dataDir, saveDir }) => launchHarness({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir }), saveDir, openFile: EVERY_PROBLEM }))

/**
 * Screenshots named import-<state>-<width>x<height>-<theme>.png at both window sizes in both colour
 * modes; at each, the window itself does not scroll and the step's main button is wholly in view.
 */
async function shootStates(page: Page, state: string, button: string): Promise<void> {
  for (const theme of THEMES) {
    await setColorScheme(page, theme)
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size)
      expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0)
      await expectInViewport(page, page.getByRole('button', { name: button }))
      await screenshot(page, `import-${state}-${size.width}x${size.height}-${theme}`)
    }
  }
  await setColorScheme(page, 'light')
}

test('imports a CSV file: preview of every bad kind, AdminCreateUser, results CSV, and the same file again', async ({ harness }) => {
  const page = harness.page
  await shootStates(page, 'one-user', 'Register user')
  // The file's existing_user row is "already in the pool" only once someone registered it.
  await page.getByLabel('Username', { exact: true }).fill('existing_user')
  await page.getByLabel('Email', { exact: true }).fill('existing@example.com')
  await page.getByLabel('Password', { exact: true }).fill('Str0ng!Pass')
  await page.getByRole('button', { name: 'Register user' }).click()
  await expect(page.getByRole('region', { name: 'Registered existing_user' })).toBeVisible()

  await page.getByText('From a CSV file', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Register users from a CSV file' })).toBeVisible()
  await shootStates(page, 'choose', 'Choose CSV file…')
  await page.getByRole('button', { name: 'Choose CSV file…' }).click()
  await expect(page.getByRole('heading', { name: 'every-problem.csv' })).toBeVisible()
  const counts = page.getByRole('status', { name: 'What the file holds' })
  await expect(counts).toContainText('10 rows · 2 to create · 8 left out')
  for (const kind of ['bad username: 1', 'bad email: 1', 'bad password: 1', 'duplicate: 2', 'unknown tier: 1', 'bad attribute: 1', 'already in the pool: 1'])
    await expect(counts).toContainText(kind)
  await expect(counts).toContainText('1 without password')
  const preview = page.getByRole('table', { name: 'Preview by row' })
  await expect(preview.getByRole('row').filter({ hasText: 'di_import' })).toContainText('skip')
  await expect(preview.getByRole('row').filter({ hasText: 'di_import' })).toHaveClass(/import-bad/)
  await expect(preview.getByRole('row').filter({ hasText: 'gus_import' })).toContainText('create')

  await page.getByRole('radio', { name: 'Send each person a sign-up code' }).check()
  await expect(page.getByRole('alert')).toContainText('1 row has no password')
  await expect(page.getByRole('button', { name: 'Create 1 user' })).toBeVisible()
  await page.getByRole('radio', { name: 'Invite with a temporary password' }).check()
  await page.getByRole('radio', { name: 'Suppress it' }).check()
  await shootStates(page, 'preview', 'Create 2 users')
  // At the small window every skip reason is whole, wrapped in its cell, none cut off.
  await page.setViewportSize(WINDOW_SIZES[0])
  const cut = await preview.locator('td.import-reason').evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length)
  expect(cut).toBe(0)
  await page.setViewportSize(WINDOW_SIZES[1])
  await page.getByRole('checkbox', { name: 'Bad rows only' }).check()
  await expect(preview.getByRole('row')).toHaveCount(9)
  await page.getByRole('checkbox', { name: 'Bad rows only' }).uncheck()

  await page.getByRole('button', { name: 'Create 2 users' }).click()
  await expect(page.getByRole('heading', { name: 'Finished' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('status', { name: 'Import counts' })).toContainText('10/10 rows · 2 created · 0 existed · 8 skipped · 0 failed')
  const results = page.getByRole('table', { name: 'Results by row' })
  await expect(results.getByRole('row', { name: /^2 ada_import / })).toContainText('created')
  expect((await stored(harness, 'ada_import')).tier).toEqual({ kind: 'tier', tier: 'premium' })
  expect((await stored(harness, 'gus_import')).tier).toEqual({ kind: 'tier', tier: 'standard' })
  await shootStates(page, 'done', 'Save results CSV…')

  await page.getByRole('button', { name: 'Save results CSV…' }).click()
  const saved = page.getByText(/^Saved \d+ rows to /)
  await expect(saved).toBeVisible()
  const savedPath = /^Saved \d+ rows to (.*)$/.exec((await saved.textContent())!)![1]!
  await page.getByRole('button', { name: 'Show in folder' }).click()
  await expect.poll(() => harness.shownInFolder).toEqual([savedPath])
  const lines = readFileSync(savedPath, 'utf8').trim().split(/\r?\n/)
  expect(lines[0]).toBe('line,username,email,tier,outcome,reason,ticket_or_reason')
  expect(lines).toHaveLength(11)
  expect(lines.some((line) => line.startsWith('2,ada_import,ada@example.com,premium,created'))).toBe(true)
  expect(lines.some((line) => /^6,di_import,.*,skipped,/.test(line))).toBe(true)

  await page.getByRole('button', { name: 'Choose another file…' }).click()
  await expect(page.getByRole('note')).toContainText(/This file was imported on .*: 2 users created then; they are marked as already in the pool/)
  await expect(counts).toContainText('10 rows · 0 to create · 10 left out')
  await expect(counts).toContainText('already in the pool: 3')
  await expect(page.getByRole('table', { name: 'Preview by row' }).getByRole('row').filter({ hasText: 'gus_import' })).toContainText('skip')
  await expect(page.getByText('Nothing to create: every row is left out.')).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Invite with a temporary password' })).toBeHidden()
  await shootStates(page, 'again', 'Choose another file…')
})

test('offers a paused import for resume and finishes it', async ({ harness, folders }) => {
  const page = harness.page
  const imports = harness.app.services().imports
  const file = join(folders.saveDir, 'many.csv')
  const names = Array.from({ length: 120 }, (_, i) => `paused_${i}`)
  writeFileSync(file, ['username,email', ...names.map((name) => `${name},${name}@example.com`)].join('\n'))
  const preview = await imports.preview({ path: file })
  await imports.start(preview.jobId, { method: 'admin-create', invitation: 'suppress' })
  await imports.pause(preview.jobId)

  const notice = page.getByRole('status').filter({ hasText: 'An import of many.csv' })
  await expect(notice).toContainText('is paused')
  await notice.getByRole('button', { name: 'Open to resume' }).click()
  await expect(page.getByRole('heading', { name: 'Paused (can be resumed)' })).toBeFocused()
  await expect(notice).toBeHidden()
  await shootStates(page, 'paused', 'Resume')
  await page.getByRole('button', { name: 'Resume' }).click()
  await expect(page.getByRole('heading', { name: 'Finished' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('status', { name: 'Import counts' })).toContainText('120/120 rows · 120 created · 0 existed · 0 skipped · 0 failed')
  expect((await stored(harness, 'paused_119')).tier).toEqual({ kind: 'tier', tier: 'standard' })
})
