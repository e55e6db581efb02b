/**
 * The audit trail read back for the Audit screen and the `audit` command: intent and result paired by
 * id, torn lines skipped, the filters, paging, the CSV export, and a 100,000-line trail streamed.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportAuditCsv, queryAudit } from '../../../src/main/audit/auditQuery'
import { FileAuditLog, type AuditEntry } from '../../../src/main/audit/auditLog'
import { LARGE_TRAIL_USERS, writeLargeTrail } from '../../support/largeAuditTrail'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-audit-')
afterAll(() => temp.remove())

const page = { offset: 0, limit: 500 }
let files = 0

function entry(id: string, at: string, phase: 'intent' | 'result', fields: Partial<AuditEntry> = {}): AuditEntry {
  return { id, at, phase, operation: 'AdminUpdateUserAttributes', userPoolId: 'eu-west-1_pool', username: 'Jane_Premium', osUser: 'ops', ...fields }
}

function trail(lines: (AuditEntry | string)[]): FileAuditLog {
  const path = join(temp.dir, `audit-${files++}.jsonl`)
  writeFileSync(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n')
  return new FileAuditLog(path)
}

const tierChange = { changes: { 'custom:user_tier': 'standard' }, previous: { 'custom:user_tier': 'premium' }, identity: 'arn:aws:iam::1:user/ops' }
const sample = () =>
  trail([
    entry('a', '2026-11-20T10:00:00.000Z', 'intent', tierChange),
    entry('b', '2026-11-21T09:00:00.000Z', 'intent', { operation: 'AdminDisableUser', username: 'bob' }),
    '{"id":"torn","at":"2026-11-2', // a crash mid-append
    entry('a', '2026-11-20T10:00:01.000Z', 'result', { ...tierChange, outcome: 'ok' }),
    entry('b', '2026-11-21T09:00:01.000Z', 'result', { operation: 'AdminDisableUser', username: 'bob', outcome: 'failed', errorName: 'UserNotFoundException' }),
    entry('c', '2026-11-22T23:59:59.000Z', 'intent', { operation: 'SignUp', username: 'carol', changes: { 'custom:user_tier': 'premium' } })
  ])

describe('audit query', () => {
  it('pairs intent and result, newest first, skipping a torn line and keeping an unanswered intent as pending', async () => {
    const result = await queryAudit(sample(), page)
    expect(result.rows.map((row) => [row.id, row.outcome])).toEqual([
      ['c', 'pending'],
      ['b', 'failed'],
      ['a', 'ok']
    ])
    expect(result).toMatchObject({ total: 3, skipped: 1, actions: ['AdminDisableUser', 'AdminUpdateUserAttributes', 'SignUp'] })
    expect(result.rows[2]).toMatchObject({
      at: '2026-11-20T10:00:00.000Z',
      identity: 'arn:aws:iam::1:user/ops',
      osUser: 'ops',
      summary: 'Tier premium → standard',
      before: 'tier: premium',
      after: 'tier: standard'
    })
    expect(result.rows[1].errorName).toBe('UserNotFoundException')
  })

  it('filters by part of the username in any case, by action group or operation, by outcome and by whole days', async () => {
    const log = sample()
    const ids = async (filter: object) => (await queryAudit(log, { ...page, ...filter })).rows.map((row) => row.id)
    expect(await ids({ user: 'jane_' })).toEqual(['a'])
    expect(await ids({ action: 'account' })).toEqual(['b'])
    expect(await ids({ action: 'SignUp' })).toEqual(['c'])
    expect(await ids({ outcome: 'failed' })).toEqual(['b'])
    expect(await ids({ outcome: 'pending' })).toEqual(['c'])
    expect(await ids({ from: '2026-11-21', to: '2026-11-22' })).toEqual(['c', 'b'])
    expect(await ids({ to: '2026-11-20' })).toEqual(['a'])
    // The actions offered stay every one in the trail, whatever the filter.
    expect((await queryAudit(log, { ...page, user: 'nobody' })).actions).toHaveLength(3)
  })

  it('pages without overlap', async () => {
    const log = sample()
    const first = await queryAudit(log, { offset: 0, limit: 2 })
    const second = await queryAudit(log, { offset: 2, limit: 2 })
    expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual(['c', 'b', 'a'])
    expect(second).toMatchObject({ total: 3, offset: 2 })
  })

  it('pages through the last matches without reading the trail again, until a write is appended', async () => {
    const log = sample()
    let reads = 0
    const counting = { location: log.location, stream: (onSkipped?: () => void) => (reads++, log.stream(onSkipped)) }
    await queryAudit(counting, { offset: 0, limit: 1, outcome: 'ok' })
    await queryAudit(counting, { offset: 1, limit: 1, outcome: 'ok' })
    expect(reads).toBe(1)
    await log.record(entry('d', '2026-11-23T10:00:00.000Z', 'result', { outcome: 'ok' }))
    const after = await queryAudit(counting, { offset: 0, limit: 5, outcome: 'ok' })
    expect(reads).toBe(2)
    expect(after.rows.map((row) => row.id)).toEqual(['d', 'a'])
  })

  it('exports the matches as CSV, private, with formula-like cells neutralised', async () => {
    const log = trail([entry('x', '2026-11-23T08:00:00.000Z', 'intent', { username: '=HYPERLINK("http://evil")', operation: 'AdminEnableUser' })])
    const path = join(temp.dir, 'export.csv')
    expect(await exportAuditCsv(log, {}, path)).toEqual({ path, rows: 1 })
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe('time,os_user,aws_identity,user_pool,username,operation,action,before,after,outcome,error,reason')
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(lines[1]).toContain('Enabled,,,pending,')
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('streams a 100,000-line trail with torn lines and pending intents', async () => {
    const path = join(temp.dir, 'large.jsonl')
    const lines = 100_000
    const { writes } = writeLargeTrail(path, lines)
    const log = new FileAuditLog(path)

    const started = performance.now()
    const everything = await queryAudit(log, { offset: 0, limit: 500 })
    const all = performance.now() - started
    const nextStart = performance.now()
    const next = await queryAudit(log, { offset: 500, limit: 500 })
    const more = performance.now() - nextStart
    expect(next.rows[0].id).toBe(`w${writes - 501}`)
    const filteredStart = performance.now()
    const filtered = await queryAudit(log, { offset: 0, limit: 50, user: 'USER_99', outcome: 'pending', from: '2026-01-10' })
    const narrow = performance.now() - filteredStart
    console.log(`audit query over ${lines} lines: unfiltered ${all.toFixed(0)} ms, its next page ${more.toFixed(0)} ms, filtered ${narrow.toFixed(0)} ms`)

    expect(everything.total).toBe(writes)
    expect(everything.rows).toHaveLength(500)
    expect(everything.skipped).toBe(Math.ceil(writes / 1000))
    expect(everything.rows[0].id).toBe(`w${writes - 1}`)
    // user_99's writes are numbered …99, all pending; 2026-01-10 starts at write 12,960 (a write a minute).
    const expected = Array.from({ length: writes }, (_, i) => i).filter((i) => i % LARGE_TRAIL_USERS === 99 && i >= 12_960).length
    expect(filtered.total).toBe(expected)
    expect(filtered.rows.every((row) => row.outcome === 'pending' && row.username === 'user_99' && row.at >= '2026-01-10')).toBe(true)
  })
})
