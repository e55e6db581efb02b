/**
 * What each header action asks before it runs, as much as its risk calls for: enabling and sending a
 * new code are done at once; what locks someone out, sends them mail, or vouches for an address asks first.
 */
import type { PoolInfo, UserDetail } from '../../../../shared/domain'
import { MFA_METHOD_WORDS } from '../../../../shared/support'
import type { AccountAction } from './accountCalls'

export interface Question {
  title: string
  body: string
  confirm: string
}

/** What the user meets at their next sign-in once their MFA is reset, on this pool. */
export function mfaResetWords(pool: PoolInfo | null): string {
  const security = pool?.security
  if (!security) return 'Their MFA methods are turned off. What they are asked next depends on the pool’s MFA setting, which could not be read.'
  const offered = security.mfaMethods.map((method) => MFA_METHOD_WORDS[method]).join(' or ') || 'a method'
  if (security.mfaConfiguration === 'ON') {
    return `Their MFA methods are turned off. This pool requires MFA, so at their next sign-in Cognito asks them to set up ${offered} before they get in.`
  }
  if (security.mfaConfiguration === 'OPTIONAL') {
    return 'Their MFA methods are turned off. MFA is optional on this pool: they sign in with their password alone until they turn it on again.'
  }
  return 'This pool does not use MFA; their stored MFA choices are cleared and nothing changes at sign-in.'
}

export function questionFor(action: AccountAction, user: UserDetail, pool: PoolInfo | null): Question | null {
  const name = user.username
  switch (action) {
    case 'disable':
      return {
        title: 'Disable this account?',
        body: `${name} will not be able to sign in until the account is enabled again. Their data, tier and groups are kept.`,
        confirm: 'Disable'
      }
    case 'resetPassword':
      return {
        title: 'Reset the password?',
        body: `${name}'s current password stops working at once. Cognito sends them a code, and they must choose a new password before they can sign in.`,
        confirm: 'Reset password'
      }
    case 'resendInvite':
      return {
        title: 'Send the invitation again?',
        body: `${name} gets a new invitation with a new temporary password; the one sent before stops working.`,
        confirm: 'Send invitation'
      }
    case 'signOut':
      return {
        title: 'Sign out on every device?',
        body: `${name}'s sessions are revoked: every app they use asks them to sign in again within the hour.`,
        confirm: 'Sign out everywhere'
      }
    case 'adminConfirm':
      return {
        title: 'Confirm without a code?',
        body: `Do this only if you know ${user.email ?? user.phone ?? 'the address they signed up with'} is theirs: ${name} can then sign in with the password they chose, and the code sent to them stops mattering.`,
        confirm: 'Confirm without code'
      }
    case 'verifyEmail':
      return {
        title: 'Mark the email verified?',
        body: `Only if you checked another way that ${user.email ?? 'the address'} is ${name}'s: Cognito will send their password-reset codes there.`,
        confirm: 'Mark verified'
      }
    case 'verifyPhone':
      return {
        title: 'Mark the phone number verified?',
        body: `Only if you checked another way that ${user.phone ?? 'the number'} is ${name}'s: Cognito will send their codes there by text message.`,
        confirm: 'Mark verified'
      }
    case 'resetMfa':
      return { title: `Reset ${name}'s MFA?`, body: mfaResetWords(pool), confirm: 'Reset MFA' }
    case 'enable':
    case 'resendCode':
      return null
  }
}
