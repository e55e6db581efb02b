/**
 * The header's actions (the toolbar and the verdict's fixes), each as one call to main answering in
 * the same shape: what was done, in a sentence, and the user as Cognito has them afterwards when main
 * read them back. Kept apart from the store so the store reads as what happens around a call.
 */
import type { AccountActionResult, UserDetail } from '../../../../shared/domain'
import type { Result } from '../../../../shared/errors'
import { api } from '../../api/api'

export type AccountAction =
  'enable' | 'disable' | 'verifyEmail' | 'verifyPhone' | 'resetPassword' | 'resendInvite' | 'signOut' | 'adminConfirm' | 'resendCode' | 'resetMfa'

/** What an action did: its sentence, and the user read back (null when main did not read them, or could not). */
export interface ActionDone {
  message: string
  user: UserDetail | null
  /** Why the user could not be read back, when main tried. */
  refreshError?: string
}

const fromAccountResult = (reply: Result<AccountActionResult>): Result<ActionDone> =>
  reply.ok ? { ok: true, data: { message: reply.data.message, user: reply.data.user, refreshError: reply.data.refreshError?.message } } : reply

export const ACCOUNT_CALLS: Record<AccountAction, (user: UserDetail) => Promise<Result<ActionDone>>> = {
  enable: async ({ username }) => fromAccountResult(await api.enableUser({ username })),
  disable: async ({ username }) => fromAccountResult(await api.disableUser({ username })),
  verifyEmail: async ({ username }) => fromAccountResult(await api.verifyEmail({ username })),
  // The number as it stands, marked verified: Cognito has no "verify phone" of its own for an administrator.
  verifyPhone: async ({ username, phone }) =>
    fromAccountResult(await api.setAttributes({ username, attributes: { phone_number: phone ?? '' }, markVerified: true })),
  resetPassword: async ({ username }) => fromAccountResult(await api.resetPassword({ username })),
  resendInvite: async ({ username }) => fromAccountResult(await api.resendInvite({ username })),
  signOut: async ({ username }) => fromAccountResult(await api.signOutEverywhere({ username })),
  resetMfa: async ({ username }) => fromAccountResult(await api.resetMfa({ username })),
  adminConfirm: async ({ username }) => {
    const reply = await api.adminConfirm({ username })
    return reply.ok ? { ok: true, data: { message: `${username} is confirmed without a code and can sign in with their password.`, user: null } } : reply
  },
  resendCode: async ({ username }) => {
    const reply = await api.resendCode({ username })
    if (!reply.ok) return reply
    const delivery = reply.data.delivery
    const where = delivery ? `to ${delivery.destination} (${delivery.medium.toLowerCase()})` : 'by the pool'
    return { ok: true, data: { message: `A new confirmation code was sent ${where}; the one sent before no longer works.`, user: null } }
  }
}

/** Confirms a sign-up with the code the person received, as they would have themselves. */
export async function confirmWithCode(username: string, code: string): Promise<Result<ActionDone>> {
  const reply = await api.confirm({ username, code })
  return reply.ok ? { ok: true, data: { message: `${username} is confirmed with their code and can sign in.`, user: null } } : reply
}
