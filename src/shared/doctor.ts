/**
 * The pool doctor's findings, shared by main, the window and the CLI: one line per check, with what
 * to do when it fails, and whether the app can apply that fix itself.
 */

/** skipped: the check could not run here (the sandbox has no IAM, or an earlier check failed). */
export type DoctorStatus = 'pass' | 'fail' | 'warn' | 'skipped'

/**
 * The fixes the doctor applies, each after the operator confirms: adding the tier attribute (safe: no
 * user changes, but permanent) and taking the tier off an app client's write list (only narrows what
 * the client's users may change on themselves; administrators still set it).
 */
export const DOCTOR_FIXES = ['add-tier-attribute', 'make-tier-read-only'] as const
export type DoctorFix = (typeof DOCTOR_FIXES)[number]

/** The write list of one app client, before and after "make the tier read-only", for the confirmation. */
export interface ClientWriteFix {
  clientId: string
  clientName: string
  before: string[]
  after: string[]
}

export interface DoctorCheck {
  /** Stable, for tests and --json: "credentials", "pool", "iam:AdminGetUser"… */
  id: string
  title: string
  status: DoctorStatus
  /** What was found. */
  detail: string
  /** What to do, when the status is not pass. */
  fix?: string
  /** Set when the app can apply the fix itself (after the operator confirms). */
  fixable?: DoctorFix
  /** With make-tier-read-only: the client and its write list before → after. */
  clientFix?: ClientWriteFix
  /** Policy documents the fix asks the operator to create, as JSON to paste (the tier returns' role and rights). */
  documents?: DoctorDocument[]
}

/** One document to paste into IAM: what it is and where it goes, and its JSON text. */
export interface DoctorDocument {
  title: string
  text: string
}

export interface DoctorReport {
  userPoolId: string
  ranAt: string
  /** The worst status among the checks: fail, then warn, else pass (skipped counts as pass). */
  verdict: 'pass' | 'warn' | 'fail'
  checks: DoctorCheck[]
}

export function verdictOf(checks: DoctorCheck[]): DoctorReport['verdict'] {
  if (checks.some((check) => check.status === 'fail')) return 'fail'
  return checks.some((check) => check.status === 'warn') ? 'warn' : 'pass'
}

/** Said before the tier attribute is added, by the window and the CLI alike: there is no undo. */
export const CUSTOM_ATTRIBUTE_IS_PERMANENT =
  'Cognito never removes a custom attribute: once custom:user_tier is added to the pool it stays there (it can only be left unused). ' +
  'It is added as a mutable String; no user is changed.'

/** The question before a client's write list is narrowed, by the window and the CLI alike. */
export function readOnlyConfirmation(fix: ClientWriteFix): string {
  return (
    `App client "${fix.clientName}" (${fix.clientId}): write list ${fix.before.join(', ')} → ${fix.after.join(', ')}. ` +
    'Every other setting of the client is sent back unchanged. Its users can then no longer change their own tier; this app still sets it as an administrator.'
  )
}

/** What applyDoctorFix is sent for each fix: the proof that the operator saw what it does. */
export type DoctorFixRequest =
  { fix: 'add-tier-attribute'; acknowledgePermanent: true } | { fix: 'make-tier-read-only'; clientId: string; expectedWriteAttributes: string[] }

/** The request that applies a check's fix, once the operator confirmed it; null for a check without one. */
export function fixRequestOf(check: DoctorCheck): DoctorFixRequest | null {
  if (check.fixable === 'add-tier-attribute') return { fix: 'add-tier-attribute', acknowledgePermanent: true }
  if (check.fixable === 'make-tier-read-only' && check.clientFix)
    return { fix: 'make-tier-read-only', clientId: check.clientFix.clientId, expectedWriteAttributes: check.clientFix.before }
  return null
}

/** The button that offers a check's fix, in the window. */
export const fixLabelOf = (check: DoctorCheck): string =>
  check.clientFix ? `Make the tier read-only for "${check.clientFix.clientName}"…` : 'Add custom:user_tier…'

/** The fixes a report offers: every check the app can mend itself that has not passed. */
export const fixesOffered = (report: DoctorReport): DoctorCheck[] => report.checks.filter((check) => check.status !== 'pass' && check.fixable)
