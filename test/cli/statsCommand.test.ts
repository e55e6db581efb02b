/**
 * `tier-admin stats` on a stand-in contract and a real job-updates hub: it follows the pushed progress
 * (no polling), throttles its progress lines, and says how the scan ended. The real scan through the real bin is in
 * cli.journey.test.ts and concurrency.test.ts.
 */
import { describe, expect, it } from 'vitest'
import type { ScanProgress, StatsResult } from '../../src/shared/domain'
import { JobUpdates } from '../../src/main/jobs/jobUpdates'
import type { CliIo, Values } from '../../src/cli/cliIo'
import type { Call } from '../../src/cli/command'
import { stats } from '../../src/cli/statsCommand'

const figures = { total: 3, tiers: { standard: 2, premium: 1, none: 0, invalid: {} }, statuses: { CONFIRMED: 3 }, enabled: 3, disabled: 0, weekly: [] }
const progress = (state: ScanProgress['state'], users = 0): ScanProgress => ({
  state,
  mode: 'partitioned',
  pages: 0,
  users,
  partitionsDone: 0,
  partitionsTotal: 16,
  rate: 10,
  etaSeconds: null,
  startedAt: '2026-01-01T00:00:00.000Z',
  elapsedMs: 0,
  estimate: null,
  figures
})
const result: StatsResult = {
  figures,
  finishedAt: '2026-01-01T00:01:00.000Z',
  durationMs: 1500,
  mode: 'sequential',
  modeReason: 'The pool does not honour the sub filter.',
  userPoolId: 'us-east-1_Test'
}

/** Runs the command; starting the scan pushes `pushed` on the hub (at once, in one burst), then `final`. */
async function runStats(values: Values, pushed: ScanProgress[], final: ScanProgress) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), readStdin: async () => '', env: {}, stdout: process.stdout }
  const jobUpdates = new JobUpdates()
  const ref = { kind: 'stats-scan', jobId: 'stats-scan:us-east-1_Test', userPoolId: 'us-east-1_Test' } as const
  const scan = () => {
    queueMicrotask(() => pushed.forEach((p) => jobUpdates.push(ref, true, () => p)))
    setTimeout(() => jobUpdates.push(ref, true, () => final), 10)
    return progress('queued')
  }
  const answers: Record<string, () => unknown> = { startStats: scan, getStats: () => ({ progress: null, last: result }) }
  const call = (async (operation: string) => answers[operation]!()) as Call
  const asJson = values.json === true
  const print = (data: unknown, human: string) => out.push(asJson ? JSON.stringify(data) : human)
  const code = await stats.run({ values, io, call, print, asJson, jobUpdates })
  return { code, out: out.join('\n'), err, listeners: jobUpdates.subscribers }
}

describe('tier-admin stats', () => {
  it('prints at most one progress line per half second, then the figures with the reason for a sequential scan', async () => {
    const run = await runStats({}, [progress('running', 1), progress('running', 2), progress('running', 3)], progress('done', 3))
    expect(run.code).toBe(0)
    expect(run.err).toEqual(['Scanning: 1 users, 0/16 partitions, 10 users/s'])
    expect(run.out).toContain('Scanned 3 users in 1.5 s.\nThe pool does not honour the sub filter.')
    expect(run.out).not.toContain('.).')
    expect(run.listeners).toBe(0)
  })

  it('keeps standard error quiet with --json, whose result carries modeReason', async () => {
    const run = await runStats({ json: true }, [progress('running', 1)], progress('done', 3))
    expect(run.err).toEqual([])
    expect(JSON.parse(run.out)).toMatchObject({ mode: 'sequential', modeReason: result.modeReason })
  })

  it('reports a failed scan with its error (exit 1)', async () => {
    const failed = { ...progress('failed'), error: { code: 'NETWORK_UNREACHABLE' as const, message: 'Cannot reach Cognito.' } }
    const run = await runStats({}, [], failed)
    expect(run.code).toBe(1)
    expect(run.err.at(-1)).toBe('Error (NETWORK_UNREACHABLE): Cannot reach Cognito.')
  })

  it.each(['interrupted', 'cancelled', 'paused'] as const)('says a %s scan stopped and that tier-admin stats resumes it (exit 1)', async (state) => {
    const run = await runStats({}, [], progress(state))
    expect(run.code).toBe(1)
    expect(run.err.at(-1)).toMatch(new RegExp(`stopped \\(${state}\\).*tier-admin stats.*resume`))
  })
})
