import { appendFileSync } from 'node:fs'
import type { AuditEntry } from '../../src/main/audit/auditLog'

/** Users the generated writes go to, in turn: write i is to user_(i % LARGE_TRAIL_USERS). */
export const LARGE_TRAIL_USERS = 500

/**
 * Appends a generated audit trail of `lines` lines to `path`: a write a minute from 2026-01-01 (UTC),
 * two in three tier changes and the rest disables, every 100th write never answered (pending), every
 * 7th refused, and every 1,000th result line torn as by a crash mid-append.
 */
export function writeLargeTrail(path: string, lines: number, userPoolId = 'eu-west-1_pool'): { writes: number } {
  const chunk: string[] = []
  let written = 0
  let writes = 0
  for (let i = 0; written < lines; i++, writes++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
    const base = { id: `w${i}`, at, userPoolId, username: `user_${i % LARGE_TRAIL_USERS}`, osUser: 'ops', identity: 'arn:aws:iam::1:user/ops' }
    const fields: Partial<AuditEntry> =
      i % 3
        ? { operation: 'AdminUpdateUserAttributes', changes: { 'custom:user_tier': 'standard' }, previous: { 'custom:user_tier': 'premium' } }
        : { operation: 'AdminDisableUser' }
    chunk.push(JSON.stringify({ ...base, ...fields, phase: 'intent' }))
    written++
    if (i % 100 !== 99 && written < lines) {
      const result = JSON.stringify({ ...base, ...fields, phase: 'result', outcome: i % 7 ? 'ok' : 'failed' })
      chunk.push(i % 1000 === 0 ? result.slice(0, 40) : result)
      written++
    }
    if (chunk.length >= 10_000) appendFileSync(path, chunk.splice(0).join('\n') + '\n')
  }
  appendFileSync(path, chunk.join('\n') + (chunk.length ? '\n' : ''))
  return { writes }
}
