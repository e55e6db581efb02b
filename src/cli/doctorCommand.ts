/** `tier-admin doctor`: the pool doctor's checks, one line each, and the fixes it can apply. */
import {
  CUSTOM_ATTRIBUTE_IS_PERMANENT,
  fixesOffered,
  fixRequestOf,
  readOnlyConfirmation,
  type DoctorCheck,
  type DoctorReport,
  type DoctorStatus
} from '../shared/doctor'
import { UsageError } from './cliIo'
import { json, type Command, type CommandContext } from './command'

const MARKS: Record<DoctorStatus, string> = { pass: '✓', fail: '✗', warn: '!', skipped: '-' }

/** One line per check, its fix indented under it, and the verdict last. */
export function formatDoctor(report: DoctorReport): string {
  const lines = [`Pool doctor for ${report.userPoolId}:`]
  for (const check of report.checks) {
    lines.push(`${MARKS[check.status]} ${check.title}: ${check.detail}`)
    if (check.fix && check.status !== 'pass') lines.push(`    fix: ${check.fix}${check.fixable ? ' (or run `tier-admin doctor --fix`)' : ''}`)
    if (check.status !== 'pass') lines.push(...documentLines(check))
  }
  const failed = report.checks.filter((check) => check.status === 'fail').length
  lines.push(
    failed ? `${failed} check${failed === 1 ? '' : 's'} failed.` : report.verdict === 'warn' ? 'No check failed; see the warnings (!).' : 'Every check passed.'
  )
  return lines.join('\n')
}

/** Each document under its fix, indented as a block that pastes as it is (JSON ignores the indent). */
function documentLines(check: DoctorCheck): string[] {
  return (check.documents ?? []).flatMap((document) => [`    ${document.title}:`, ...document.text.split('\n').map((line) => `      ${line}`)])
}

export const doctor: Command = {
  summary: 'Check the pool, app clients, tier attribute and IAM rights; --fix offers the fixes the app can apply',
  usage: 'doctor [--fix [--yes]] [--json]',
  options: {
    fix: { type: 'boolean', description: 'Offer each fix the app can apply (add custom:user_tier, make the tier read-only for an app client), asking first' },
    yes: { type: 'boolean', description: 'With --fix: apply them without asking' },
    json
  },
  check: (values) => {
    if (values.yes === true && values.fix !== true) throw new UsageError('--yes goes with --fix: it answers the questions --fix asks.')
  },
  run: async (context) => {
    let report = await context.call('runDoctor', undefined)
    if (!report) return 1
    const offered = fixesOffered(report)
    if (context.values.fix && offered.length) {
      context.io.err(formatDoctor(report))
      const answers = new Answers(context)
      let declined = 0
      for (const check of offered) {
        const request = fixRequestOf(check)
        if (!request || !(await answers.yes(questionFor(check, report.userPoolId)))) {
          declined++
          continue
        }
        report = await context.call('applyDoctorFix', request)
        if (!report) return 1
      }
      if (declined === offered.length) {
        context.io.err('Nothing was changed.')
        return 1
      }
    } else if (context.values.fix && !context.asJson) {
      context.io.err('Nothing for the doctor to fix.')
    }
    context.print(report, formatDoctor(report))
    return report.verdict === 'fail' ? 1 : 0
  }
}

function questionFor(check: DoctorCheck, userPoolId: string): string {
  if (check.fixable === 'make-tier-read-only' && check.clientFix) {
    return `${readOnlyConfirmation(check.clientFix)}\nType yes to make the tier read-only for "${check.clientFix.clientName}": `
  }
  return `${CUSTOM_ATTRIBUTE_IS_PERMANENT}\nType yes to add custom:user_tier to ${userPoolId}: `
}

/** --yes, or "yes" typed at each prompt (read line by line from standard input when it is not a terminal). */
class Answers {
  private piped: string[] | null = null

  constructor(private readonly context: CommandContext) {}

  async yes(prompt: string): Promise<boolean> {
    const { values, io } = this.context
    if (values.yes === true) return true
    let answer: string
    if (io.readSecret) answer = await io.readSecret(prompt)
    else {
      io.err(prompt)
      this.piped ??= (await io.readStdin()).split('\n')
      answer = this.piped.shift() ?? ''
    }
    return /^\s*y(es)?\s*$/i.test(answer.split('\n')[0] ?? '')
  }
}
