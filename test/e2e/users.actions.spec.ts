/**
 * What support staff do to an account from the user's page, each checked in the emulator afterwards:
 * enable, disable, mark the email verified, resend the invitation, reset the password, sign out
 * everywhere, groups, history, copy, delete; and the tier editor's two safety nets: a tier changed
 * behind the app's back is put to the operator before it is overwritten, and a change Cognito applied
 * is shown as saved even when reading the user back fails.
 */
import {
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  AdminUpdateUserAttributesCommand,
  CreateGroupCommand
} from '@aws-sdk/client-cognito-identity-provider'
import type { Page } from '@playwright/test'
import { provisioningClient } from '../../src/main/sandbox/sandboxPool'
import { APP_ORIGIN, type Harness } from '../harness/rendererHarness'
import { testWithOwnApp } from './fixtures'
import { backToResults, detailPanel, expect, find, openUser, openUsersScreen, resultRow, seededApp, shootStates, stored } from './users.fixtures'

/** This file's own app and seeded sandbox, for all its tests in turn. */
const test = testWithOwnApp(seededApp)

test.describe.configure({ mode: 'serial' })

const gateway = (harness: Harness) => harness.app.services().connection.gateway

/**
 * For what a person or another tool does to the sandbox and this app never sends (signing in, making a
 * group): straight to the emulator, not through the gateway, whose command table lists only the app's.
 */
function emulatorClient(harness: Harness) {
  const sandbox = harness.app.services().connection.sandbox!
  return provisioningClient(sandbox.endpoint(), sandbox.credential())
}

/** Writes a tier straight to the pool, as another operator or tool would. */
async function setTierBehindTheApp(harness: Harness, username: string, value: string): Promise<void> {
  await gateway(harness).send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: gateway(harness).userPoolId,
      Username: username,
      UserAttributes: [{ Name: 'custom:user_tier', Value: value }]
    })
  )
}

async function groupsOf(harness: Harness, username: string): Promise<string[]> {
  const output = await gateway(harness).send<{ Groups?: { GroupName?: string }[] }>(
    new AdminListGroupsForUserCommand({ UserPoolId: gateway(harness).userPoolId, Username: username })
  )
  return (output.Groups ?? []).map((group) => group.GroupName ?? '')
}

/** Confirms the open prompt, after checking it asks about the right thing. */
async function confirmPrompt(page: Page, question: RegExp, confirm: string): Promise<void> {
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(question)
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await dialog.getByRole('button', { name: confirm, exact: true }).click()
  await expect(dialog).toBeHidden()
}

/** Waits for the page to hold the user read on their own (a list row carries no MFA), so no later re-read changes what is shown. */
async function readWhole(page: Page, username: string): Promise<void> {
  await expect(detailPanel(page, username).getByRole('definition').filter({ hasText: 'not read' })).toHaveCount(0)
}

const status = (page: Page) => page.getByTestId('user-page').getByRole('status')
const toolbar = (page: Page) => page.getByTestId('user-page').getByRole('toolbar')

