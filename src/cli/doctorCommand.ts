/** `tier-admin doctor`: the pool doctor's checks, one line each, and the one fix it can apply. */
import { CUSTOM_ATTRIBUTE_IS_PERMANENT, type DoctorReport, type DoctorStatus } from '../shared/doctor'
import { UsageError } from './cliIo'
import { json, type Command, type CommandContext } from './command'

const MARKS: Record<DoctorStatus, string> = { pass: '✓', fail: '✗', warn: '!', skipped: '-' }

/** One line per check, its fix indented under it, and the verdict last. */
export function formatDoctor(report: DoctorReport): string {
  const lines = [`Pool doctor for ${report.userPoolId}:`]
  for (const check of report.checks) {
    lines.push(`${MARKS[check.status]} ${check.title}: ${check.detail}`)
    if (check.fix && check.status !== 'pass') lines.push(`    fix: ${check.fix}${check.fixable ? ' (or run `tier-admin doctor --fix`)' : ''}`)
  }
  const failed = report.checks.filter((check) => check.status === 'fail').length
  lines.push(
    failed ? `${failed} check${failed === 1 ? '' : 's'} failed.` : report.verdict === 'warn' ? 'No check failed; see the warnings (!).' : 'Every check passed.'
  )
  return lines.join('\n')
}

export const doctor: Command = {
  summary: 'Check the pool, app client, tier attribute and IAM rights; --fix adds a missing custom:user_tier',
  usage: 'doctor [--fix [--yes]] [--json]',
  options: {
    fix: { type: 'boolean', description: 'Offer to add custom:user_tier when the pool lacks it (asks first)' },
    yes: { type: 'boolean', description: 'With --fix: add it without asking' },
    json
  },
  check: (values) => {
    if (values.yes === true && values.fix !== true) throw new UsageError('--yes goes with --fix: it answers the question --fix asks.')
  },
  run: async (context) => {
    let report = await context.call('runDoctor', undefined)
    if (!report) return 1
    const fixable = report.checks.find((check) => check.status === 'fail' && check.fixable)
    if (context.values.fix && fixable) {
      context.io.err(formatDoctor(report))
      if (!(await confirmed(context, report.userPoolId))) {
        context.io.err('Nothing was changed.')
        return 1
      }
      report = await context.call('applyDoctorFix', { fix: fixable.fixable, acknowledgePermanent: true })
      if (!report) return 1
    } else if (context.values.fix && !context.asJson) {
      context.io.err('Nothing for the doctor to fix.')
    }
    context.print(report, formatDoctor(report))
    return report.verdict === 'fail' ? 1 : 0
  }
}

/** --yes, or "yes" typed at the prompt (read from standard input when it is not a terminal). */
async function confirmed({ values, io }: CommandContext, userPoolId: string): Promise<boolean> {
  if (values.yes === true) return true
  const prompt = `${CUSTOM_ATTRIBUTE_IS_PERMANENT}\nType yes to add custom:user_tier to ${userPoolId}: `
  let answer: string
  if (io.readSecret) answer = await io.readSecret(prompt)
  else {
    io.err(prompt)
    answer = await io.readStdin()
  }
  return /^\s*y(es)?\s*$/i.test(answer.split('\n')[0] ?? '')
}
