/**
 * A command's options read from its arguments, every mistake worded for the person who typed it: the
 * flag or argument as typed, the nearest valid one, the allowed values of a flag that has a list. Node's
 * own parser words its errors for programmers ("To specify a positional argument starting with a '-'…"),
 * so the CLI reads its arguments itself. Found here, before the pool is opened: no sandbox, no network.
 */
import { UsageError, type Values } from './cliIo'
import type { Command, CommandOption } from './command'
import { didYouMean } from './suggest'

const HELP: CommandOption = { type: 'boolean', description: 'Show this help' }

/** The options as given, the bare argument stored under the option it stands for. */
export function parseOptions(name: string, command: Command, args: string[]): Values {
  const options: Record<string, CommandOption> = { ...command.options, help: HELP }
  const end = args.indexOf('--')
  // Help wins over every other mistake on the line: whoever asks for it is finding out how to write it.
  if ((end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) return { help: true }
  const values: Values = {}
  const positionals: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (i === end) {
      positionals.push(...args.slice(i + 1))
      break
    }
    if (!isFlag(arg)) {
      positionals.push(arg)
      continue
    }
    const at = arg.indexOf('=')
    const typed = at > 0 ? arg.slice(0, at) : arg
    const optionName = typed.replace(/^--?/, '')
    const option = arg.startsWith('--') && Object.hasOwn(options, optionName) ? options[optionName] : undefined
    if (!option) throw new UsageError(unknownOption(typed, name, options))
    if (option.type === 'boolean') {
      if (at > 0) throw new UsageError(`${typed} takes no value: write ${typed} alone.`)
      values[optionName] = true
      continue
    }
    const value = at > 0 ? arg.slice(at + 1) : args[++i]
    if (value === undefined || (at < 0 && (value === '--' || value.startsWith('--')))) throw new UsageError(needsValue(typed, option, value))
    store(values, optionName, option, value)
  }
  takePositionals(name, command, values, positionals)
  checkRequired(name, command, values)
  checkChoices(name, command, values, positionals)
  for (const [a, b] of command.exclusive ?? []) {
    if (values[a] !== undefined && values[b] !== undefined) throw new UsageError(`--${a} and --${b} cannot be used together: choose one.`)
  }
  return values
}

/** "-5" and "-" are values; "-x" and "--x" are options. */
const isFlag = (arg: string): boolean => arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg)

function unknownOption(typed: string, name: string, options: Record<string, CommandOption>): string {
  const suggestion = didYouMean(typed.replace(/^--?/, ''), Object.keys(options), (option) => `--${option}`)
  const hint = suggestion || ` "tier-admin ${name} --help" lists its options.`
  // A bare value that starts with "-" (a username, say) goes after "--", which ends the options.
  return `Unknown option "${typed}" for ${name}.${hint}`
}

function needsValue(typed: string, option: CommandOption, next: string | undefined): string {
  const what = option.choices ? `one of: ${option.choices.join(', ')}` : option.description.replace(/^The /, 'the ')
  const after = next === undefined ? '' : ` (a value that starts with "--" is written ${typed}=${next})`
  return `${typed} needs a value: ${what}${after}.`
}

function store(values: Values, optionName: string, option: CommandOption, value: string): void {
  const before = values[optionName]
  if (option.multiple) values[optionName] = [...((before as string[] | undefined) ?? []), value]
  else if (before !== undefined && before !== value) throw new UsageError(`--${optionName} was given twice ("${String(before)}" and "${value}"): give it once.`)
  else values[optionName] = value
}

/** The options bare arguments stand for, in order. */
const positionalsOf = (command: Command): readonly string[] => [command.positional ?? []].flat()

/** A bare argument's name as the usage line shows it: "<username>" for `get <username>`; the first one unless named. */
export function positionalLabel(command: Command, option = positionalsOf(command)[0]): { word: string; shown: string } {
  const named = [...command.usage.matchAll(/<([^>]+)>/g)].map((match) => match[1])
  const inUsage = named[Math.max(0, positionalsOf(command).indexOf(option ?? ''))]
  const word = inUsage && /^[a-z][a-z-]*$/i.test(inUsage) ? inUsage : (option ?? 'argument')
  return { word, shown: `<${inUsage ?? word}>` }
}

/**
 * Bare arguments fill the options they stand for, in order; the rest go to the command's list option
 * ("set-attribute jane email=… name=…"). One too many is refused without being repeated: on a command
 * line a stray word may be a password typed in the wrong place.
 */
function takePositionals(name: string, command: Command, values: Values, positionals: string[]): void {
  const slots = positionalsOf(command)
  const rest = positionals.slice(slots.length)
  if (rest.length && !command.rest) {
    const shown = slots.map((slot) => positionalLabel(command, slot).shown).join(' ')
    const takes = slots.length
      ? `it takes ${slots.length === 1 ? 'one bare argument' : `${slots.length} bare arguments`}, ${shown}`
      : 'it takes no bare argument'
    throw new UsageError(`Unexpected argument number ${slots.length + 1} for ${name}: ${takes}. Quote a value that has spaces.`)
  }
  slots.forEach((option, i) => {
    const bare = positionals[i]
    if (bare === undefined) return
    const given = values[option]
    if (given !== undefined && given !== bare) throw new UsageError(`"${bare}" and --${option} ${String(given)} name two different values: give one.`)
    values[option] = bare
  })
  if (rest.length && command.rest) values[command.rest] = [...((values[command.rest] as string[] | undefined) ?? []), ...rest]
}

function checkRequired(name: string, command: Command, values: Values): void {
  for (const option of command.required ?? []) {
    if (values[option] !== undefined) continue
    if (positionalsOf(command).includes(option)) {
      const { word, shown } = positionalLabel(command, option)
      throw new UsageError(`Give the ${word}: tier-admin ${name} ${shown}.`)
    }
    const { description, choices } = command.options[option]
    throw new UsageError(`Give --${option}: ${choices ? `one of ${choices.join(', ')}` : description.replace(/^The /, 'the ')}.`)
  }
}

function checkChoices(name: string, command: Command, values: Values, positionals: string[]): void {
  for (const [optionName, option] of Object.entries(command.options)) {
    const given = values[optionName]
    if (!option.choices || given === undefined || typeof given === 'boolean') continue
    for (const value of Array.isArray(given) ? given : [given]) {
      if (option.choices.includes(value)) continue
      const slot = positionalsOf(command).indexOf(optionName)
      const asTyped = slot >= 0 && positionals[slot] === value ? `The ${positionalLabel(command, optionName).word}` : `--${optionName}`
      const suggestion = didYouMean(value, option.choices)
      throw new UsageError(`${asTyped} must be one of: ${option.choices.join(', ')} (got "${value}").${suggestion || ` See "tier-admin ${name} --help".`}`)
    }
  }
}
