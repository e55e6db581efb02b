/**
 * What the support desk reads about one person and their pool: the pool's security settings, MFA,
 * remembered devices, sign-in events, linked identities, and the sign-in verdict built from them
 * (signInVerdict.ts). Shared by main (which reads them from Cognito), the window and the CLI.
 */

/** An MFA method Cognito knows. */
export const MFA_METHODS = ['SMS', 'TOTP', 'EMAIL'] as const
export type MfaMethod = (typeof MFA_METHODS)[number]

export const MFA_METHOD_WORDS: Record<MfaMethod, string> = { SMS: 'text message', TOTP: 'authenticator app', EMAIL: 'email code' }

/** A user's MFA as AdminGetUser reports it. */
export interface UserMfa {
  enabled: MfaMethod[]
  preferred: MfaMethod | null
}

/** A sign-in through an external provider linked to this user (the `identities` attribute). */
export interface LinkedIdentity {
  providerName: string
  /** SAML, OIDC, Google, Facebook, SignInWithApple, LoginWithAmazon … */
  providerType: string
  /** The person's id at the provider. */
  userId: string
  primary: boolean
  dateCreated: string | null
}

/** One attribute of the pool's schema: what an administrator may write into it. */
export interface AttributeSchema {
  /** As Cognito names it: "email", "custom:company". */
  name: string
  type: 'String' | 'Number' | 'DateTime' | 'Boolean'
  custom: boolean
  /** False: set at creation, never changed (Cognito refuses the write). */
  mutable: boolean
  required: boolean
  minLength?: number
  maxLength?: number
  minValue?: number
  maxValue?: number
}

/** The pool's settings that decide how its users sign in and what the support desk may change. */
export interface PoolSecurity {
  mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL'
  /** Which MFA methods the pool can offer: SMS needs an SMS configuration, TOTP a software-token setting, EMAIL an email configuration. */
  mfaMethods: MfaMethod[]
  /** Threat protection (advanced security): sign-in events are recorded only when it is AUDIT or ENFORCED. */
  threatProtection: 'OFF' | 'AUDIT' | 'ENFORCED'
  /** How long an administrator's temporary password works. */
  temporaryPasswordValidityDays: number
  /** Attributes Cognito verifies by sending a code: "email", "phone_number". */
  autoVerifiedAttributes: string[]
  /** Attributes whose old value stays in use until the new one is verified (UserAttributeUpdateSettings). */
  keepOriginalUntilVerified: string[]
  /** Whether the pool remembers devices: never, always, or when the user chooses. */
  deviceTracking: 'off' | 'always' | 'user-opt-in'
}

/** A remembered (or tracked) device of a user. */
export interface UserDevice {
  key: string
  name: string | null
  remembered: boolean
  lastIp: string | null
  createdAt: string | null
  lastAuthenticatedAt: string | null
}

export interface DevicesPage {
  devices: UserDevice[]
  nextToken?: string
}

export type SignInEventType = 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode'
export type SignInEventOutcome = 'Pass' | 'Fail' | 'InProgress'

/** One sign-in (or related) event threat protection recorded. */
export interface SignInEvent {
  id: string
  at: string
  type: SignInEventType | string
  outcome: SignInEventOutcome | string
  /** Threat protection's decision and level: "NoRisk", "AccountTakeover" … / "Low", "Medium", "High". */
  risk: { decision: string | null; level: string | null; compromisedCredentials: boolean }
  where: { ip: string | null; city: string | null; country: string | null; device: string | null }
  /** The challenges on the way: "Password: Success", "Mfa: Failure". */
  challenges: string[]
  /** The operator's or the user's verdict on the event, when one was given. */
  feedback: 'Valid' | 'Invalid' | null
}

/** The user's sign-in events, or why the pool has none to show. */
export type SignInEventsPage = { recorded: true; events: SignInEvent[]; nextToken?: string } | { recorded: false; why: string }

/** What fixes a sign-in problem, offered beside the verdict; each is an operation the user's page can run. */
export const FIX_ACTIONS = [
  'enable',
  'confirm-with-code',
  'resend-code',
  'admin-confirm',
  'resend-invite',
  'set-temporary-password',
  'set-password',
  'mark-email-verified',
  'mark-phone-verified',
  'reset-mfa',
  'review-events'
] as const
export type FixAction = (typeof FIX_ACTIONS)[number]

/** Whether this person can sign in now, and if not, why, with what fixes it. */
export interface SignInVerdict {
  canSignIn: boolean
  /** One line for the header: "Can sign in", "Cannot sign in: the temporary password expired on 3 Dec 2026". */
  headline: string
  /** A sentence or two more, when there is more to say. */
  detail?: string
  /** Why, as a stable key. */
  reason:
    | 'ok'
    | 'disabled'
    | 'unconfirmed'
    | 'temporary-password'
    | 'temporary-password-expired'
    | 'reset-required'
    | 'reset-required-no-contact'
    | 'external-provider'
    | 'mfa-required-no-method'
    | 'recent-failures'
    | 'other-status'
  fixes: FixAction[]
}

/** A user's summary for a ticket, in both forms (ticketSummary.ts in main); never a password, code, secret or token. */
export interface TicketSummary {
  username: string
  text: string
  markdown: string
}
