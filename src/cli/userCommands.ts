/** The everyday commands on one user: sign-up and its confirmation, reading a user, changing a tier. */
import { takesEffectSentence } from '../shared/takesEffect'
import { tierChangeSentence } from '../shared/tierChange'
import { UsageError, type CliIo, type Values } from './cliIo'
import { byUsername, callAndPrint, fromOptions, json, usernameOption, type Command } from './command'
import { CLI_SIGN_OUT, formatRegistered, formatUser } from './format'
import { checkUntil, untilFields, untilOptions } from './returnCommands'

export const register: Command = {
  required: ['username', 'email'],
  summary: 'Register a user with a tier (a confirmation code is sent to the email)',
  usage: 'register --username U --email E [--password-stdin] [--tier standard|premium] [--attr name=value ...]',
  options: {
    username: usernameOption,
    email: { type: 'string', description: 'The email address' },
    'password-stdin': { type: 'boolean', description: 'Read the password from standard input (without it, a terminal prompts for it)' },
    tier: { type: 'string', description: 'standard (default) or premium' },
    attr: { type: 'string', multiple: true, description: 'An extra custom attribute, name=value (name without "custom:")' },
    json
  },
  check: (values, io) => {
    passwordSource(values, io)
    parseAttributes(values.attr as string[] | undefined)
  },
  run: async ({ values, io, call, print }) => {
    const password = await passwordSource(values, io)()
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
}

export const confirm: Command = {
  required: ['username', 'code'],
  summary: 'Confirm a sign-up with the code the user received',
  usage: 'confirm --username U --code C',
  options: { username: usernameOption, code: { type: 'string', description: 'The confirmation code' }, json },
  run: callAndPrint('confirm', fromOptions('username', 'code'), (result) => `Confirmed ${result.username}.`)
}

export const resendCode: Command = {
  required: ['username'],
  summary: 'Send the user a new confirmation code',
  usage: 'resend-code --username U',
  positional: 'username',
  options: { username: usernameOption, json },
  run: callAndPrint('resendCode', byUsername, (result) => (result.delivery ? `A new code was sent to ${result.delivery.destination}.` : 'A new code was sent.'))
}

export const adminConfirm: Command = {
  required: ['username'],
  summary: 'Confirm a user without a code (only for someone verified another way)',
  usage: 'admin-confirm --username U --yes',
  positional: 'username',
  options: { username: usernameOption, yes: { type: 'boolean', description: 'Confirm that you verified this person another way' }, json },
  check: (values) => {
    if (values.yes !== true) throw new UsageError('Confirming without a code skips the email check: add --yes to confirm you verified this person another way.')
  },
  run: callAndPrint('adminConfirm', byUsername, (result) => `Confirmed ${result.username} without a code.`)
}

export const get: Command = {
  required: ['username'],
  summary: 'Show one user by exact username',
  usage: 'get <username>',
  positional: 'username',
  options: { username: usernameOption, json },
  run: callAndPrint('getUser', byUsername, formatUser)
}

export const setTier: Command = {
  required: ['username', 'tier'],
  summary: "Change a user's tier; with --until, only until that date, then back to --then (a pending return is cancelled by any tier change)",
  usage: 'set-tier <username> <standard|premium> [--until 2027-01-15T09:00 [--then standard]]',
  positional: ['username', 'tier'],
  options: { username: usernameOption, tier: { type: 'string', description: 'standard or premium' }, ...untilOptions, json },
  check: checkUntil,
  run: callAndPrint(
    'setTier',
    (values) => ({ ...fromOptions('username', 'tier')(values), ...untilFields(values) }),
    (result) =>
      [tierChangeSentence(result), result.refreshError?.message, result.takesEffect && takesEffectSentence(result.takesEffect, CLI_SIGN_OUT)]
        .filter(Boolean)
        .join('\n')
  )
}

/**
 * Passwords come from standard input or a prompt that does not echo, never from the command line or
 * the environment, where other accounts on the computer can read them (ps, /proc/<pid>/cmdline).
 * Returns how to read it; throws (a usage error) when there is no way to.
 */
function passwordSource(values: Values, io: CliIo): () => Promise<string> {
  if (values['password-stdin']) return async () => (await io.readStdin()).replace(/\r?\n$/, '')
  const readSecret = io.readSecret
  if (readSecret) return () => readSecret(`Password for ${String(values.username)}: `)
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

export const finishRegistration: Command = {
  summary: 'List registrations cut between SignUp and the tier, or finish one (set the tier it meant to give)',
  usage: 'finish-registration [<username>]',
  positional: 'username',
  options: { username: usernameOption, json },
  run: async ({ values, call, print }) => {
    if (values.username === undefined) {
      const found = await call('unfinishedRegistrations', undefined)
      if (!found) return 1
      const lines = found.registrations.map((r) => `${r.username}: no tier — registration not finished (meant: ${r.tier}, begun ${r.startedAt})`)
      print(found, lines.length ? [...lines, 'Finish one with `tier-admin finish-registration <username>`.'].join('\n') : 'Every registration is finished.')
      return 0
    }
    const done = await call('finishRegistration', { username: values.username })
    if (!done) return 1
    print(done, `Finished the registration of ${done.username}: tier ${done.tier} set.`)
    return 0
  }
}
