/**
 * Append-only logs after a crash mid-append: the torn last line is skipped on read and never glued to
 * the next entry, and entries appended by several processes at once stay whole lines.
 */
import { spawn } from 'node:child_process'
import { appendFileSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileAuditLog, type AuditEntry } from '../../../src/main/audit/auditLog'
import { SandboxOutbox } from '../../../src/main/sandbox/outbox'
import { appendJsonLine, readJsonLines } from '../../../src/main/storage/jsonLines'
import { readWholeTrail } from '../../support/memoryAuditLog'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-lines-')
afterAll(() => temp.remove())

const entry = (id: string): AuditEntry => ({ id, at: new Date().toISOString(), phase: 'intent', operation: 'SignUp', userPoolId: 'p', username: id })

describe('JSON-lines files', () => {
  it('skips a torn last line and keeps the next entry whole', async () => {
    const log = new FileAuditLog(join(temp.dir, 'audit.jsonl'))
    await log.record(entry('first'))
    appendFileSync(log.location, '{"id":"torn","at":"2026-') // a crash mid-append
    await log.record(entry('after'))
    const { entries, skipped } = await readWholeTrail(log)
    expect(entries.map((e) => e.id)).toEqual(['first', 'after'])
    expect(skipped).toBe(1)
    expect(statSync(log.location).mode & 0o777).toBe(0o600)
  })

  it('lists the outbox past a torn line instead of failing', async () => {
    const outbox = new SandboxOutbox(join(temp.dir, 'outbox.jsonl'))
    await outbox.append({ username: 'jane', destination: 'j***@e***', code: '111111', reason: 'SignUp' })
    appendFileSync(outbox.path, '{"username":"bob","code":"22')
    await outbox.append({ username: 'bob', destination: 'b***@e***', code: '333333', reason: 'ResendCode' })
    expect(outbox.list().map((m) => m.code)).toEqual(['333333', '111111'])
    expect(outbox.latestCodeFor('bob')).toBe('333333')
  })

  it('keeps lines whole when several processes append at once', async () => {
    const path = join(temp.dir, 'shared.jsonl')
    const module = join(__dirname, '../../../src/main/storage/jsonLines.ts')
    const writer = (name: string) =>
      new Promise<void>((resolve, reject) => {
        const script = `const { appendJsonLine } = require(${JSON.stringify(module)});
(async () => { for (let i = 0; i < 200; i++) await appendJsonLine(${JSON.stringify(path)}, { writer: ${JSON.stringify(name)}, i, pad: 'x'.repeat(300) }) })()`
        const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: 'inherit' })
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))))
      })
    await Promise.all([writer('a'), writer('b'), writer('c'), appendJsonLine(path, { writer: 'main', i: 0, pad: '' })])
    const isLine = (v: unknown): v is { writer: string; i: number } => typeof (v as { writer?: unknown }).writer === 'string'
    const { entries, skipped } = readJsonLines(path, isLine)
    expect(skipped).toBe(0)
    expect(entries).toHaveLength(601)
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true)
  })
})
