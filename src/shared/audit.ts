/**
 * The Audit screen's vocabulary, shared by main, the window and the CLI: a row (one write, its intent
 * and result paired), the filters, and the friendly action groups an operator filters by.
 */
import type { SavedFile } from './domain'

export const AUDIT_OUTCOMES = ['ok', 'failed', 'unknown', 'pending'] as const
/** "pending": an intent with no result (the app stopped before Cognito answered). */
export type AuditRowOutcome = (typeof AUDIT_OUTCOMES)[number]

/** Operations grouped as an operator thinks of them; the filter takes a group or one operation. */
export const ACTION_GROUPS = {
  registration: { label: 'Registration and confirmation', operations: ['SignUp', 'ConfirmSignUp', 'AdminConfirmSignUp', 'ResendConfirmationCode'] },
  attributes: { label: 'Tier and attribute changes', operations: ['AdminUpdateUserAttributes'] },
  account: {
    label: 'Account actions',
    operations: ['AdminEnableUser', 'AdminDisableUser', 'AdminResetUserPassword', 'AdminCreateUser', 'AdminUserGlobalSignOut', 'AdminDeleteUser']
  },
  groups: { label: 'Group membership', operations: ['AdminAddUserToGroup', 'AdminRemoveUserFromGroup'] }
} as const satisfies Record<string, { label: string; operations: readonly string[] }>

/** A write's ticket or reason is at most this long: a ticket number or a sentence, not a document. */
export const MAX_REASON_CHARS = 200

/** What the trail is filtered by; every field optional. Dates are UTC days (YYYY-MM-DD), both ends included. */
export interface AuditFilter {
  /** Part of the target username, any case. */
  user?: string
  /** An action group's key or one operation's name. */
  action?: string
  from?: string
  to?: string
  outcome?: AuditRowOutcome
  /** Part of the reason given (a ticket number, say), any case. */
  reason?: string
}

/** One write as the Audit screen shows it. */
export interface AuditRow {
  id: string
  /** When it was asked for (the intent's time). */
  at: string
  osUser?: string
  identity?: string
  userPoolId: string
  username?: string
  operation: string
  summary: string
  /** What it replaced and what it wrote, where the trail says (e.g. the tier before and after). */
  before?: string
  after?: string
  /** The ticket or reason the operator gave. */
  reason?: string
  outcome: AuditRowOutcome
  errorName?: string
}

export interface AuditPage {
  rows: AuditRow[]
  offset: number
  /** Writes matching the filter, in all pages. */
  total: number
  /** The operations found anywhere in the trail, for the action filter's choices. */
  actions: string[]
  /** Lines of the trail that were not whole entries (a torn write), left out. */
  skipped: number
}

/** The matching writes saved as CSV: a saved file like any other. */
export type AuditExport = SavedFile

/** A calendar day as the filters take it: YYYY-MM-DD and a real date. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}