/** Runs an action of the page's "More ▾" menu. */
async function fromMore(page: Page, item: string): Promise<void> {
  await toolbar(page).getByRole('button', { name: 'More' }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

test('enables, disables and verifies the email, each seen in the emulator', async ({ harness }) => {
  const { page } = harness
  await openUsersScreen(page)
  await find(page, 'seed_001')
  // seed_00110 is disabled (every tenth seeded user is) and its email is not verified.
  await resultRow(page, 'seed_00110').click()
  const panel = detailPanel(page, 'seed_00110')
  await expect(panel).toContainText('Disabled')
  await toolbar(page).getByRole('button', { name: 'Enable', exact: true }).click()
  await expect(status(page)).toContainText('seed_00110 is enabled')
  await expect(status(page)).toBeFocused()
  expect((await stored(harness, 'seed_00110')).enabled).toBe(true)
  // The list the page was opened from shows the account as it is now.
  await backToResults(page)
  await expect(resultRow(page, 'seed_00110').getByRole('cell').nth(2)).toHaveText('Unconfirmed')
  await resultRow(page, 'seed_00110').click()

  await toolbar(page).getByRole('button', { name: 'Disable…' }).click()
  await shootStates(page, 'confirm-disable')
  await confirmPrompt(page, /cannot sign in|not be able to sign in/, 'Disable')
  await expect(status(page)).toContainText('seed_00110 is disabled')
  expect((await stored(harness, 'seed_00110')).enabled).toBe(false)
  await backToResults(page)
  await expect(resultRow(page, 'seed_00110').getByRole('cell').nth(2)).toHaveText('Disabled')
  await resultRow(page, 'seed_00110').click()

  await fromMore(page, 'Mark email verified…')
  await confirmPrompt(page, /checked another way/, 'Mark verified')
  await expect(status(page)).toContainText(/verified/)
  expect((await stored(harness, 'seed_00110')).emailVerified).toBe(true)
  await toolbar(page).getByRole('button', { name: 'More' }).click()
  await expect(page.getByRole('menuitem', { name: 'Mark email verified…' })).toBeHidden()
  await page.keyboard.press('Escape')
  await shootStates(page, 'action-done')
})

test('resends an invitation and resets a password; the history shows both', async ({ harness }) => {
  const { page } = harness
  const outbox = harness.app.services().connection.sandbox!.outbox
  // seed_00103 was invited (FORCE_CHANGE_PASSWORD); its email must be verified before a reset.
  await openUser(page, 'seed_00103')
  const panel = detailPanel(page, 'seed_00103')
  const mailsBefore = outbox.list().filter((message) => message.username === 'seed_00103').length
  await toolbar(page).getByRole('button', { name: 'Resend invitation…' }).click()
  await confirmPrompt(page, /new temporary password/, 'Send invitation')
  await expect(status(page)).toContainText('new invitation')
  expect(outbox.list().filter((message) => message.username === 'seed_00103').length).toBe(mailsBefore + 1)
  expect((await stored(harness, 'seed_00103')).status).toBe('FORCE_CHANGE_PASSWORD')

  await fromMore(page, 'Mark email verified…')
  await confirmPrompt(page, /checked another way/, 'Mark verified')
  await expect(status(page)).toContainText(/verified/)
  await toolbar(page).getByRole('button', { name: 'Reset password…' }).click()
  await confirmPrompt(page, /stops working/, 'Reset password')
  await expect(status(page)).toContainText('password is reset')
  expect((await stored(harness, 'seed_00103')).status).toBe('RESET_REQUIRED')
  await expect(panel).toContainText('Reset required')
  // The invitation is only for invited users: once reset, the panel no longer offers it.
  await expect(toolbar(page).getByRole('button', { name: 'Resend invitation…' })).toBeHidden()

  // Each action left its line in the audit trail, and the panel's history shows them newest first.
  await panel.getByRole('tab', { name: 'History' }).click()
  const history = panel.getByRole('list', { name: 'History' }).getByRole('listitem')
  await expect(history.first()).toContainText('Password reset')
  await expect(history.first()).toContainText('done')
  await expect(history.nth(1)).toContainText('Email marked verified')
  await expect(history.nth(2)).toContainText('Invitation sent again')
  await shootStates(page, 'history')
})

test('signs a user out everywhere: their refresh token stops working', async ({ harness }) => {
  const { page } = harness
  const { gateway: target, clientId } = harness.app.services().connection
  const signIn = (flow: 'ADMIN_USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH', parameters: Record<string, string>) =>
    emulatorClient(harness).send(
      new AdminInitiateAuthCommand({ UserPoolId: target.userPoolId, ClientId: clientId, AuthFlow: flow, AuthParameters: parameters })
    )
  // seed_00101 is confirmed with the seeded password: an app session for them, as a phone would hold.
  const session = await signIn('ADMIN_USER_PASSWORD_AUTH', { USERNAME: 'seed_00101', PASSWORD: 'Secure#Pass123' })
  const refreshToken = session.AuthenticationResult?.RefreshToken ?? ''
  await signIn('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken })

  await openUser(page, 'seed_00101')
  await fromMore(page, 'Sign out everywhere…')
  await confirmPrompt(page, /sign in again/, 'Sign out everywhere')
  await expect(status(page)).toContainText('signed out on every device')
  await expect(signIn('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken })).rejects.toThrow()
})

test('adds to and removes from a group', async ({ harness }) => {
  const { page } = harness
  for (const name of ['support', 'beta-testers']) {
    await emulatorClient(harness).send(new CreateGroupCommand({ UserPoolId: gateway(harness).userPoolId, GroupName: name }))
  }
  await openUser(page, 'seed_00104')
  await detailPanel(page, 'seed_00104').getByRole('tab', { name: 'Groups' }).click()
  const groups = page.getByRole('region', { name: 'Groups' })
  await expect(groups).toContainText('In no group.')
  await groups.getByLabel('Group to add the user to').selectOption('support')
  await groups.getByRole('button', { name: 'Add to group' }).click()
  await expect(groups.getByRole('status')).toContainText('seed_00104 is now in support')
  expect(await groupsOf(harness, 'seed_00104')).toEqual(['support'])
  await shootStates(page, 'groups')
  await groups.getByRole('button', { name: 'Remove from support' }).click()
  await expect(groups.getByRole('status')).toContainText('no longer in support')
  expect(await groupsOf(harness, 'seed_00104')).toEqual([])
})

test('copies the username, sub and email', async ({ harness }) => {
  const { page, context } = harness
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN })
  const user = await stored(harness, 'seed_00104')
  await openUsersScreen(page)
  await openUser(page, 'seed_00104')
  const panel = detailPanel(page, 'seed_00104')
  for (const [what, value] of [
    ['username', user.username],
    ['sub', user.sub],
    ['email', user.email ?? '']
  ]) {
    await panel.getByRole('button', { name: `Copy ${what}` }).click()
    await expect(panel.getByRole('button', { name: `Copy ${what}` })).toHaveText('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value)
  }
})

test('a tier changed behind the app is put to the operator before it is overwritten', async ({ harness }) => {
  const { page } = harness
  // seed_00107 has no tier (every eighth seeded user from the fourth).
  await find(page, 'seed_0010')
  await resultRow(page, 'seed_00107').click()
  const panel = detailPanel(page, 'seed_00107')
  await expect(panel).toContainText('This user has no tier')
  await readWhole(page, 'seed_00107')
  await setTierBehindTheApp(harness, 'seed_00107', 'premium')
  await page.getByLabel('Tier', { exact: true }).selectOption('standard')
  await page.getByRole('button', { name: 'Save tier' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('it was no tier, it is now premium')
  await shootStates(page, 'tier-conflict')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  // Declined: nothing written, and the panel now shows what the pool holds.
  await expect(panel.getByText('premium', { exact: true }).first()).toBeVisible()
  expect((await stored(harness, 'seed_00107')).tier).toEqual({ kind: 'tier', tier: 'premium' })

  await setTierBehindTheApp(harness, 'seed_00107', 'gold')
  await page.getByLabel('Tier', { exact: true }).selectOption('standard')
  await page.getByRole('button', { name: 'Save tier' }).click()
  await expect(dialog).toContainText('it was premium, it is now invalid: gold')
  await dialog.getByRole('button', { name: 'Overwrite with standard' }).click()
  await expect(panel.getByRole('status')).toContainText("Saved: seed_00107's tier is now standard (was invalid: gold)")
  expect((await stored(harness, 'seed_00107')).tier).toEqual({ kind: 'tier', tier: 'standard' })
  await backToResults(page)
  await expect(resultRow(page, 'seed_00107')).toContainText('standard')
})

test('a tier Cognito saved is shown as saved when reading the user back fails', async ({ harness }) => {
  const { page } = harness
  const target = gateway(harness)
  const send = target.send.bind(target)
  let justUpdated = false
  // The AdminGetUser right after the write fails once, as a dropped connection would.
  target.send = (async (command, options) => {
    const name = command.constructor.name
    if (name === 'AdminGetUserCommand' && justUpdated) {
      justUpdated = false
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })
    }
    const output = await send(command, options)
    if (name === 'AdminUpdateUserAttributesCommand') justUpdated = true
    return output
  }) as typeof target.send
  try {
    await find(page, 'seed_0010')
    await resultRow(page, 'seed_00109').click()
    const panel = detailPanel(page, 'seed_00109')
    await readWhole(page, 'seed_00109')
    await page.getByLabel('Tier', { exact: true }).selectOption('standard')
    await page.getByRole('button', { name: 'Save tier' }).click()
    const note = panel.getByRole('status')
    await expect(note).toContainText("Saved: seed_00109's tier is now standard")
    await expect(note).toContainText('could not be read again')
    await expect(note).toBeFocused()
    await expect(panel.getByRole('alert')).toBeHidden()
    await expect(panel.getByText('standard', { exact: true }).first()).toBeVisible()
    await backToResults(page)
    await expect(resultRow(page, 'seed_00109')).toContainText('standard')
    await shootStates(page, 'saved-not-refreshed')
  } finally {
    target.send = send
  }
  expect((await stored(harness, 'seed_00109')).tier).toEqual({ kind: 'tier', tier: 'standard' })
})

test('deletes a user only after the username is typed', async ({ harness }) => {
  const { page } = harness
  await openUser(page, 'seed_00105')
  await fromMore(page, 'Delete user…')
  const dialog = page.getByRole('dialog')
  const typed = dialog.getByLabel(/to confirm/)
  await expect(typed).toBeFocused()
  await expect(dialog.getByRole('button', { name: 'Delete user' })).toBeDisabled()
  await typed.fill('seed_0010')
  await expect(dialog.getByRole('button', { name: 'Delete user' })).toBeDisabled()
  await typed.fill('seed_00105')
  await shootStates(page, 'delete-dialog')
  await dialog.getByRole('button', { name: 'Delete user' }).click()
  await expect(dialog).toBeHidden()
  const done = page.getByRole('status').filter({ hasText: 'seed_00105' })
  await expect(done).toBeVisible()
  await expect(done).toBeFocused()
  await expect(resultRow(page, 'seed_00105')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'seed_00105' })).toHaveCount(0)
  await expect(stored(harness, 'seed_00105')).rejects.toThrow()
  await shootStates(page, 'deleted')
})
