/**
 * The command line over the same services, configuration and sandbox as the app: finds the command in
 * the table, checks its options, then runs it on the open pool (session.ts).
 * Exit codes: 0 success, 1 the operation failed, 2 bad usage.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_REASON_CHARS } from '../shared/audit'
import { UsageError, type CliIo } from './cliIo'
import type { Command } from './command'
import { COMMANDS } from './commands'
import { takeGlobalOptions, type GlobalOptions } from './globalOptions'
import { parseOptions } from './parseOptions'
import { didYouMean } from './suggest'

export type { CliIo } from './cliIo'

/** From package.json, two folders up both from the sources (src/cli) and from the build (out/main). */
function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version
}

export async function runCli(args: string[], io: CliIo): Promise<number> {
  let argv: string[]
  let globals: GlobalOptions
  try {
    ;({ argv, globals } = takeGlobalOptions(args))
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.err(error.message)
    return 2
  }
  const [name, ...rest] = argv
  if (name === '--version' || name === '-V') {
    io.out(`tier-admin ${version()}`)
    return 0
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(generalHelp())
    return name ? 0 : 2
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) {
    const suggestion = didYouMean(name, Object.keys(COMMANDS), (command) => `"${command}"`)
    io.err(`Unknown command "${name}".${suggestion}\n\n${generalHelp()}`)
    return 2
  }
  try {
    const values = parseOptions(name, command, rest)
    if (values.help) {
      io.out(commandHelp(command))
      return 0
    }
    command.check?.(values, io)
    const { runCommand } = await import('./session')
    return await runCommand(name, command, values, io, globals)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.err(`${error.message}\nUsage: tier-admin ${command.usage}`)
    return 2
  }
}

function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length))
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return [
    'Tier Admin command line: manage users and tiers in a Cognito user pool.',
    '',
    'Usage: tier-admin <command> [options]   (tier-admin <command> --help for its options)',
    '',
    'Commands:',
    ...lines,
    '',
    'The pool comes from COGNITO_REGION, COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET',
    '(environment or .env); with none set, the sandbox pool the app uses.',
    '',
    'Global options:',
    '  --profile NAME            Connect with this profile ("tier-admin profiles" lists them) instead of the one chosen last',
    "  --yes-production POOL_ID  Let a command write to a production profile's pool, named to confirm",
    `  --reason TEXT             The ticket or reason every write of the command carries (at most ${MAX_REASON_CHARS} characters)`
  ].join('\n')
}

function commandHelp(command: Command): string {
  // Wider than 16 only when an option's name is (import's --suppress-invitation), so the column stays aligned.
  const width = Math.max(16, ...Object.keys(command.options).map((option) => option.length + 1))
  const lines = Object.entries(command.options).map(([option, o]) => `  --${option.padEnd(width)} ${o.description}`)
  return [`${command.summary}.`, '', `Usage: tier-admin ${command.usage}`, '', 'Options:', ...lines, `  --${'help'.padEnd(width)} Show this help`].join('\n')
}
