/**
 * Tier changes per day from a real trail file: only accepted AdminUpdateUserAttributes that wrote the
 * tier of this pool count, each as an upgrade, a downgrade or another change, by day (every day of the
 * range, zeros included) and by who sent it; torn lines are skipped and counted.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileAuditLog, type AuditEntry } from '../../../src/main/audit/auditLog'
import { changeKindOf, dayRange, tierChangesPerDay } from '../../../src/main/audit/tierChanges'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-changes-')
afterAll(() => temp.remove())
const POOL = 'eu-west-1_pool'
const NOW = new Date('2026-12-05T15:00:00Z')

let n = 0
/** A write's intent and result lines, as the gateway writes them (the result repeats the intent's fields). */
function write(at: string, before: string | undefined, after: string, fields: Partial<AuditEntry> = {}, outcome: AuditEntry['outcome'] = 'ok'): AuditEntry[] {
  const id = `w${n++}`
  const intent: AuditEntry = {
    id,
    at,
    phase: 'intent',
    operation: 'AdminUpdateUserAttributes',
    userPoolId: POOL,
    username: `user${n}`,
    changes: { 'custom:user_tier': after },
    ...(before === undefined ? {} : { previous: { 'custom:user_tier': before } }),
    osUser: 'ann',
    identity: 'arn:aws:iam::1:user/ann',
    ...fields
  }
  return [intent, { ...intent, at: at.replace(/\.000Z$/, '.500Z'), phase: 'result', outcome }]
}

function trail(lines: (AuditEntry | string)[]): FileAuditLog {
  const path = join(temp.dir, `audit-${n++}.jsonl`)
  writeFileSync(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n')
  return new FileAuditLog(path)
}

describe('tier changes per day', () => {
  it('names the direction of a change', () => {
    expect(changeKindOf('standard', 'premium')).toBe('upgrades')
    expect(changeKindOf(undefined, 'premium')).toBe('upgrades')
    expect(changeKindOf('', 'premium')).toBe('upgrades')
    expect(changeKindOf('premium', 'standard')).toBe('downgrades')
    expect(changeKindOf('premium', '')).toBe('downgrades')
    expect(changeKindOf('', 'standard')).toBe('other')
    expect(changeKindOf('gold', 'standard')).toBe('other')
  })

  it('lists every day of the range up to today, oldest first', () => {
    expect(dayRange(3, '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
    expect(dayRange(30, '2026-12-05')).toHaveLength(30)
  })

  it('counts accepted tier writes of this pool by day and by who, and nothing else', async () => {
    const bob = { osUser: 'bob', identity: 'arn:aws:iam::1:user/bob' }
    const log = trail([
      ...write('2026-12-05T09:00:00.000Z', 'standard', 'premium'),
      ...write('2026-12-05T10:00:00.000Z', 'standard', 'premium', bob),
      ...write('2026-12-05T11:00:00.000Z', 'premium', 'standard', bob),
      ...write('2026-12-03T08:00:00.000Z', '', 'standard'),
      '{"id":"torn","at":"2026-12-0', // a crash mid-append
      ...write('2026-12-04T08:00:00.000Z', 'premium', 'premium'), // the tier it already had: no change
      ...write('2026-12-04T09:00:00.000Z', 'standard', 'premium', {}, 'failed'),
      ...write('2026-12-04T09:30:00.000Z', 'standard', 'premium', {}, 'unknown'),
      ...write('2026-12-04T10:00:00.000Z', 'standard', 'premium', { userPoolId: 'us-east-1_other' }),
      ...write('2026-12-04T11:00:00.000Z', 'standard', 'premium', { changes: { given_name: '(set)' } }),
      ...write('2026-12-04T12:00:00.000Z', undefined, 'premium', { operation: 'SignUp' }),
      ...write('2026-10-01T12:00:00.000Z', 'standard', 'premium') // before the range
    ])
    const report = await tierChangesPerDay(log, POOL, 3, NOW)
    expect(report.from).toBe('2026-12-03')
    expect(report.to).toBe('2026-12-05')
    expect(report.skipped).toBe(1)
    expect(report.days).toEqual([
      { day: '2026-12-03', upgrades: 0, downgrades: 0, other: 1 },
      { day: '2026-12-04', upgrades: 0, downgrades: 0, other: 0 },
      { day: '2026-12-05', upgrades: 2, downgrades: 1, other: 0 }
    ])
    expect(report.by).toEqual([
      { who: 'arn:aws:iam::1:user/ann (ann)', upgrades: 1, downgrades: 0, other: 1 },
      { who: 'arn:aws:iam::1:user/bob (bob)', upgrades: 1, downgrades: 1, other: 0 }
    ])
  })

  it('answers an empty range for a trail that does not exist yet', async () => {
    const report = await tierChangesPerDay(new FileAuditLog(join(temp.dir, 'none.jsonl')), POOL, 30, NOW)
    expect(report.days).toHaveLength(30)
    expect(report.days.every((day) => day.upgrades + day.downgrades + day.other === 0)).toBe(true)
    expect(report.by).toEqual([])
  })
})
