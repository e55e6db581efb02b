/**
 * "Why can't this person sign in?" answered in one line, from the user as Cognito has them and the
 * pool's security settings: the first thing that stops them, and the actions that fix it. Worked out
 * in main (the user's page, the CLI's `get`) so every front end says the same.
 */
import type { MfaMethod, PoolSecurity, SignInVerdict, UserMfa } from './support'

/** What the verdict needs to know of the user. */
export interface VerdictUser {
  status: string
  enabled: boolean
  createdAt: string | null
  email: string | null
  emailVerified: boolean
  phone: string | null
  phoneVerified: boolean
  /** Absent when not read (a list row): MFA is then not judged. */
  mfa?: UserMfa
  identities: { providerName: string }[]
}

export interface VerdictContext {
  pool: PoolSecurity
  now: Date
  /** When the temporary password was last set, where this app set it since creation (the audit trail knows). */
  temporaryPasswordSince?: string
  /** Failed or blocked sign-ins threat protection recorded in the last day; absent where it records none. */
  recentFailures?: number
}

const DAY_MS = 86_400_000

/** "3 Dec 2026" (UTC): the day a temporary password expires, in every front end alike. */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
}

export function signInVerdict(user: VerdictUser, context: VerdictContext): SignInVerdict {
  if (!user.enabled) {
    return { canSignIn: false, reason: 'disabled', headline: 'Cannot sign in: the account is disabled', fixes: ['enable'] }
  }
  switch (user.status) {
    case 'EXTERNAL_PROVIDER':
      return {
        canSignIn: true,
        reason: 'external-provider',
        headline: `Signs in through ${providersOf(user)}`,
        detail: 'There is no password in this pool for them: password resets and temporary passwords do not apply.',
        fixes: []
      }
    case 'UNCONFIRMED':
      return {
        canSignIn: false,
        reason: 'unconfirmed',
        headline: 'Cannot sign in: the sign-up was never confirmed',
        detail: 'They need the confirmation code sent when they signed up; send a new one, or confirm them without a code if you know the address is theirs.',
        fixes: ['confirm-with-code', 'resend-code', 'admin-confirm']
      }
    case 'FORCE_CHANGE_PASSWORD':
      return temporaryPasswordVerdict(user, context)
    case 'RESET_REQUIRED':
      return resetVerdict(user)
    case 'COMPROMISED':
      return { canSignIn: false, reason: 'other-status', headline: 'Cannot sign in: the password is marked compromised', fixes: ['set-password'] }
    case 'CONFIRMED':
      return mfaVerdict(user, context) ?? failuresVerdict(context) ?? { canSignIn: true, reason: 'ok', headline: 'Can sign in', fixes: [] }
    default:
      return { canSignIn: false, reason: 'other-status', headline: `Cannot sign in: the account is ${user.status}`, fixes: [] }
  }
}

function providersOf(user: VerdictUser): string {
  const names = [...new Set(user.identities.map((identity) => identity.providerName))]
  return names.length ? names.join(' and ') : 'an external identity provider'
}

function temporaryPasswordVerdict(user: VerdictUser, { pool, now, temporaryPasswordSince }: VerdictContext): SignInVerdict {
  const since = [temporaryPasswordSince, user.createdAt]
    .filter((iso): iso is string => Boolean(iso))
    .sort()
    .at(-1)
  if (!since) {
    return {
      canSignIn: true,
      reason: 'temporary-password',
      headline: 'Must choose a new password at first sign-in',
      fixes: ['resend-invite', 'set-temporary-password']
    }
  }
  const expires = new Date(Date.parse(since) + pool.temporaryPasswordValidityDays * DAY_MS).toISOString()
  if (Date.parse(expires) < now.getTime()) {
    return {
      canSignIn: false,
      reason: 'temporary-password-expired',
      headline: `Cannot sign in: the temporary password expired on ${formatDay(expires)}`,
      detail: `Temporary passwords work for ${pool.temporaryPasswordValidityDays} days on this pool. Set a new temporary password, or send the invitation again.`,
      fixes: ['set-temporary-password', 'resend-invite']
    }
  }
  return {
    canSignIn: true,
    reason: 'temporary-password',
    headline: `Can sign in with the temporary password until ${formatDay(expires)}, then must choose a new one`,
    fixes: ['resend-invite', 'set-temporary-password']
  }
}

function resetVerdict(user: VerdictUser): SignInVerdict {
  if (user.emailVerified || user.phoneVerified) {
    return {
      canSignIn: false,
      reason: 'reset-required',
      headline: 'Cannot sign in until they choose a new password with the reset code',
      detail: `The code goes to their verified ${user.emailVerified ? 'email address' : 'phone number'}. You can also set a password for them.`,
      fixes: ['set-password']
    }
  }
  return {
    canSignIn: false,
    reason: 'reset-required-no-contact',
    headline: 'Cannot sign in: a password reset is required, and there is no verified email or phone to send the code to',
    detail: 'Mark an address as verified if you checked it another way, or set a password for them.',
    fixes: [...(user.email ? (['mark-email-verified'] as const) : []), ...(user.phone ? (['mark-phone-verified'] as const) : []), 'set-password']
  }
}

/** Whether a method can reach the user: SMS needs a phone number, an email code an address; an authenticator app cannot be checked. */
function reaches(method: MfaMethod, user: VerdictUser): boolean {
  return method === 'SMS' ? Boolean(user.phone) : method === 'EMAIL' ? Boolean(user.email) : true
}

function mfaVerdict(user: VerdictUser, { pool }: VerdictContext): SignInVerdict | null {
  if (pool.mfaConfiguration !== 'ON' || !user.mfa) return null
  const usable = user.mfa.enabled.filter((method) => pool.mfaMethods.includes(method) && reaches(method, user))
  if (usable.length) return null
  if (user.mfa.enabled.length) {
    return {
      canSignIn: false,
      reason: 'mfa-required-no-method',
      headline: 'Cannot sign in: the pool requires MFA and none of their methods can reach them',
      detail: `Their methods: ${user.mfa.enabled.join(', ')}. Reset their MFA so they set it up again at the next sign-in.`,
      fixes: ['reset-mfa']
    }
  }
  const setUp = pool.mfaMethods.filter((method) => reaches(method, user))
  if (setUp.length) return null
  return {
    canSignIn: false,
    reason: 'mfa-required-no-method',
    headline: 'Cannot sign in: the pool requires MFA and they have no way to set it up',
    detail: `The pool offers ${pool.mfaMethods.join(', ') || 'no method'}; add a phone number or an email address they can receive codes at.`,
    fixes: []
  }
}

function failuresVerdict({ recentFailures }: VerdictContext): SignInVerdict | null {
  if (!recentFailures) return null
  const times = recentFailures === 1 ? 'one failed or blocked sign-in' : `${recentFailures} failed or blocked sign-ins`
  return { canSignIn: true, reason: 'recent-failures', headline: `Can sign in; ${times} in the last day`, fixes: ['review-events'] }
}

/** How recent a failure must be to count. */
export const RECENT_FAILURE_MS = DAY_MS
