/**
 * Tier returns ("premium until a date, then standard"): a grant written now, and its return kept as
 * one one-time schedule per user in Amazon EventBridge Scheduler, which calls Cognito on the day
 * whether or not any desktop is on. What every front end and main share about them.
 */
import type { Tier } from './tiers'

/** The schedule group of this app: every return lives here, and listing returns lists this group. */
export const TIER_RETURN_GROUP = 'tier-admin-tier-returns'

/** A return must fall at least this far ahead: Scheduler needs time to take it, and a return in the past would run at once. */
export const MIN_RETURN_LEAD_MS = 60_000
/** And at most this many days ahead (two years): a longer grant is a plan change, not a goodwill grant. */
export const MAX_RETURN_DAYS = 731

/** "Until <instant>, then <tier>" as asked: one grant (the tier editor) or every row of a bulk change. */
export interface ReturnChoice {
  /** An ISO instant with its zone. */
  until: string
  then: Tier
}

/** A return that is scheduled and has not run yet. */
export interface PendingReturn {
  username: string
  /** The tier given until `at` (what the user should hold until then). */
  grantedTier: Tier
  /** The tier the schedule writes at `at`. */
  returnTier: Tier
  /** When it runs: an ISO instant in UTC ("2027-01-15T09:00:00.000Z"). */
  at: string
  /** The schedule's name in TIER_RETURN_GROUP (one per pool and user). */
  scheduleName: string
  /**
   * Why the return needs a look, when it does: the user's tier is no longer the granted one (changed
   * outside this app, or the user is gone), so running it may undo something. Absent when all is well.
   */
  flagged?: string
}

/** Every pending return of the pool, soonest first. */
export interface PendingReturnsList {
  returns: PendingReturn[]
  /** The schedule group listed. */
  groupName: string
  /** When the list was read (ISO). */
  listedAt: string
}

/** One user's pending return, or null when none is scheduled. */
export interface UserReturn {
  username: string
  pendingReturn: PendingReturn | null
}

/** What cancelling a return did. */
export interface ReturnCancelResult {
  username: string
  /** The return that was deleted; null when there was none (nothing was sent). */
  cancelled: PendingReturn | null
  /** One sentence for the operator. */
  message: string
}

/**
 * An instant as the contract carries it: ISO 8601 with seconds optional and a zone (Z or ±hh:mm)
 * required, so no front end's clock zone is guessed in main. The CLI turns a bare local time into one.
 */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))
}

/** "premium until 15 Jan 2027, 09:00 UTC, then standard": how a pending return reads everywhere. */
export function returnSentence(pending: Pick<PendingReturn, 'grantedTier' | 'returnTier' | 'at'>): string {
  return `${pending.grantedTier} until ${returnDate(pending.at)}, then ${pending.returnTier}`
}

/** A return's instant for people: "15 Jan 2027, 09:00 UTC" (UTC, as the schedule holds it). */
export function returnDate(at: string): string {
  const date = new Date(at)
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' })
  return `${day}, ${time} UTC`
}

/** Said in the app and the docs: only changes made through Tier Admin cancel a pending return. */
export const OUTSIDE_CHANGE_NOTE =
  'A tier change made outside Tier Admin (the AWS console, another tool) does not cancel a pending return: the return still runs on its date.'
