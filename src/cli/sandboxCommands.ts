/** The commands that only make sense on the sandbox pool: its outbox and the repair of its files. */
import { reportError, UsageError } from './cliIo'
import { callAndPrint, json, type Command } from './command'
import { formatOutbox } from './format'

export const outbox: Command = {
  summary: 'List the codes the sandbox pool sent (sandbox only)',
  usage: 'outbox [--username U]',
  options: { username: { type: 'string', description: 'Only this user' }, json },
  run: async ({ values, io, call, print, asJson }) => {
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
}

export const sandboxRestore: Command = {
  summary: 'Put the last good copy in place of each damaged sandbox file (the damaged ones are kept)',
  usage: 'sandbox-restore --yes',
  options: { yes: { type: 'boolean', description: 'Go ahead with the restore' }, json },
  check: (values) => {
    if (values.yes !== true) throw new UsageError('Restoring replaces damaged sandbox files with their last good copy: add --yes to go ahead.')
  },
  run: callAndPrint(
    'restoreSandbox',
    () => undefined,
    (report) =>
      report.restored.length ? `Restored from the last good copy: ${report.restored.join(', ')}.` : 'No sandbox file is damaged; nothing was changed.'
  )
}
