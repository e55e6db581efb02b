/**
 * A user's account status in the operator's words, the same in the results list, on the user's page
 * and in the CLI. A disabled account reads "Disabled" whatever Cognito's status is: it cannot sign in
 * until enabled, and that is what the reader needs first.
 */

/** Cognito's statuses in words short enough for a narrow column; the raw value stays in the tooltip and the filter. */
const STATUS_WORDS: Record<string, string> = {
  CONFIRMED: 'Confirmed',
  UNCONFIRMED: 'Unconfirmed',
  FORCE_CHANGE_PASSWORD: 'Invited',
  RESET_REQUIRED: 'Reset required',
  EXTERNAL_PROVIDER: 'External provider',
  ARCHIVED: 'Archived',
  COMPROMISED: 'Compromised',
  UNKNOWN: 'Unknown'
}

/** What each status means for the operator. */
const STATUS_MEANINGS: Record<string, string> = {
  CONFIRMED: 'can sign in with their password',
  UNCONFIRMED: 'signed up but has not confirmed with the code yet',
  FORCE_CHANGE_PASSWORD: 'invited with a temporary password; must choose a new one at first sign-in',
  RESET_REQUIRED: 'password reset; must choose a new password with the code sent to them',
  EXTERNAL_PROVIDER: 'signs in through an external identity provider',
  ARCHIVED: 'archived by Cognito; cannot sign in',
  COMPROMISED: 'marked compromised; must reset their password'
}

export function statusWord(status: string): string {
  return STATUS_WORDS[status] ?? status
}

/** The account's status with enabled folded in: "Disabled", or the status's word. */
export function accountStatusWord(user: { status: string; enabled: boolean }): string {
  return user.enabled ? statusWord(user.status) : 'Disabled'
}

/** What a status means for the operator, when it is one Cognito documents. */
export function statusMeaning(status: string): string | undefined {
  return STATUS_MEANINGS[status]
}

/** "FORCE_CHANGE_PASSWORD: invited with a temporary password; …", for a tooltip. */
export function statusTitle(user: { status: string; enabled: boolean }): string {
  const meaning = STATUS_MEANINGS[user.status]
  const status = meaning ? `${user.status}: ${meaning}` : user.status
  return user.enabled ? status : `Disabled: cannot sign in until enabled (status ${status})`
}
