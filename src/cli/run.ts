/**
 * The command line over the same services, configuration and sandbox as the app. Every command goes
 * through the contract's validation and error mapping, so its messages match the UI's.
 * Exit codes: 0 success, 1 the operation failed, 2 bad usage.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { tierLabel } from '../shared/tiers'
import type { Operation, ResultOf } from '../shared/contract'
import type { Result } from '../shared/errors'
import { openAppContext, type AppContext } from '../main/appContext'
import { createHandlers, type Handlers } from '../main/ipc/handlers'
import { invokeOperation } from '../main/ipc/invoke'
import { ACCOUNT_COMMANDS, accountRequest, formatAccountResult } from './accountCommands'
import { reportError, UsageError, type CliIo, type Values } from './cliIo'
import { checkPool, collectMembers, runStats, searchAllPages, type Call, type Print } from './readCommands'
import { COMMANDS, type CommandSpec } from './commands'
import { formatMembers, formatOutbox, formatRegistered, formatUser } from './format'

export type { CliIo } from './cliIo'

/** From package.json, two folders up both from the sources (src/cli) and from the build (out/main). */
function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--version' || name === '-V') {
    io.out(`tier-admin ${version()}`)
    return 0
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(generalHelp())
    return name ? 0 : 2
  }
  const spec = COMMANDS[name]
  if (!spec) {
    io.err(`Unknown command "${name}".\n\n${generalHelp()}`)
    return 2
  }
  let values: Values
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: rest,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true
    }))
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: tier-admin ${spec.usage}`)
    return 2
  }
  if (values.help) {
    io.out(commandHelp(spec))
    return 0
  }
  try {
    checkUsage(spec, values, positionals)
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: tier-admin ${spec.usage}`)
    return 2
  }
  const app = await openAppContext({ env: io.env, processLabel: `the tier-admin CLI (${name})` })
  try {
    return await runCommand(name, values, positionals, io, createHandlers(app), app)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: tier-admin ${spec.usage}`)
      return 2
    }
    throw error
  } finally {
    await app.close()
  }
}

/** Failures that are the caller's input, not the operation: exit code 2, like any usage mistake. */
const INPUT_ERRORS = new Set(['VALIDATION', 'INVALID_TIER'])

async function runCommand(name: string, values: Values, positionals: string[], io: CliIo, handlers: Handlers, app: AppContext): Promise<number> {
  const asJson = values.json === true
  let inputRefused = false
  const call = async <K extends Operation>(operation: K, payload: unknown): Promise<ResultOf<K> | null> => {
    const result: Result<ResultOf<K>> = await invokeOperation(handlers, operation, payload, 'cli')
    if (result.ok) return result.data
    inputRefused = INPUT_ERRORS.has(result.error.code)
    reportError(result.error, io, asJson)
    return null
  }
  const print = (data: unknown, human: string) => io.out(asJson ? JSON.stringify(data, null, 2) : human)
  const code = await dispatch(name, values, positionals[0], io, app, call, print)
  return code === 1 && inputRefused ? 2 : code
}

async function dispatch(name: string, values: Values, positional: string | undefined, io: CliIo, app: AppContext, call: Call, print: Print): Promise<number> {
  const asJson = values.json === true

  const account = ACCOUNT_COMMANDS[name]
  if (account?.operation) {
    const request = accountRequest(name, values)
    if ('usage' in request) throw new UsageError(request.usage)
    const result = await call(account.operation, request.payload)
    if (!result) return 1
    print(result, formatAccountResult(name, result))
    return 0
  }

  switch (name) {
    case 'pool':
      return checkPool(call, print, io, asJson)
    case 'register': {
      const password = await passwordFrom(values, io, values.username)
      const result = await call('register', {
        username: values.username,
        email: values.email,
        password,
        tier: values.tier,
        attributes: parseAttributes(values.attr as string[] | undefined)
      })
      if (!result) return 1
      print(result, formatRegistered(result))
      return 0
    }
    case 'confirm': {
      const result = await call('confirm', { username: values.username, code: values.code })
      if (!result) return 1
      print(result, `Confirmed ${result.username}.`)
      return 0
    }
    case 'resend-code': {
      const result = await call('resendCode', { username: values.username ?? positional })
      if (!result) return 1
      print(result, result.delivery ? `A new code was sent to ${result.delivery.destination}.` : 'A new code was sent.')
      return 0
    }
    case 'admin-confirm': {
      if (values.yes !== true)
        throw new UsageError('Confirming without a code skips the email check: add --yes to confirm you verified this person another way.')
      const result = await call('adminConfirm', { username: values.username ?? positional })
      if (!result) return 1
      print(result, `Confirmed ${result.username} without a code.`)
      return 0
    }
    case 'get': {
      const result = await call('getUser', { username: values.username ?? positional })
      if (!result) return 1
      print(result, formatUser(result))
      return 0
    }
    case 'search':
      return searchAllPages(positional, values, call, print)
    case 'set-tier': {
      const result = await call('setTier', { username: values.username, tier: values.tier })
      if (!result) return 1
      print(
        result,
        `${result.username} is now on the ${result.to} tier (was ${tierLabel(result.from)}).${result.refreshError ? `\n${result.refreshError.message}` : ''}`
      )
      return 0
    }
    case 'outbox': {
      const result = await call('getOutbox', undefined)
      if (!result) return 1
      if (!result.available) {
        reportError({ code: 'NOT_CONFIGURED', message: 'Only the sandbox pool has an outbox; a real pool sends real emails.' }, io, asJson)
        return 1
      }
      const messages = values.username ? result.messages.filter((m) => m.username === values.username) : result.messages
      print(messages, formatOutbox(messages))
      return 0
    }
    case 'stats':
      return runStats(values, io, app, call, print)
    case 'sandbox-restore': {
      if (values.yes !== true) throw new UsageError('Restoring replaces damaged sandbox files with their last good copy: add --yes to go ahead.')
      const report = await call('restoreSandbox', undefined)
      if (!report) return 1
      print(
        report,
        report.restored.length ? `Restored from the last good copy: ${report.restored.join(', ')}.` : 'No sandbox file is damaged; nothing was changed.'
      )
      return 0
    }
    case 'list-tier': {
      if (!positional) throw new UsageError('Name the tier: standard, premium, none or invalid.')
      if (values.csv) {
        const file = await call('statsCsv', { kind: 'tier', bucket: positional })
        if (!file) return 1
        io.out(file.csv.trimEnd())
        return 0
      }
      const members = await collectMembers(positional, call)
      if (!members) return 1
      print(members, formatMembers(members))
      return 0
    }
  }
  throw new UsageError(`Unknown command "${name}".`)
}

/** Usage mistakes are found before the pool is opened: they need no sandbox and no network. */
function checkUsage(spec: CommandSpec, values: Values, positionals: string[]): void {
  if (positionals.length > (spec.positional ? 1 : 0)) throw new UsageError(`Unexpected argument "${positionals.at(-1)}".`)
  if (spec.positional && positionals[0] !== undefined) values[spec.positional] ??= positionals[0]
  const missing = (spec.required ?? []).filter((option) => values[option] === undefined)
  if (missing.length) throw new UsageError(`Missing ${missing.map((option) => `--${option}`).join(' and ')}.`)
  for (const [a, b] of spec.exclusive ?? []) {
    if (values[a] !== undefined && values[b] !== undefined) throw new UsageError(`--${a} and --${b} cannot be used together: choose one.`)
  }
}

/**
 * Passwords come from standard input or a prompt that does not echo, never from the command line or
 * the environment, where other accounts on the computer can read them (ps, /proc/<pid>/cmdline).
 */
async function passwordFrom(values: Values, io: CliIo, username: unknown): Promise<string> {
  if (values['password-stdin']) return (await io.readStdin()).replace(/\r?\n$/, '')
  if (io.readSecret) return io.readSecret(`Password for ${String(username)}: `)
  throw new UsageError('Give the password on standard input with --password-stdin (it is never taken from the command line, where others can see it).')
}

function parseAttributes(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs?.length) return undefined
  const attributes: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new UsageError(`--attr takes name=value, not "${pair}".`)
    attributes[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return attributes
}

function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length))
  const lines = Object.entries(COMMANDS).map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`)
  return [
    'Tier Admin command line: manage users and tiers in a Cognito user pool.',
    '',
    'Usage: tier-admin <command> [options]   (tier-admin <command> --help for its options)',
    '',
    'Commands:',
    ...lines,
    '',
    'The pool comes from COGNITO_REGION, COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET',
    '(environment or .env); with none set, the sandbox pool the app uses.'
  ].join('\n')
}

function commandHelp(spec: CommandSpec): string {
  const lines = Object.entries(spec.options).map(([option, o]) => `  --${option.padEnd(16)} ${o.description}`)
  return [`${spec.summary}.`, '', `Usage: tier-admin ${spec.usage}`, '', 'Options:', ...lines, `  --${'help'.padEnd(16)} Show this help`].join('\n')
}
