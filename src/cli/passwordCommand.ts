/**
 * `set-password`: a temporary password (the user chooses a new one at next sign-in) or a permanent one.
 * The password never comes from the command line, where other accounts on the computer can read it
 * (ps, /proc/<pid>/cmdline), and is never printed: it is read from standard input when that is not a
 * terminal, else typed twice at a prompt that does not echo. With --generate, main makes a temporary
 * one from the pool's policy and the CLI shows it once on the terminal.
 */
import { UsageError, type CliIo } from './cliIo'
import { json, usernameOption, type Command } from './command'
import { formatAction } from './format'

export const setPassword: Command = {
  required: ['username'],
  summary: "Set a user's password, temporary or permanent (read from standard input, or typed twice at a terminal; never a flag)",
  usage: 'set-password <username> (--temporary | --permanent) [--generate]',
  positional: 'username',
  exclusive: [
    ['temporary', 'permanent'],
    ['generate', 'permanent']
  ],
  options: {
    username: usernameOption,
    temporary: { type: 'boolean', description: 'They must choose a new password at their next sign-in' },
    permanent: { type: 'boolean', description: 'They sign in with it as it is' },
    generate: { type: 'boolean', description: "Make a temporary password from the pool's policy and show it once on this terminal" },
    json
  },
  check: (values, io) => {
    if (!values.temporary && !values.permanent && !values.generate) {
      throw new UsageError('Choose --temporary (they choose a new password at their next sign-in) or --permanent.')
    }
    if (values.generate && !io.showSecret) {
      throw new UsageError(
        '--generate shows the new password once on a terminal, and this run has none (standard error is redirected). Run it at a terminal, or pipe a password of your own on standard input with --temporary.'
      )
    }
  },
  run: async ({ values, io, call, print }) => {
    const username = String(values.username)
    const password = values.generate ? undefined : await newPassword(username, io)
    const result = await call('setPassword', { username, permanent: values.permanent === true, ...(password === undefined ? {} : { password }) })
    if (!result) return 1
    print(result, formatAction(result))
    return 0
  }
}

/** The password from standard input (one line), or typed twice at a prompt that does not echo. */
async function newPassword(username: string, io: CliIo): Promise<string> {
  const readSecret = io.readSecret
  if (!readSecret) {
    const password = (await io.readStdin()).replace(/\r?\n$/, '')
    if (!password) {
      throw new UsageError(
        'No password on standard input: pipe it in (it is never taken from the command line, where others can see it), run at a terminal to type it, or use --generate at a terminal.'
      )
    }
    if (/[\r\n]/.test(password)) throw new UsageError('Standard input holds more than one line: give the password alone, on one line.')
    return password
  }
  const typed = await readSecret(`New password for ${username}: `)
  if (!typed) throw new UsageError('No password was typed. Nothing was sent.')
  if ((await readSecret('Type it again: ')) !== typed) throw new UsageError('The two passwords typed differ. Nothing was sent.')
  return typed
}
