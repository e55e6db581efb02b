/**
 * Tier changes per day from the audit trail: each AdminUpdateUserAttributes that Cognito accepted and
 * that wrote the tier, counted as an upgrade, a downgrade or another change, by day and by who sent it.
 * Only the results are read (a result line repeats its intent's fields), one line at a time.
 */
import { CHANGE_KINDS, type ChangeCounts, type ChangeKind, type TierChangesReport } from '../../shared/statsHistory'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { AuditEntry, ReadableAuditLog } from './auditLog'

const DAY_MS = 86_400_000

/** The direction of a change from one stored tier value to another ("" is no tier). */
export function changeKindOf(before: string | undefined, after: string): ChangeKind {
  if (after === 'premium' && before !== 'premium') return 'upgrades'
  if (before === 'premium' && after !== 'premium') return 'downgrades'
  return 'other'
}

/** Who sent a write, as the trail names them: the AWS identity and the computer's account. */
export function whoOf(entry: Pick<AuditEntry, 'identity' | 'osUser'>): string {
  if (entry.identity && entry.osUser) return `${entry.identity} (${entry.osUser})`
  return entry.identity ?? entry.osUser ?? 'unknown'
}

/** The tier change a trail line records, or null when it records none (or one that did not happen). */
export function tierChangeOf(entry: AuditEntry, userPoolId: string): { day: string; kind: ChangeKind; who: string } | null {
  if (entry.phase !== 'result' || entry.outcome !== 'ok' || entry.operation !== 'AdminUpdateUserAttributes') return null
  if (entry.userPoolId !== userPoolId || !entry.changes || !(TIER_ATTRIBUTE in entry.changes)) return null
  const before = entry.previous?.[TIER_ATTRIBUTE]
  const after = entry.changes[TIER_ATTRIBUTE]!
  // Writing the tier a user already has changes nothing.
  if (before === after) return null
  return { day: entry.at.slice(0, 10), kind: changeKindOf(before, after), who: whoOf(entry) }
}

/** The `days` days up to and including `today` (YYYY-MM-DD, UTC), oldest first. */
export function dayRange(days: number, today: string): string[] {
  const last = Date.parse(`${today}T00:00:00Z`)
  return Array.from({ length: days }, (_, index) => new Date(last - (days - 1 - index) * DAY_MS).toISOString().slice(0, 10))
}

const zero = (): ChangeCounts => ({ upgrades: 0, downgrades: 0, other: 0 })
const sum = (counts: ChangeCounts): number => CHANGE_KINDS.reduce((total, kind) => total + counts[kind], 0)

/** The pool's tier changes over the last `days` days (today, UTC, included). */
export async function tierChangesPerDay(
  audit: Pick<ReadableAuditLog, 'stream'>,
  userPoolId: string,
  days: number,
  now: Date = new Date()
): Promise<TierChangesReport> {
  const range = dayRange(days, now.toISOString().slice(0, 10))
  const perDay = new Map(range.map((day) => [day, zero()]))
  const perWho = new Map<string, ChangeCounts>()
  let skipped = 0
  for await (const entry of audit.stream(() => skipped++)) {
    const change = tierChangeOf(entry, userPoolId)
    const counts = change && perDay.get(change.day)
    if (!change || !counts) continue
    counts[change.kind]++
    const who = perWho.get(change.who) ?? zero()
    who[change.kind]++
    perWho.set(change.who, who)
  }
  return {
    from: range[0]!,
    to: range.at(-1)!,
    days: range.map((day) => ({ day, ...perDay.get(day)! })),
    by: [...perWho].map(([who, counts]) => ({ who, ...counts })).sort((a, b) => sum(b) - sum(a) || (a.who < b.who ? -1 : 1)),
    skipped
  }
}
