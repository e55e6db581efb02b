/**
 * `tier-admin doctor`: through the real bin on the sandbox (what the emulator can answer passes; STS,
 * the secret hash and IAM are "skipped (sandbox)"), against a pool it cannot reach (exit 1 with the
 * failing line and its fix), and the --fix flow with a stand-in for the pool, where the prompt's answer
 * decides whether applyDoctorFix is ever called.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { CliIo } from '../../src/cli/cliIo'
import type { CommandContext } from '../../src/cli/command'
import { doctor } from '../../src/cli/doctorCommand'
import type { DoctorReport } from '../../src/shared/doctor'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'
import { JobUpdates } from '../../src/main/jobs/jobUpdates'
import { formatDoctor } from '../../src/cli/doctorCommand'
import { runDoctor } from '../../src/main/doctor/runDoctor'
import { permissionsDocument, trustPolicy } from '../../src/main/doctor/schedulerPolicies'
import { startAwsSim } from '../support/awsSim'
import { fakeDoctorPool } from '../support/fakeDoctorPool'

const temp = makeTempDir('tier-admin-cli-doctor-')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir })
const cli = (args: string[], extraEnv: Record<string, string> = {}) => runTierAdmin(args, { env: { ...env, ...extraEnv }, cwd: temp.dir })
afterAll(() => temp.remove())

describe('tier-admin doctor on the sandbox', () => {
  it('prints one line per check and exits 0', async () => {
    const run = await cli(['doctor'])
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^Pool doctor for local_/)
    expect(lines).toContain('- AWS credentials resolve: Skipped (sandbox): the local emulator has no AWS identity.')
    expect(lines).toContain('✓ custom:user_tier is a mutable String: custom:user_tier is a mutable String.')
    expect(lines).toContain('- May call cognito-idp:AdminDeleteUser: Skipped (sandbox): the local emulator has no IAM.')
    expect(lines).toContain(
      '- Tier returns (a tier granted until a date) are set up: Skipped (sandbox): the sandbox has no IAM or EventBridge Scheduler; these checks are for a pool in AWS.'
    )
    expect(lines.at(-1)).toBe('Every check passed.')
  })

  it('answers --json with every check, and --fix finds nothing to fix', async () => {
    const report = JSON.parse((await cli(['doctor', '--json'])).stdout) as DoctorReport
    expect(report.verdict).toBe('pass')
    expect(report.checks.find((c) => c.id === 'iam:ListUsers')).toMatchObject({ status: 'skipped' })
    const fix = await cli(['doctor', '--fix'])
    expect(fix.code).toBe(0)
    expect(fix.stderr).toContain('Nothing for the doctor to fix.')
    expect((await cli(['doctor', '--yes'])).code).toBe(2)
  })

  it('exits 1 with the failing line and its fix when the pool cannot be reached', async () => {
    const run = await cli(['doctor'], {
      COGNITO_USER_POOL_ID: 'eu-west-1_Nowhere1',
      COGNITO_CLIENT_ID: 'abc',
      COGNITO_ENDPOINT: 'http://127.0.0.1:1',
      COGNITO_ENDPOINT_IS_EMULATOR: 'true'
    })
    expect(run.code, run.stderr).toBe(1)
    expect(run.stdout).toMatch(/^✗ Pool eu-west-1_Nowhere1 exists in eu-west-1: /m)
    expect(run.stdout).toMatch(/^- May call cognito-idp:AdminGetUser: Skipped: the pool could not be described\.$/m)
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 check failed.')
  })
})

describe('tier-admin doctor --fix', () => {
  const sick: DoctorReport = {
    userPoolId: 'eu-west-1_Doctor1',
    ranAt: '2026-11-26T02:00:00.000Z',
    verdict: 'fail',
    checks: [
      { id: 'tier-attribute', title: 'custom:user_tier is a mutable String', status: 'fail', detail: 'Missing.', fix: 'Add it.', fixable: 'add-tier-attribute' }
    ]
  }
  const healthy: DoctorReport = {
    ...sick,
    verdict: 'pass',
    checks: [{ ...sick.checks[0], status: 'pass', detail: 'There.', fix: undefined, fixable: undefined }]
  }

  function context(values: Record<string, boolean>, answer: string) {
    const out: string[] = []
    const err: string[] = []
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => answer, env: {}, stdout: process.stdout }
    const call = vi.fn(async (operation: string) => (operation === 'runDoctor' ? sick : healthy))
    const ctx = {
      values,
      io,
      jobUpdates: new JobUpdates(),
      call: call as never,
      print: (_d: unknown, human: string) => io.out(human),
      asJson: false
    } as CommandContext
    return { ctx, call, out, err }
  }

  it('asks, saying the attribute can never be removed, and changes nothing without a yes', async () => {
    const { ctx, call, err } = context({ fix: true }, 'no\n')
    expect(await doctor.run(ctx)).toBe(1)
    expect(err.join('\n')).toMatch(/never removes a custom attribute[\s\S]*Type yes to add custom:user_tier to eu-west-1_Doctor1/)
    expect(call.mock.calls.map((c) => c[0])).toEqual(['runDoctor'])
  })

  it('applies the fix after yes (or with --yes), and exits 0 when the doctor then passes', async () => {
    for (const [values, answer] of [
      [{ fix: true }, 'yes\n'],
      [{ fix: true, yes: true }, '']
    ] as const) {
      const { ctx, call, out } = context(values, answer)
      expect(await doctor.run(ctx)).toBe(0)
      expect(call).toHaveBeenCalledWith('applyDoctorFix', { fix: 'add-tier-attribute', acknowledgePermanent: true })
      expect(out.join('\n')).toContain('Every check passed.')
    }
  })

  it('asks for each client it would make read-only, showing the write list before → after, and applies only what was answered yes', async () => {
    const clientLine = (clientId: string, clientName: string) => ({
      id: `tier-integrity:${clientId}`,
      title: `No one can set their own tier through app client "${clientName}"`,
      status: 'warn' as const,
      detail: 'Anyone signed in …',
      fixable: 'make-tier-read-only' as const,
      clientFix: { clientId, clientName, before: ['email', 'custom:user_tier'], after: ['email'] }
    })
    const report: DoctorReport = { ...sick, verdict: 'warn', checks: [clientLine('web1', 'web'), clientLine('mob2', 'mobile')] }
    const { ctx, call, err } = context({ fix: true }, 'no\nyes\n')
    call.mockImplementation(async (operation: string) => (operation === 'runDoctor' ? report : healthy))
    expect(await doctor.run(ctx)).toBe(0)
    expect(err.join('\n')).toContain('App client "web" (web1): write list email, custom:user_tier → email.')
    expect(call.mock.calls.filter((c) => c[0] === 'applyDoctorFix').map((c) => (c as unknown[])[1])).toEqual([
      { fix: 'make-tier-read-only', clientId: 'mob2', expectedWriteAttributes: ['email', 'custom:user_tier'] }
    ])
  })
})

describe('tier-admin doctor on a missing scheduler role', () => {
  it('prints the documents to create under the fix, each a block of JSON that pastes as it is', async () => {
    const sim = await startAwsSim()
    sim.world.callerPolicies = [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })]
    try {
      const roleArn = 'arn:aws:iam::123456789012:role/tier-admin-tier-returns'
      const report = await runDoctor(fakeDoctorPool({ schedulerRoleArn: roleArn, aws: () => sim.clients() }).target)
      const lines = formatDoctor(report).split('\n')
      const at = lines.findIndex((line) => line.startsWith('✗ The scheduler role for tier returns exists: There is no role tier-admin-tier-returns'))
      expect(lines[at + 1]).toMatch(/^ {4}fix: Create the role tier-admin-tier-returns/)
      expect(lines[at + 2]).toBe("    The role's trust policy:")
      const block = (from: number) => {
        const end = lines.findIndex((line, i) => i > from && !line.startsWith('      '))
        return lines.slice(from + 1, end).join('\n')
      }
      const setting = { partition: 'aws', region: 'eu-west-1', account: '123456789012', userPoolId: 'eu-west-1_Doctor1', roleArn }
      expect(JSON.parse(block(at + 2))).toEqual(JSON.parse(trustPolicy(setting)))
      const permissionsAt = lines.indexOf(`    ${permissionsDocument(setting).title}:`)
      expect(JSON.parse(block(permissionsAt))).toEqual(JSON.parse(permissionsDocument(setting).text))
    } finally {
      await sim.stop()
    }
  })
})
