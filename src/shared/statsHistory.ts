/**
 * Tiers over time: the counts each finished scan of a pool left (its history), and the tier changes
 * per day the audit trail holds. Shared by main, the window and the CLI.
 */
import type { TierBucket } from './jobProgress'

/** One finished scan's counts: never its users. */
export interface ScanRecord {
  /** When the scan finished (ISO, whole seconds). */
  at: string
  userPoolId: string
  total: number
  tiers: Record<TierBucket, number>
  enabled: number
  disabled: number
  /** Users per Cognito status (CONFIRMED, UNCONFIRMED…). */
  statuses: Record<string, number>
}

export interface StatsHistory {
  /** The kept scans, oldest first. */
  scans: ScanRecord[]
}

/** The day ranges the tier changes are offered over; the first is the default. */
export const CHANGE_RANGES = [30, 90, 365] as const
export const DEFAULT_CHANGE_DAYS = CHANGE_RANGES[0]
/** The longest range the contract takes (the CLI's --days too). */
export const MAX_CHANGE_DAYS = 366

/**
 * A tier change's direction: to premium from anything else is an upgrade, from premium to anything
 * else a downgrade, and the rest (no tier → standard, an invalid value repaired) is "other".
 */
export type ChangeKind = 'upgrades' | 'downgrades' | 'other'
export const CHANGE_KINDS: readonly ChangeKind[] = ['upgrades', 'downgrades', 'other']

export type ChangeCounts = Record<ChangeKind, number>

export interface TierChangeDay extends ChangeCounts {
  /** YYYY-MM-DD (UTC). */
  day: string
}

export interface TierChangesBy extends ChangeCounts {
  /** The AWS identity behind the write (or the operating-system account when the trail lacks it). */
  who: string
}

export interface TierChangesReport {
  /** The first and last day of the range, YYYY-MM-DD (UTC), both included. */
  from: string
  to: string
  /** Every day of the range, oldest first, days without changes included (as zeros). */
  days: TierChangeDay[]
  /** Who made them, most changes first. */
  by: TierChangesBy[]
  /** Lines of the trail that were not whole entries, left out. */
  skipped: number
}
