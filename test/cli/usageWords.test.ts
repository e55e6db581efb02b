/**
 * Usage mistakes on every command, in-process (they are found before any pool is opened): a misspelt
 * flag is named as typed with the nearest valid one, a flag that takes a list of values lists them, a
 * missing bare argument is asked for by name, and each exits 2 with the command's usage, never Node's
 * own parser message.
 */
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/cliIo'
import { COMMANDS } from '../../src/cli/commands'
import { runCli } from '../../src/cli/run'

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdout: process.stdout, readStdin: async () => '', env: {} }
  const code = await runCli(args, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const NODE_WORDS = /positional argument|ambiguous|ERR_PARSE_ARGS|Unknown option '--/

describe('usage mistakes on every command', () => {
  const cases = Object.entries(COMMANDS).flatMap(([name, command]) => Object.keys(command.options).map((option) => [name, option] as const))

  it.each(cases)('%s: a misspelt --%s suggests it', async (name, option) => {
    const typo = `--${option}z`
    const result = await run([name, typo])
    expect(result.code).toBe(2)
    expect(result.err).toContain(`Unknown option "${typo}" for ${name}. Did you mean --${option}?`)
    expect(result.err).toContain(`Usage: tier-admin ${COMMANDS[name]!.usage}`)
    expect(result.err).not.toMatch(NODE_WORDS)
  })

  const enums = Object.entries(COMMANDS).flatMap(([name, command]) =>
    Object.entries(command.options)
      .filter(([, option]) => option.choices)
      .map(([option, { choices }]) => [name, option, choices!] as const)
  )

  it.each(enums)('%s: a wrong --%s lists its values', async (name, option, choices) => {
    const command = COMMANDS[name]!
    // Every other required option given, so the wrong value is the only mistake.
    const others = (command.required ?? [])
      .filter((required) => required !== option)
      .flatMap((required) => (required === command.positional ? ['x'] : [`--${required}`, 'x']))
    const given = command.positional === option ? ['bogus'] : [`--${option}`, 'bogus']
    const result = await run([name, ...given, ...others])
    expect(result.code).toBe(2)
    expect(result.err).toContain(`must be one of: ${choices.join(', ')} (got "bogus").`)
  })

  it('covers the enum flags the CLI has', () => {
    const flags = new Set(enums.map(([, option]) => option))
    for (const flag of ['by', 'action', 'outcome', 'method', 'format']) expect(flags).toContain(flag)
  })

  it.each(Object.entries(COMMANDS).filter(([, command]) => [command.positional ?? []].flat().some((option) => command.required?.includes(option))))(
    '%s asks for its bare argument by name',
    async (name) => {
      const result = await run([name])
      expect(result.code).toBe(2)
      expect(result.err).toMatch(new RegExp(`^Give the [\\w-]+: tier-admin ${name} <`))
    }
  )

  it('suggests the nearest command, and takes a negative number as a value, not an option', async () => {
    expect((await run(['regster'])).err).toContain('Unknown command "regster". Did you mean "register"?')
    const limit = await run(['audit', '--limit', '-5'])
    expect(limit.code).toBe(2)
    expect(limit.err).toContain('--limit must be a whole number from 1 to 100000 (got "-5").')
    expect((await run(['get'])).err).toContain('Give the username: tier-admin get <username>.')
  })
})
