/**
 * The Users screen's account actions against a real cognito-local sandbox, including the operations
 * the sandbox adds or corrects so it behaves as Cognito documents (AdminResetUserPassword,
 * AdminUserGlobalSignOut, AdminCreateUser RESEND, ConfirmSignUp of a confirmed user).
 */
import { AdminCreateUserCommand, CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toAppError } from '../../../src/main/cognito/errorMapping'
import { provisioningClient } from '../../../src/main/sandbox/sandboxPool'
import * as actions from '../../../src/main/users/accountActions'
import { confirmWithCode, resendCode } from '../../../src/main/registration/confirmation'
import { addToGroup, removeFromGroup, userGroups } from '../../../src/main/users/groups'
import { userHistory } from '../../../src/main/audit/userHistory'
import { registerUser } from '../../../src/main/registration/registration'
import { getUser, searchUsers, setTier } from '../../../src/main/users/users'
import { openTestSandbox } from '../../support/sandboxConnection'

type Sandbox = Awaited<ReturnType<typeof openTestSandbox>>
let sandbox: Sandbox
const strong = 'Secure#Pass123'

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error, 'expected a failure').not.toBeNull()
  return toAppError(error).code
}

beforeAll(async () => {
  sandbox = await openTestSandbox()
  const { connection, schema } = sandbox
  await registerUser(connection, schema, { username: 'ann', email: 'ann@example.com', password: strong, tier: 'premium' })
  await confirmWithCode(connection, 'ann', connection.sandbox!.outbox.latestCodeFor('ann')!)
})
afterAll(async () => sandbox?.close())

describe('account actions on the sandbox', () => {
  it('confirms an email on confirmation, as Cognito does, and says a confirmed user is already confirmed', async () => {
    const { connection } = sandbox
    expect((await getUser(connection.gateway, 'ann')).emailVerified).toBe(true)
    expect(await codeOf(confirmWithCode(connection, 'ann', '123456'))).toBe('ALREADY_CONFIRMED')
    expect(await codeOf(resendCode(connection, 'ann'))).toBe('ALREADY_CONFIRMED')
    expect(connection.sandbox!.outbox.list().find((m) => m.username === 'ann')?.state).toBe('used')
  })

  it('disables and enables, signs out everywhere, and resets a password with a code in the outbox', async () => {
    const { gateway, sandbox: emulator } = sandbox.connection
    const disabled = await actions.disableUser(gateway, 'ann')
    expect(disabled.user?.enabled).toBe(false)
    expect(disabled.message).toMatch(/ann is disabled/)
    const names = async (status: string) => (await searchUsers(gateway, { query: status, by: 'status', match: 'exact' })).users.map((u) => u.username)
    expect(await names('Disabled')).toEqual(['ann'])
    expect((await actions.enableUser(gateway, 'ann')).user?.enabled).toBe(true)
    expect(await names('Disabled')).toEqual([])
    expect(await names('Enabled')).toContain('ann')
    expect((await actions.signOutEverywhere(gateway, 'ann')).message).toMatch(/signed out on every device/)
    const reset = await actions.resetPassword(gateway, 'ann')
    expect(reset.user?.status).toBe('RESET_REQUIRED')
    expect(emulator!.outbox.list()[0]).toMatchObject({ username: 'ann', reason: 'ForgotPassword', state: 'current' })
  })

  it('resends an invitation only to an invited user who has not signed in', async () => {
    const { gateway, sandbox: emulator } = sandbox.connection
    expect(await codeOf(actions.resendInvite(gateway, 'ann'))).toBe('USER_STATE')
    await gateway.send(
      new AdminCreateUserCommand({
        UserPoolId: gateway.userPoolId,
        Username: 'invited',
        UserAttributes: [{ Name: 'email', Value: 'inv@example.com' }],
        DesiredDeliveryMediums: ['EMAIL']
      })
    )
    const first = emulator!.outbox.latestCodeFor('invited')
    const resent = await actions.resendInvite(gateway, 'invited')
    expect(resent.user?.status).toBe('FORCE_CHANGE_PASSWORD')
    expect(emulator!.outbox.latestCodeFor('invited')).not.toBe(first)
  })

  it('marks an email verified, and refuses a user without one', async () => {
    const { gateway } = sandbox.connection
    await registerUser(sandbox.connection, sandbox.schema, { username: 'unverified', email: 'u@example.com', password: strong })
    expect((await actions.verifyEmail(gateway, 'unverified')).user?.emailVerified).toBe(true)
    expect((await actions.verifyEmail(gateway, 'unverified')).message).toMatch(/already verified/)
  })

  it('adds to and removes from groups the pool has, and refuses one it has not', async () => {
    const { gateway, sandbox: emulator } = sandbox.connection
    const client = provisioningClient(emulator!.endpoint(), emulator!.credential())
    await client.send(new CreateGroupCommand({ UserPoolId: gateway.userPoolId, GroupName: 'support', Description: 'Support staff' }))
    await client.send(new CreateGroupCommand({ UserPoolId: gateway.userPoolId, GroupName: 'beta' }))
    client.destroy()
    expect((await userGroups(gateway, 'ann')).available.map((g) => g.name)).toEqual(['beta', 'support'])
    const added = await addToGroup(gateway, 'ann', 'support')
    expect(added.member).toEqual([{ name: 'support', description: 'Support staff' }])
    expect(await codeOf(addToGroup(gateway, 'ann', 'nonexistent'))).toBe('GROUP_NOT_FOUND')
    expect((await removeFromGroup(gateway, 'ann', 'support')).member).toEqual([])
  })

  it('refuses a tier changed since it was shown unless told to overwrite, and deletes only when the name is typed', async () => {
    const { connection, schema } = sandbox
    // The operator saw "premium"; someone else set it to standard meanwhile.
    await setTier(connection.gateway, schema, { username: 'unverified', tier: 'premium' })
    const conflict = await setTier(connection.gateway, schema, { username: 'unverified', tier: 'standard', expected: '' }).catch((e: unknown) => toAppError(e))
    expect(conflict).toMatchObject({ code: 'TIER_CHANGED', message: expect.stringMatching(/it was no tier, it is now premium/) })
    const overwritten = await setTier(connection.gateway, schema, { username: 'unverified', tier: 'standard', expected: '', overwrite: true })
    expect(overwritten.user?.tier).toEqual({ kind: 'tier', tier: 'standard' })

    expect(await codeOf(actions.deleteUser(connection.gateway, 'unverified', 'unverifie'))).toBe('VALIDATION')
    expect((await actions.deleteUser(connection.gateway, 'unverified', 'unverified')).message).toMatch(/deleted/)
    expect(await codeOf(getUser(connection.gateway, 'unverified'))).toBe('USER_NOT_FOUND')
  })

  it("keeps each user's history from the audit trail, newest first, with who and the outcome", async () => {
    const history = await userHistory(sandbox.connection.audit, sandbox.connection.gateway.userPoolId, 'ann')
    const summaries = history.map((entry) => entry.summary)
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Registered with tier premium',
        'Confirmed with a code',
        'Disabled',
        'Enabled',
        'Password reset',
        'Added to group support',
        'Removed from group support'
      ])
    )
    expect(history.every((entry) => entry.outcome === 'ok' || entry.outcome === 'failed')).toBe(true)
    expect(history[0].at >= history[history.length - 1].at).toBe(true)
    expect(typeof history[0].osUser).toBe('string')
  })
})
