import { create } from 'zustand'
import type { WriteOperation } from '../../../../shared/contract'

/** One write waiting for the operator's yes or no. */
interface PendingConfirmation {
  operation: WriteOperation
  /** The pool's name when known, else its ID: what the dialog names. */
  poolLabel: string
  userPoolId: string
  profileName: string
  answer: (confirmed: boolean) => void
}

interface ProductionConfirmState {
  pending: PendingConfirmation | null
  /** Shows the dialog; resolves with the operator's answer. A second ask while one is open is refused (false). */
  ask: (request: Omit<PendingConfirmation, 'answer'>) => Promise<boolean>
}

/** The question the api wrapper asks before every write to a production profile's pool; ProductionConfirmHost shows it. */
export const useProductionConfirm = create<ProductionConfirmState>((set, get) => ({
  pending: null,
  ask: (request) =>
    new Promise<boolean>((resolve) => {
      if (get().pending) {
        resolve(false)
        return
      }
      set({
        pending: {
          ...request,
          answer: (confirmed) => {
            set({ pending: null })
            resolve(confirmed)
          }
        }
      })
    })
}))

/** What each write does, in the dialog's words. */
export const WRITE_WORDS: Record<WriteOperation, string> = {
  register: 'register a new user',
  finishRegistration: 'finish a registration (set the tier it meant to give)',
  confirm: 'confirm a user with a code',
  resendCode: 'send a user a new confirmation code',
  adminConfirm: 'confirm a user without a code',
  setTier: "change a user's tier",
  enableUser: 'enable a user',
  disableUser: 'disable a user',
  resetPassword: "reset a user's password",
  resendInvite: 'resend an invitation',
  signOutEverywhere: 'sign a user out everywhere',
  verifyEmail: "mark a user's email verified",
  deleteUser: 'delete a user',
  addToGroup: 'add a user to a group',
  removeFromGroup: 'remove a user from a group',
  setAttributes: "change a user's attributes",
  deleteAttributes: "remove a user's attributes",
  setPassword: "set a user's password",
  resetMfa: "reset a user's MFA",
  forgetDevice: "forget a user's device",
  eventFeedback: 'rate a sign-in event',
  unlinkIdentity: "unlink a user's external sign-in",
  extendReturn: "move a user's tier return to a new date",
  cancelReturn: "cancel a user's tier return (they keep the granted tier)",
  bulkStart: 'start a bulk tier change',
  importStart: 'start importing users',
  applyDoctorFix: 'apply a pool doctor fix (add custom:user_tier, or make the tier read-only for an app client)'
}
