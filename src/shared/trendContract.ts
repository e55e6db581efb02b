/**
 * The Statistics screen's tiers over time, spread into `contract` (contract.ts): the kept scans'
 * counts of the connected pool, and its tier changes per day from the audit trail.
 */
import { z } from 'zod'
import { changeDays, returns, schemas } from './contractSchemas'
import type { StatsHistory, TierChangesReport } from './statsHistory'

export const trendChannels = {
  /** Every kept scan's counts, oldest first (empty before the first scan finished). */
  statsHistory: { channel: 'stats:history', request: schemas.none, result: returns<StatsHistory>() },
  /** The tier changes this computer's trail holds for the pool, per day over the last `days` days and per person. */
  tierChanges: { channel: 'stats:tier-changes', request: z.object({ days: changeDays }).strict(), result: returns<TierChangesReport>() }
} as const
