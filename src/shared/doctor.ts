/**
 * The pool doctor's findings, shared by main, the window and the CLI: one line per check, with what
 * to do when it fails, and whether the app can apply that fix itself.
 */

/** skipped: the check could not run here (the sandbox has no IAM, or an earlier check failed). */
export type DoctorStatus = 'pass' | 'fail' | 'warn' | 'skipped'

/** The only fix the doctor applies: safe because adding an attribute changes no user. */
export const DOCTOR_FIXES = ['add-tier-attribute'] as const
export type DoctorFix = (typeof DOCTOR_FIXES)[number]

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
